"""The data views: a page names one in its front matter (`data_view: repairs`), and its
template, overrides/partials/<name>.html, renders it after the page's text. A view is a pure
function of the site model, the page's locale and its front matter (a theme page names its
theme there); links in it are targets, which the template resolves (scripts/aigov/links.py).

A new view: a function here, its entry in DATA_VIEWS, its template, and the pages naming it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from .compare import compare_index, comparisons, page_document
from .corpus import DocumentInfo
from .fidelity import repair_listing
from .glossary import glossary_entries
from .links import Target, document_target
from .parallel import document_list
from .site import Locale, Site
from .themes import THEME_VIEW, page_theme, theme_page, theme_sections
from .timeline import KINDS, by_year

View = Callable[[Site, Locale, Mapping[str, Any]], dict[str, Any]]


def meta_description(text: str) -> str:
    """A description derived from the data, escaped: the theme writes page.meta.description into
    its <meta> as it is."""
    return escape(text, quote=True)


def document_description(locale: Locale, info: DocumentInfo) -> str:
    template = locale.strings["document"]["description"]
    return meta_description(template.format(title=info.title[locale.lang], summary=info.summary[locale.lang]))


def compare_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    """Each clause of the page's document beside its top related clauses; the page shows the
    one its address names."""
    document = page_document(meta, site.corpus)
    words = locale.strings["related"]
    info = document.info
    return {
        "title": words["compare_title"].format(short=info.short[locale.lang]),
        "comparisons": comparisons(site.corpus, site.related, document, locale),
        "index": compare_index(site.corpus, site.related, locale),
        "description": meta_description(words["compare_description"].format(title=info.title[locale.lang])),
    }


# The pages the home page leads to after the documents, in this order; their labels are the
# strings' home.pages.
HOME_PAGES = ("timeline", "themes", "glossary", "data", "download")


def documents_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The home page: a card per document, then the pages around the texts."""
    return {"documents": document_list(site.corpus, locale), "pages": [(name, Target(f"{name}.md")) for name in HOME_PAGES]}


def downloads_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    return {"downloads": site.downloads}


def glossary_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    return {"entries": glossary_entries(site.glossary, site.corpus, locale.lang, locale.strings["glossary"]["heading"])}


def repairs_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    listing = [(document.info, repair_listing(document, site.source, list(site.repairs))) for document in site.corpus.values()]
    return {"listing": listing}


def theme_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    """A theme's page: the theme its front matter names (`theme: open-source`), described by it."""
    theme = page_theme(meta, site.themes)
    description = locale.strings["themes"]["description"].format(
        name=theme.name[locale.lang], description=theme.description[locale.lang]
    )
    return {"theme_page": theme_page(site.themes, site.corpus, theme, locale), "description": meta_description(description)}


def themes_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    documents = [document.info for document in site.corpus.by_date]
    return {"documents": documents, "sections": theme_sections(site.themes, site.corpus, locale)}


def timeline_view(site: Site, locale: Locale, meta: Mapping[str, Any]) -> dict[str, Any]:
    corpus = site.corpus
    cited = {clause for event in site.events for clause in event.clauses}
    return {
        "years": by_year(site.events),
        "kinds": KINDS,
        "documents": {document.info.id: document.info for document in corpus.values()},
        "document_targets": {document.info.id: document_target(document.info) for document in corpus.values()},
        "clause_targets": {clause: document_target(corpus.document_of(clause).info, clause) for clause in cited},
    }


DATA_VIEWS: dict[str, View] = {
    "compare": compare_view,
    "documents": documents_view,
    "downloads": downloads_view,
    "glossary": glossary_view,
    "repairs": repairs_view,
    THEME_VIEW: theme_view,
    "themes": themes_view,
    "timeline": timeline_view,
}
