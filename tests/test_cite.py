"""Cite, share and verify (issue 19): the citations of every document and clause (CSL-JSON valid
against the CSL schema, formatted in each style, BibTeX that a BibTeX parser reads, RIS with its
required tags), the metadata of every page as reference managers and link previews read it, the
official sources of each document, the error report of each clause, and the public address in
the offline copy."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import extruct
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from aigov.citation import STYLES, bibtex, clause_reports, csl_item, page_citations, public_url, report_link, ris, translation_url
from aigov.corpus import LANGUAGES, load_strings
from aigov.site import make_locale
from conftest import ROOT, copy_project
from published import cite_dialog, page_data
from test_quality import run_axe

HAN = re.compile("[\u4e00-\u9fff]")
SITE_URL = "https://example.org/aigov/"
REPO_URL = "https://github.com/example/aigov"
ACCESSED = datetime.date(2026, 11, 27)
CSL_SCHEMA = jsonschema.Draft7Validator(json.loads((ROOT / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8")))
LOCALES = {lang: make_locale(lang, load_strings(ROOT / "data", lang)) for lang in LANGUAGES}


def page_soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_urls(slug: str, site_url: str = SITE_URL) -> dict[str, str]:
    return {lang: f"{site_url}{'' if lang == 'en' else 'zh/'}documents/{slug}/" for lang in LANGUAGES}


@pytest.fixture(scope="module")
def citations(corpus) -> dict[tuple[str, str], dict]:
    """The cite dialog's entries of every document page, by (document, page language)."""
    return {
        (document.info.id, lang): page_citations(document, LOCALES, lang, page_urls(document.info.slug), ACCESSED)
        for document in corpus.values()
        for lang in LANGUAGES
    }


# Addresses


@pytest.mark.parametrize(
    ("site_url", "page_url", "directory_urls", "expected"),
    [
        (SITE_URL, "documents/shanghai-declaration/", True, SITE_URL + "documents/shanghai-declaration/"),
        (SITE_URL, "documents/shanghai-declaration.html", False, SITE_URL + "documents/shanghai-declaration/"),
        (SITE_URL, "zh/documents/shanghai-declaration.html", False, SITE_URL + "zh/documents/shanghai-declaration/"),
        (SITE_URL, "index.html", False, SITE_URL),
        (SITE_URL, "zh/index.html", False, SITE_URL + "zh/"),
        (SITE_URL, "", True, SITE_URL),
        (None, "documents/shanghai-declaration/", True, ""),
        ("", "documents/shanghai-declaration.html", False, ""),
    ],
)
def test_public_url_names_the_online_page_in_the_offline_copy_too(site_url, page_url, directory_urls, expected):
    assert public_url(site_url, page_url, directory_urls) == expected


def test_translation_url_swaps_the_language_prefix():
    assert translation_url(SITE_URL + "documents/x/", SITE_URL, "en", "zh") == SITE_URL + "zh/documents/x/"
    assert translation_url(SITE_URL + "zh/documents/x/", SITE_URL, "zh", "en") == SITE_URL + "documents/x/"


# Citations of every document and clause


def test_every_document_and_clause_has_a_citation_in_both_languages(citations, corpus):
    for document in corpus.values():
        for lang in LANGUAGES:
            assert list(citations[(document.info.id, lang)]) == [document.info.id, *document.aligned.clause_ids]


def test_every_csl_json_record_validates_against_the_csl_schema(citations):
    for entries in citations.values():
        for item_id, entry in entries.items():
            records = json.loads(entry["csl"])
            errors = [error.message for error in CSL_SCHEMA.iter_errors(records)]
            assert errors == [], (item_id, errors)
            assert records[0]["id"] == item_id and records[0]["type"] == "webpage"


def test_every_citation_renders_in_each_style_with_its_issuer_title_date_and_address(citations, corpus):
    for (document_id, lang), entries in citations.items():
        info = corpus[document_id].info
        for item_id, entry in entries.items():
            assert set(entry["styles"]) == {style.key for style in STYLES}
            for style in STYLES:
                text_lang = style.text_language(lang)
                text = re.sub("<[^>]+>", "", entry["styles"][style.key])
                assert info.title[text_lang] in text, (item_id, style.key, text)
                assert info.issuer[text_lang].upper() in text.upper(), (item_id, style.key, text)
                assert page_urls(info.slug)[text_lang] in text, (item_id, style.key, text)
                if item_id != document_id:
                    assert f"#{item_id}" in text and item_id.upper() in text, (item_id, style.key, text)
            # GB/T 7714 dates the publication and the access, both in ISO form
            assert f"({info.date.isoformat()})[{ACCESSED.isoformat()}]" in entry["styles"]["gbt"]


def test_the_chinese_page_cites_the_chinese_text_in_gbt_7714(citations):
    entry = citations[("gap", "zh")]["gap-10"]
    assert entry["styles"]["gbt"] == (
        "2025世界人工智能大会暨人工智能全球治理高级别会议, 2025. 人工智能全球治理行动计划：第十条（GAP-10）[EB/OL]. "
        "(2025-07-26)[2026-11-27]. https://example.org/aigov/zh/documents/global-ai-governance-action-plan/#gap-10."
    )
    assert entry["title"] == "人工智能全球治理行动计划：第十条（GAP-10）"
    assert entry["heading"] == "引用：《行动计划》第十条（GAP-10）"
    assert citations[("gap", "zh")]["gap"]["heading"] == "引用：《人工智能全球治理行动计划》"


def test_every_bibtex_record_parses_with_its_fields(citations):
    for (_, lang), entries in citations.items():
        for item_id, entry in entries.items():
            library = bibtexparser.parse_string(entry["bibtex"])
            assert library.failed_blocks == [], (item_id, entry["bibtex"])
            [record] = library.entries
            fields = {field.key: field.value for field in record.fields}
            assert record.entry_type == "misc"
            assert fields["title"] == entry["title"]
            assert fields["author"] == "{" + entry["issuer"] + "}"  # one corporate name
            assert fields["date"] == entry["issued"] and fields["urldate"] == ACCESSED.isoformat()
            assert fields["url"] == entry["url"]
            assert fields["language"] == ("zh-CN" if lang == "zh" else "en")


def test_every_ris_record_has_its_required_tags(citations):
    for entries in citations.values():
        for item_id, entry in entries.items():
            lines = entry["ris"].splitlines()
            tags = {line[:2]: line[6:] for line in lines}
            assert lines[0] == "TY  - GOVDOC" and lines[-1] == "ER  -", (item_id, lines)
            assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line) for line in lines), lines
            assert tags["TI"] == entry["title"] and tags["AU"] == entry["issuer"]
            assert tags["PY"] == entry["issued"][:4] and tags["UR"] == entry["url"]
            assert tags["Y2"] == ACCESSED.isoformat().replace("-", "/")


def test_bibtex_escapes_the_characters_latex_reads_as_commands(corpus):
    info = corpus["gap"].info
    item = csl_item(info, "en", LOCALES["en"].strings, "", ACCESSED)
    item["title"] = "R&D: 100% of #1_{x}"
    record = bibtex(item)
    assert r"title = {R\&D: 100\% of \#1\_\{x\}}" in record
    [parsed] = bibtexparser.parse_string(record).entries
    assert "url" not in {field.key for field in parsed.fields}
    assert "UR  -" not in ris(item)


def test_without_an_address_the_citations_give_none(corpus):
    document = corpus["shd"]
    entries = page_citations(document, LOCALES, "en", dict.fromkeys(LANGUAGES, ""), ACCESSED)
    entry = entries["shd-2-3"]
    assert entry["url"] == "" and "URL" not in json.loads(entry["csl"])[0]
    assert "http" not in "".join(entry["styles"].values())


# The error report


def test_the_report_link_is_the_prefilled_issue_form_of_the_repository():
    link = report_link(REPO_URL + "/", LOCALES["zh"].strings, "GAP-10", "中文", SITE_URL + "zh/documents/x/#gap-10")
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REPO_URL + "/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == ["报告错误：GAP-10（中文）"]
    assert "GAP-10" in query["body"][0] and "中文" in query["body"][0]
    assert SITE_URL + "zh/documents/x/#gap-10" in query["body"][0]
    assert " " not in link and "#" not in link.split("?", 1)[1]


def test_clause_reports_cover_every_clause_with_a_repository_and_none_without(corpus):
    document = corpus["ini"]
    strings = LOCALES["en"].strings
    assert clause_reports(document, strings, "en", None, "documents/global-ai-governance-initiative/") == {}
    assert clause_reports(document, strings, "en", "", "documents/global-ai-governance-initiative/") == {}
    reports = clause_reports(document, strings, "en", REPO_URL, "documents/global-ai-governance-initiative/")
    assert list(reports) == list(document.aligned.clause_ids)
    body = parse_qs(urlsplit(reports["ini-3"]).query)["body"][0]
    assert "INI-3" in body and "English" in body and "documents/global-ai-governance-initiative/#ini-3" in body


def test_without_repo_url_no_clause_links_to_a_report(site):
    assert "repo_url" not in yaml.safe_load(re.sub(r"!ENV.*", "''", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    for path in sorted(site.rglob("documents/*/index.html")):
        soup = page_soup_of(path)
        assert soup.select(".clause-report") == [], path
        assert soup.select("section.clause"), path


# Page metadata, as reference managers and link previews read it


def document_pages(site: Path) -> list[tuple[Path, str]]:
    return [
        (path, "zh" if path.relative_to(site).parts[0] == "zh" else "en") for path in sorted(site.rglob("documents/*/index.html"))
    ]


def test_every_document_page_carries_json_ld_and_citation_tags(site, corpus):
    pages = document_pages(site)
    assert len(pages) == 2 * len(corpus)
    by_slug = {document.info.slug: document.info for document in corpus.values()}
    for path, lang in pages:
        info = by_slug[path.parent.name]
        html = path.read_text(encoding="utf-8")
        data = extruct.extract(html, syntaxes=["json-ld", "opengraph"], uniform=True)
        [described] = data["json-ld"]
        assert described["@context"] == "https://schema.org" and described["@type"] == "CreativeWork"
        names = {name["@language"]: name["@value"] for name in described["name"]}
        assert names == {"zh": info.title["zh"], "en": info.title["en"]}
        assert described["headline"] == info.title[lang]
        assert described["author"] == {"@type": "Organization", "name": info.issuer[lang]}
        assert described["datePublished"] == info.date.isoformat() and described["inLanguage"] == lang
        assert described["isBasedOn"] == [source.url for source in info.sources if source.confirmed]
        assert "url" not in described and "sameAs" not in described  # built without site_url
        soup = page_soup_of(path)
        tags = {meta["name"]: meta["content"] for meta in soup.select('meta[name^="citation_"]')}
        assert tags == {
            "citation_title": info.title[lang],
            "citation_author": info.issuer[lang],
            "citation_publication_date": info.date.strftime("%Y/%m/%d"),
            "citation_language": lang,
            "citation_publisher": LOCALES[lang].strings["cite"]["site_name"],
        }
        assert not soup.select('meta[name="citation_pdf_url"]')


def test_every_page_has_open_graph_tags_in_its_language(site):
    pages = sorted(path for path in site.rglob("index.html") if "downloads" not in path.parts)
    for path in pages:
        lang = "zh" if path.relative_to(site).parts[0] == "zh" else "en"
        html = path.read_text(encoding="utf-8")
        [graph] = extruct.extract(html, syntaxes=["opengraph"], uniform=True)["opengraph"]
        soup = page_soup_of(path)
        assert graph["og:description"] == soup.select_one('meta[name="description"]')["content"], path
        assert graph["og:title"] and graph["og:site_name"] == LOCALES[lang].strings["cite"]["site_name"], path
        assert graph["og:locale"] == ("zh_CN" if lang == "zh" else "en_US"), path
        assert soup.select_one('meta[property="og:locale:alternate"]')["content"] == ("en_US" if lang == "zh" else "zh_CN")
        if lang == "zh":
            assert HAN.search(graph["og:title"] + graph["og:description"]), path
        assert "og:url" not in graph, path  # built without site_url


# Verify: the official sources


def test_every_document_page_names_its_official_sources(site, corpus):
    for path, lang in document_pages(site):
        info = next(document.info for document in corpus.values() if document.info.slug == path.parent.name)
        section = page_soup_of(path).select_one("section.document-sources")
        assert section is not None, path
        kinds = [dt.get_text() for dt in section.select("dt")]
        names = LOCALES[lang].strings["sources"]["kinds"]
        assert kinds == [names[source.kind] for source in info.sources]
        assert {"text-zh", "text-en", "cstd-submission"} <= {source.kind for source in info.sources}
        links = {a["href"]: a["data-source-status"] for a in section.select("dd a[href]")}
        assert links == {source.url: "confirmed" if source.confirmed else "unconfirmed" for source in info.sources if source.url}
        unconfirmed = [source for source in info.sources if not source.confirmed]
        marks = section.select("dd.editorial")
        words = LOCALES[lang].strings["sources"]
        assert sum(mark.get_text() in (words["unconfirmed"], words["no_address"]) for mark in marks) == len(unconfirmed)


def test_the_cite_dialog_holds_every_entry_of_the_page(site, corpus):
    for path, lang in document_pages(site):
        document = next(document for document in corpus.values() if document.info.slug == path.parent.name)
        soup = page_soup_of(path)
        entries = page_data(path)["citations"]
        assert list(entries) == [document.info.id, *document.aligned.clause_ids]
        buttons = [button["data-cite"] for button in soup.select("button[data-cite]")]
        assert buttons == list(entries)
        assert soup.select_one("dialog#cite-dialog").get_text() == ""  # its body comes with the page data
        dialog = cite_dialog(path).select_one("dialog#cite-dialog")
        assert dialog.select_one(".cite-dialog__notice").get_text() == LOCALES[lang].strings["cite"]["no_public_address"]


# A build for a public address with a repository, and its offline copy


@pytest.fixture(scope="module")
def addressed_offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy built for SITE_URL, from a project whose mkdocs.yml names a repository."""
    project = copy_project(tmp_path_factory.mktemp("addressed"))
    shutil.copy(ROOT / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nrepo_url: {REPO_URL}\n", encoding="utf-8")
    site_dir = project / "offline"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.offline.yml", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def test_with_repo_url_every_clause_links_to_a_report_naming_it(addressed_offline_copy: Path, corpus):
    for document in corpus.values():
        for lang in LANGUAGES:
            prefix = "" if lang == "en" else "zh/"
            soup = page_soup_of(addressed_offline_copy / f"{prefix}documents/{document.info.slug}.html")
            reports = {}
            for clause in soup.select("section.clause"):
                clause_id = clause.select_one(".clause-label")["id"]
                [link] = clause.select("a.clause-report")
                reports[clause_id] = link["href"]
            assert list(reports) == list(document.aligned.clause_ids)
            for clause_id, href in reports.items():
                assert href.startswith(REPO_URL + "/issues/new?")
                query = parse_qs(urlsplit(href).query)
                assert clause_id.upper() in query["title"][0]
                assert f"{page_urls(document.info.slug)[lang]}#{clause_id}" in query["body"][0]


def test_the_offline_copy_built_for_an_address_names_the_public_pages(addressed_offline_copy: Path):
    path = addressed_offline_copy / "zh/documents/global-ai-governance-action-plan.html"
    soup = page_soup_of(path)
    public = SITE_URL + "zh/documents/global-ai-governance-action-plan/"
    assert soup.select_one('link[rel="canonical"]')["href"] == public
    assert soup.select_one('meta[property="og:url"]')["content"] == public
    assert soup.select_one('meta[name="citation_public_url"]')["content"] == public
    described = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert described["url"] == public and described["sameAs"] == [SITE_URL + "documents/global-ai-governance-action-plan/"]
    assert not cite_dialog(path).select(".cite-dialog__notice")
    entries = page_data(path)["citations"]
    assert entries["gap-10"]["url"] == public + "#gap-10"


CLIPBOARD = "window.__copied = []; navigator.clipboard.writeText = function (text) { window.__copied.push(text); return Promise.resolve(); };"


def test_the_offline_copy_copies_the_public_address_and_cites_with_the_readers_date(addressed_offline_copy: Path, browser):
    tab = browser.new_page()
    try:
        tab.add_init_script(CLIPBOARD)
        tab.goto((addressed_offline_copy / "documents/global-ai-governance-action-plan.html").as_uri())
        tab.click("section.clause:has(#gap-10) [data-copy=link]")
        tab.wait_for_function("window.__copied.length === 1")
        assert tab.evaluate("window.__copied[0]") == SITE_URL + "documents/global-ai-governance-action-plan/#gap-10"
        tab.click("section.clause:has(#gap-10) [data-cite]")
        dialog = tab.locator("dialog#cite-dialog")
        expect(dialog).to_be_visible()  # once cite.js and the page data have loaded
        assert dialog.locator("#cite-dialog-title").text_content() == "Cite: Action Plan, item 10 (GAP-10)"
        today = tab.evaluate(
            "(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()"
        )
        assert dialog.locator("[data-field=accessed]").text_content() == today
        gbt = dialog.locator("[data-style=gbt]").text_content()
        assert f"[{today}]. {SITE_URL}documents/global-ai-governance-action-plan/#gap-10." in gbt
        assert f"urldate = {{{today}}}" in dialog.locator("[data-record=bibtex]").text_content()
        csl = json.loads(dialog.locator("[data-record=csl]").text_content())
        assert csl[0]["accessed"]["date-parts"][0] == [int(part) for part in today.split("-")]
        tab.click("[data-cite-copy=apa]")
        tab.wait_for_function("window.__copied.length === 2")
        assert "Global AI Governance Action Plan, item 10 (GAP-10)" in tab.evaluate("window.__copied[1]")
        expect(dialog.locator("#cite-status")).to_have_text("Copied to the clipboard")
        tab.click(".cite-dialog__close")
        assert not dialog.is_visible()
    finally:
        tab.close()


def test_a_copy_without_an_address_says_so_when_a_link_is_copied_from_disk(site: Path, browser):
    tab = browser.new_page()
    try:
        tab.add_init_script(CLIPBOARD)
        tab.goto((site / "documents/global-ai-governance-action-plan/index.html").as_uri())
        tab.click("section.clause:has(#gap-10) [data-copy=link]")
        tab.wait_for_function("window.__copied.length === 1")
        assert tab.evaluate("window.__copied[0]").startswith("file://")
        notice = LOCALES["en"].strings["cite"]["no_public_address"]
        tab.wait_for_function("(text) => document.getElementById('reader-status').textContent.includes(text)", arg=notice)
    finally:
        tab.close()


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_open_cite_dialog_has_no_wcag_violations(site: Path, browser, lang: str):
    tab = browser.new_page()
    try:
        tab.goto((site / f"{lang}documents/shanghai-declaration/index.html").as_uri())
        tab.click(".document-cite [data-cite]")
        expect(tab.locator("dialog#cite-dialog")).to_be_visible()
        assert run_axe(tab) == []
    finally:
        tab.close()
