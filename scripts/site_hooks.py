"""MkDocs hooks: load and check the corpus, render document pages and data views.

Thin by design: the work is done by the pure functions of the `aigov` package, and
the HTML by the Jinja templates in overrides/partials, through the theme's environment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from aigov.alternates import language_roots, without_head_alternates
from aigov.clauses import Block, DocumentError
from aigov.corpus import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    CorpusDocument,
    DataError,
    by_date,
    load_corpus,
    load_strings,
    other_language,
)
from aigov.downloads import (
    Download,
    bundled_polyfills,
    published_downloads,
    single_document_context,
    single_file_path,
)
from aigov.fidelity import load_repairs, load_source, repair_listing
from aigov.glossary import GLOSSARY_FILE, Term, clause_glosses, glossary_entries, load_glossary, mark_terms
from aigov.labels import format_date, localized_permalinks
from aigov.offline import offline_links
from aigov.opendata import DOWNLOADS_DIR, SCHEMA_FILE, clause_records, to_csv, to_json
from aigov.parallel import document_list, page_context
from aigov.search import index_page, language_indexes, other_language_texts, page_entries
from aigov.themes import (
    THEME_PAGES_DIR,
    THEME_VIEW,
    THEMES_FILE,
    Theme,
    ThemePageSource,
    check_theme_pages,
    load_themes,
    page_theme,
    theme_page,
    theme_sections,
)
from aigov.timeline import KINDS, Event, by_year, document_event, events_citing, load_timeline, neighbours

_corpus: dict[str, CorpusDocument] = {}
_events: list[Event] = []
_themes: list[Theme] = []
_glossary: list[Term] = []
_downloads: list[Download] = []


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _corpus.clear()
        _corpus.update(load_corpus(data_dir(config), Path(config.docs_dir)))
        _events[:] = load_timeline(data_dir(config) / "timeline.yml", _corpus)
        _themes[:] = load_themes(data_dir(config) / THEMES_FILE, _corpus)
        _glossary[:] = load_glossary(data_dir(config) / GLOSSARY_FILE, _corpus)
    except (DocumentError, DataError) as error:
        raise PluginError(str(error)) from error
    # Material's offline plugin (offline copy only) has run: it named the iframe-worker shim on unpkg.com.
    if "polyfills" in config.extra:
        config.extra["polyfills"] = bundled_polyfills(config.extra["polyfills"])
    return config


def building_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n builds each language on its own."""
    return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE


def page_language(page: Page) -> str:
    """The language of the page's Markdown file, as mkdocs-static-i18n sets it."""
    return getattr(page.file, "locale", "en")


def document_of(page: Page) -> CorpusDocument | None:
    src_uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return next((doc for doc in _corpus.values() if doc.info.src_uri == src_uri), None)


def documents_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    return {"documents": document_list(_corpus.values(), lang, strings)}


def repairs_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    source = load_source(data_dir(config), [document.info for document in _corpus.values()])
    repairs = load_repairs(data_dir(config) / "repairs.yml")
    listing = [(doc.info, repair_listing(doc, source, repairs)) for doc in _corpus.values()]
    return {"listing": listing}


def themes_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    documents = [document.info for document in by_date(_corpus.values())]
    return {"documents": documents, "sections": theme_sections(_themes, _corpus, lang, strings)}


def theme_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """A theme's page: the theme its front matter names (`theme: open-source`)."""
    return {"theme_page": theme_page(_themes, _corpus, page_theme(meta, _themes), lang, strings)}


def timeline_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    clause_documents = {
        clause: document.info for document in _corpus.values() for clause in document.versions[lang].clause_ids
    }
    documents = {document.info.id: document.info for document in _corpus.values()}
    return {"years": by_year(_events), "kinds": KINDS, "documents": documents, "clause_documents": clause_documents}


def document_position(document: CorpusDocument) -> dict[str, Any]:
    previous, following = neighbours(_corpus, document.info.id)
    event = document_event(_events, document.info.id)
    return {"previous": previous, "next": following, "event": event.id if event else ""}


def clause_events(document: CorpusDocument) -> dict[str, list[Event]]:
    return {clause: events_citing(_events, clause) for clause in document.versions["en"].clause_ids}


def glossary_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    return {"entries": glossary_entries(_glossary, _corpus, lang)}


def downloads_view(config: MkDocsConfig, lang: str, strings: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    return {"downloads": _downloads}


def glossed(block: Block, lang: str, as_html: bool = False) -> str:
    """A block's Markdown, or its text as HTML, with its glossary terms showing their counterparts."""
    source = block.text if as_html else block.markdown
    return mark_terms(source, clause_glosses(_glossary, block.id, lang), lang, escape=as_html)


def render(config: MkDocsConfig, name: str, context: dict[str, Any]) -> str:
    env = config.theme.get_env()
    env.globals["format_date"] = format_date
    env.filters["glossed"] = glossed
    return env.get_template(name).render(context)


# Pages name a view in their front matter (`data_view: repairs`); it is rendered after their text.
# A view gets the page's front matter too (a theme page names its theme there).
DATA_VIEWS: dict[str, Callable[[MkDocsConfig, str, dict[str, Any], dict[str, Any]], dict[str, Any]]] = {
    "documents": documents_view,
    "downloads": downloads_view,
    "glossary": glossary_view,
    "repairs": repairs_view,
    THEME_VIEW: theme_view,
    "themes": themes_view,
    "timeline": timeline_view,
}


@event_priority(-110)  # after mkdocs-static-i18n's on_files, which cannot sort generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the open data, one HTML file per document and, when `make build` made it, the
    zipped offline copy (extra.offline_copy); then measure them all for the download page.
    Each language build publishes the same bytes at the same place, the site root.
    First, check that each theme has its page in the language being built."""
    check_theme_page_files(files, config)
    for name, content in open_data(config).items():
        files.append(File.generated(config, f"{DOWNLOADS_DIR}/{name}", content=content))
    strings = {lang: load_strings(data_dir(config), lang) for lang in LANGUAGES}
    for document in _corpus.values():
        html = render(config, "single-document.html", single_document_context(document, strings, _corpus))
        files.append(File.generated(config, single_file_path(document.info), content=html.encode("utf-8")))
    if offline_copy := config.extra.get("offline_copy"):
        files.append(File.generated(config, f"{DOWNLOADS_DIR}/{Path(offline_copy).name}", abs_src_path=offline_copy))
    published = {file.src_uri: file.content_bytes for file in files if file.src_uri.startswith(f"{DOWNLOADS_DIR}/")}
    try:
        _downloads[:] = published_downloads(published, _corpus)
    except DataError as error:
        raise PluginError(str(error)) from error
    return files


def check_theme_page_files(files: Files, config: MkDocsConfig) -> None:
    """The theme pages among the files of this language build (mkdocs-static-i18n has kept only
    its language's pages): those in docs/themes/ and any other naming the theme view."""
    project = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).relative_to(project).as_posix()
    pages = []
    for file in files.documentation_pages():
        uri = getattr(file, "norm_src_uri", file.src_uri)
        _, meta = get_data(file.content_string)
        if uri.startswith(f"{THEME_PAGES_DIR}/") or meta.get("data_view") == THEME_VIEW:
            pages.append(ThemePageSource(path=f"{docs_dir}/{file.src_uri}", uri=uri, meta=meta))
    try:
        check_theme_pages(pages, _themes, building_language(config), docs_dir)
    except DataError as error:
        raise PluginError(str(error)) from error


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page)
    try:
        strings = load_strings(data_dir(config), lang)
        if document := document_of(page):
            context = page_context(document, lang, strings, _themes, _corpus) | {
                "position": document_position(document),
                "clause_events": clause_events(document),
            }
            return render(config, "partials/parallel-document.html", context)
        view = page.meta.get("data_view")
        if view is None:
            return markdown
        if view not in DATA_VIEWS:
            raise DataError(f"unknown data_view '{view}'; known: {', '.join(DATA_VIEWS)}")
        context = DATA_VIEWS[view](config, lang, strings, page.meta)
        context |= {"lang": lang, "other": other_language(lang), "strings": strings}
        rendered = render(config, f"partials/{view}.html", context)
    except (DocumentError, DataError, KeyError, ValueError) as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error
    return f"{markdown}\n\n{rendered}\n"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Title the heading links in the page's language; in the offline copy (no directory URLs),
    point the templates' directory links at files."""
    strings = load_strings(data_dir(config), page_language(page))
    html = localized_permalinks(html, strings["clause"]["permalink"])
    if config.use_directory_urls:
        return html
    return offline_links(html, page.url, {file.url for file in files})


@event_priority(-50)  # after the search plugin has indexed the page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give the page's search entries their language and the words that find them unseen."""
    search = config.plugins.get("material/search")
    if search is None or not hasattr(search, "search_index"):
        raise PluginError("mkdocs.yml: the search hook needs Material's search plugin")
    lang = page_language(page)
    document = document_of(page)
    other_texts = other_language_texts(document, lang) if document else {}
    index_page(page_entries(search.search_index.entries, page.url), lang, other_texts)
    return context


def open_data(config: MkDocsConfig) -> dict[str, bytes]:
    """The corpus as open data, published by on_files at the site root in downloads/."""
    records = clause_records(_corpus, _themes, config.site_url or "")
    return {
        "corpus.json": to_json(records).encode("utf-8"),
        "corpus.csv": to_csv(records).encode("utf-8"),
        SCHEMA_FILE: (data_dir(config) / SCHEMA_FILE).read_bytes(),
    }


@event_priority(-110)  # after mkdocs-static-i18n has written the index of every language
def on_post_build(config: MkDocsConfig) -> None:
    """Write each language's search index beside the whole one; material-search.js loads the page's own.
    Not in the offline copy (no directory URLs), whose pages read the index inlined for file://."""
    if not config.use_directory_urls:
        return
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    try:
        indexes = language_indexes(json.loads(index_file.read_text(encoding="utf-8")))
    except (OSError, DataError) as error:
        raise PluginError(f"{index_file}: {error}") from error
    for lang, index in indexes.items():
        index_file.with_name(f"search_index.{lang}.json").write_text(index, encoding="utf-8")


# GitHub Pages serves the site root's 404 page for every missing address, in either language.
NOT_FOUND_TEMPLATE = "404.html"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page speaks both languages and leads to both homes; so does its language
    selector, which would otherwise keep the links of the last page built."""
    if template_name != NOT_FOUND_TEMPLATE:
        return context
    homes = language_roots(config.site_url)
    config.extra["alternate"] = [{**alternate, "link": homes[alternate["lang"]]} for alternate in config.extra.get("alternate", [])]
    context["not_found"] = [{"lang": lang, "home": homes[lang], "strings": load_strings(data_dir(config), lang)} for lang in LANGUAGES]
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Every language build writes the 404 page at the site root: keep the default language's.
    The offline copy (no directory URLs) has none: a browser shows no 404 page for file://."""
    if template_name == NOT_FOUND_TEMPLATE and (building_language(config) != DEFAULT_LANGUAGE or not config.use_directory_urls):
        return ""
    return output_content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return without_head_alternates(output)
