"""MkDocs hooks: load and check the corpus, render document pages and data views.

Thin by design: the work is done by the pure functions of the `aigov` package, and
the HTML by the Jinja templates in overrides/partials, through the theme's environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from aigov.clauses import DocumentError
from aigov.corpus import CorpusDocument, DataError, load_corpus, load_strings, other_language
from aigov.fidelity import SOURCE_FILE, load_repairs, repair_listing
from aigov.parallel import document_list, page_context

_corpus: dict[str, CorpusDocument] = {}


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _corpus.clear()
        _corpus.update(load_corpus(data_dir(config), Path(config.docs_dir)))
    except (DocumentError, DataError) as error:
        raise PluginError(str(error)) from error
    return config


def page_language(page: Page) -> str:
    """The language of the page's Markdown file, as mkdocs-static-i18n sets it."""
    return getattr(page.file, "locale", "en")


def document_of(page: Page) -> CorpusDocument | None:
    src_uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return next((doc for doc in _corpus.values() if doc.info.src_uri == src_uri), None)


def documents_view(config: MkDocsConfig, lang: str, strings: dict[str, Any]) -> dict[str, Any]:
    return {"documents": document_list(_corpus.values(), lang, strings)}


def repairs_view(config: MkDocsConfig, lang: str, strings: dict[str, Any]) -> dict[str, Any]:
    seed = (data_dir(config) / SOURCE_FILE).read_text(encoding="utf-8")
    repairs = load_repairs(data_dir(config) / "repairs.yml")
    listing = [(doc.info, repair_listing(doc, seed, repairs)) for doc in _corpus.values()]
    return {"listing": listing}


# Pages name a view in their front matter (`data_view: repairs`); it is rendered after their text.
DATA_VIEWS: dict[str, Callable[[MkDocsConfig, str, dict[str, Any]], dict[str, Any]]] = {
    "documents": documents_view,
    "repairs": repairs_view,
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page)
    env = config.theme.get_env()
    try:
        strings = load_strings(data_dir(config), lang)
        if document := document_of(page):
            template = env.get_template("partials/parallel-document.html")
            return template.render(page_context(document, lang, strings))
        view = page.meta.get("data_view")
        if view is None:
            return markdown
        if view not in DATA_VIEWS:
            raise DataError(f"unknown data_view '{view}'; known: {', '.join(DATA_VIEWS)}")
        context = DATA_VIEWS[view](config, lang, strings)
        rendered = env.get_template(f"partials/{view}.html").render(lang=lang, other=other_language(lang), strings=strings, **context)
    except (DocumentError, DataError, KeyError, ValueError) as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error
    return f"{markdown}\n\n{rendered}\n"
