"""Citations of a document or a clause: one CSL-JSON item each, from which a CSL processor
(citeproc-py) formats the styles with the official CSL styles vendored in data/csl/, and from
which the BibTeX and RIS records are written. Also the page's public address, which the
offline copy and the citations share.

Pure functions of the document's metadata, the page language, the address and the access
date; scripts/site_hooks.py hands the result to the page's cite dialog (overrides/partials)."""

from __future__ import annotations

import datetime
import functools
import json
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from .corpus import LANGUAGES, CorpusDocument, DocumentInfo
from .labels import clause_code, clause_name

if TYPE_CHECKING:
    from .site import Locale

CSL_DIR = Path(__file__).resolve().parents[2] / "data" / "csl"
# The CSL locale of each page language.
CSL_LOCALES = {"en": "en-US", "zh": "zh-CN"}


@dataclass(frozen=True)
class CitationStyle:
    """A vendored CSL style, and the language of the text it cites from a page in `page_lang`:
    APA and Chicago are English-language styles (their Chinese locale writes dates as "七月 26"),
    so a Chinese page cites the English text in them; GB/T 7714 cites each page's own text."""

    key: str
    file: str

    def text_language(self, page_lang: str) -> str:
        return page_lang if self.key == "gbt" else "en"


STYLES = (
    CitationStyle("gbt", "china-national-standard-gb-t-7714-2015-author-date.csl"),
    CitationStyle("chicago", "chicago-author-date.csl"),
    CitationStyle("apa", "apa.csl"),
)


def public_url(site_url: str | None, page_url: str, directory_urls: bool) -> str:
    """The page's address on the public site, or "" when the build knows none. The offline copy
    (no directory URLs: documents/x.html) names the online page (documents/x/)."""
    if not site_url:
        return ""
    path = page_url
    if not directory_urls and path.endswith(".html"):
        path = path.removesuffix(".html")
        path = path.removesuffix("index") if path == "index" or path.endswith("/index") else f"{path}/"
    return site_url.rstrip("/") + "/" + path


def translation_url(url: str, site_url: str, lang: str, other: str) -> str:
    """The same page in the other language: English at the root, Chinese under zh/."""
    root = site_url.rstrip("/") + "/"
    path = url.removeprefix(root)
    path = path.removeprefix(f"{lang}/") if lang != LANGUAGES[0] else path
    return root + (path if other == LANGUAGES[0] else f"{other}/{path}")


def date_parts(date: datetime.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[date.year, date.month, date.day]]}


def csl_item(
    info: DocumentInfo,
    lang: str,
    strings: Mapping[str, Any],
    url: str,
    accessed: datetime.date,
    clause: tuple[str, str, str] | None = None,
) -> dict[str, Any]:
    """The CSL-JSON item of a document or, given (id, name, code), of one of its clauses, in `lang`
    (whose strings name the site and the clause)."""
    title = info.title[lang]
    item_id = info.id
    if clause:
        item_id, name, code = clause
        title += strings["cite"]["clause_title"].format(name=name, code=code)
    item: dict[str, Any] = {
        "id": item_id,
        "type": "webpage",
        "title": title,
        "author": [{"literal": info.issuer[lang]}],
        "issued": date_parts(info.date),
        "accessed": date_parts(accessed),
        "container-title": strings["cite"]["site_name"],
        "language": strings["cite"]["csl_language"],
    }
    if url:
        item["URL"] = url
    return item


@functools.cache
def _style(file: str, locale: str) -> CitationStylesStyle:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it does not use here
        return CitationStylesStyle(str(CSL_DIR / file), locale=locale, validate=False)


def formatted(item: Mapping[str, Any], style: CitationStyle, lang: str) -> str:
    """The bibliography entry of `item` in `style`, as HTML (escaped text, <i> for italics)."""
    return _formatted(json.dumps(item, sort_keys=True), style, lang)


@functools.cache
def _formatted(item_json: str, style: CitationStyle, lang: str) -> str:
    """Cached: citeproc-py takes about 0.2 s an entry in Chicago, and both languages' pages cite
    the English text in Chicago and APA."""
    item = json.loads(item_json)
    bibliography = CitationStylesBibliography(_style(style.file, CSL_LOCALES[lang]), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(bibliography.bibliography()[0])


def iso(parts: Mapping[str, Any]) -> str:
    year, month, day = parts["date-parts"][0]
    return f"{year:04d}-{month:02d}-{day:02d}"


BIBTEX_SPECIAL = str.maketrans({char: f"\\{char}" for char in "&%$#_{}"})


def bibtex(item: Mapping[str, Any]) -> str:
    """A BibTeX @misc record (biblatex fields date and urldate); the issuing body in double braces,
    so that it is one name, not a first and a last name."""
    key = item["id"].replace("-", "") + iso(item["issued"])[:4]
    fields = {
        "author": "{" + item["author"][0]["literal"].translate(BIBTEX_SPECIAL) + "}",
        "title": item["title"].translate(BIBTEX_SPECIAL),
        "date": iso(item["issued"]),
        "year": iso(item["issued"])[:4],
        "howpublished": item["container-title"].translate(BIBTEX_SPECIAL),
        "language": item["language"],
    }
    if "URL" in item:
        fields["url"] = item["URL"]
    fields["urldate"] = iso(item["accessed"])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}\n"


def ris(item: Mapping[str, Any]) -> str:
    """An RIS record of a government document (TY GOVDOC), ending in ER."""
    issued = iso(item["issued"])
    lines = [
        ("TY", "GOVDOC"),
        ("AU", item["author"][0]["literal"]),
        ("TI", item["title"]),
        ("T2", item["container-title"]),
        ("PY", issued[:4]),
        ("DA", issued.replace("-", "/")),
        ("LA", item["language"]),
    ]
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    lines += [("Y2", iso(item["accessed"]).replace("-", "/")), ("ER", "")]
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def csl_json(item: Mapping[str, Any]) -> str:
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def cite_entry(items: Mapping[str, Mapping[str, Any]], page_lang: str) -> dict[str, Any]:
    """What the cite dialog shows for one document or clause: the fields, each style formatted,
    and the records. `items` holds the item in each language."""
    own = items[page_lang]
    return {
        "title": own["title"],
        "issuer": own["author"][0]["literal"],
        "issued": iso(own["issued"]),
        "url": own.get("URL", ""),
        "accessed": iso(own["accessed"]),
        "styles": {
            style.key: formatted(items[style.text_language(page_lang)], style, style.text_language(page_lang)) for style in STYLES
        },
        "bibtex": bibtex(own),
        "ris": ris(own),
        "csl": csl_json(own),
    }


def page_citations(
    document: CorpusDocument,
    locales: Mapping[str, Locale],
    lang: str,
    urls: Mapping[str, str],
    accessed: datetime.date,
) -> dict[str, dict[str, Any]]:
    """The cite dialog's entries of a document page: the document's, then each clause's, keyed by
    id; `urls` holds the page's public address in each language ("" when none is known)."""
    info = document.info
    entries = {}
    for item_id in (info.id, *document.aligned.clause_ids):
        items = {}
        for item_lang, locale in locales.items():
            strings = locale.strings
            url = urls[item_lang]
            if item_id == info.id:
                items[item_lang] = csl_item(info, item_lang, strings, url, accessed)
            else:
                clause = (item_id, clause_name(item_id, info.numbered, strings), clause_code(item_id))
                items[item_lang] = csl_item(info, item_lang, strings, f"{url}#{item_id}" if url else "", accessed, clause)
        entries[item_id] = cite_entry(items, lang) | {"heading": dialog_heading(info, item_id, lang, locales[lang].strings)}
    return entries


def dialog_heading(info: DocumentInfo, item_id: str, lang: str, strings: Mapping[str, Any]) -> str:
    """The cite dialog's heading, in the page's language: the document, or the clause by the
    document's short title, its name and its code."""
    words = strings["cite"]
    if item_id == info.id:
        return str(words["dialog_title"].format(title=info.title[lang]))
    name = clause_name(item_id, info.numbered, strings)
    return str(words["clause_dialog_title"].format(short=info.short[lang], name=name, code=clause_code(item_id)))


def script_json(data: Any) -> str:
    """JSON for a <script type="application/json"> element: no "<" that could close it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def clause_reports(
    document: CorpusDocument, strings: Mapping[str, Any], lang: str, repo_url: str | None, address: str
) -> dict[str, str]:
    """Each clause's error report, by id; none without a repository. `address` is the page's."""
    if not repo_url:
        return {}
    language = strings["language_names"][lang]
    return {
        clause: report_link(repo_url, strings, clause_code(clause), language, f"{address}#{clause}")
        for clause in document.aligned.clause_ids
    }


def report_link(repo_url: str, strings: Mapping[str, Any], code: str, language: str, address: str) -> str:
    """The repository's new-issue form, prefilled with the clause, the language and the page."""
    words = strings["report"]
    query = urlencode(
        {
            "title": words["title"].format(code=code, language=language),
            "body": words["body"].format(code=code, language=language, url=address),
        },
        quote_via=quote,
    )
    return f"{repo_url.rstrip('/')}/issues/new?{query}"
