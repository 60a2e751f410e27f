"""MkDocs hooks: build the site model once, render document pages and data views, publish the
downloads and the search index of each language.

Thin by design: the data is loaded and checked by `aigov.site`, the views are pure functions
of it (`aigov.views`, `aigov.parallel`), and the HTML comes from the Jinja templates in
overrides/partials, through the theme's environment. Internal links are resolved by MkDocs
against the files of the language being built (`aigov.links`).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
from collections.abc import Callable
from html import unescape
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from aigov.alternates import language_roots, without_head_alternates
from aigov.citation import clause_reports, page_citations, public_url, translation_url
from aigov.clauses import Block, DocumentError
from aigov.contents import contents_without, folded_heading_ids
from aigov.corpus import DEFAULT_LANGUAGE, LANGUAGES, CorpusDocument, DataError, DocumentInfo
from aigov.downloads import published_downloads, single_document_context, single_file_path
from aigov.glossary import glossed
from aigov.labels import full_width_label_colons, localized_permalinks
from aigov.links import Target, resolve
from aigov.minify import minify_assets, without_template_indentation
from aigov.navigation import theme_features, unknown_nav_translations, unknown_theme_features
from aigov.offline import prune_offline_copy
from aigov.opendata import DOWNLOADS_DIR, SCHEMA_FILE, clause_records, to_csv, to_json
from aigov.pagedata import page_data_path, page_data_script
from aigov.pagemeta import PageHead, citation_tags, document_json_ld, open_graph
from aigov.parallel import document_view
from aigov.search import index_page, language_indexes, other_language_texts, page_entries
from aigov.site import Locale, Site, load_site
from aigov.sitemap import commit_day
from aigov.themes import THEME_PAGES_DIR, THEME_VIEW, ThemePageSource, check_theme_pages
from aigov.views import DATA_VIEWS, document_description


class _Build:
    """What on_config prepares for the other events of one build: the site model, the
    template environment and the day of the commit built, if any (MkDocs hooks are module
    functions, so it is kept here)."""

    site: Site
    env: Environment
    commit_day: str | None


_build = _Build()


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml (absolute: `mkdocs build -f mkdocs.offline.yml` names it relatively)."""
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / "data"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site = load_site(data_dir(config), Path(config.docs_dir))
    except (DocumentError, DataError) as error:
        raise PluginError(str(error)) from error
    check_nav_translations(config)
    check_theme_features(config)
    env = config.theme.get_env()
    # One escaping policy: every value is escaped, except the markup the code built (Markup).
    env.autoescape = True
    env.filters["glossed"] = functools.partial(glossed, site.glossary)
    env.filters["markdown"] = block_markdown
    _build.site, _build.env = site, env
    _build.commit_day = commit_day(project_dir(config))
    return config


def check_nav_translations(config: MkDocsConfig) -> None:
    """Each language's `nav_translations` keys name titles of its navigation (mkdocs-static-i18n
    would leave an entry untranslated, silently, for a misspelt key)."""
    i18n = config.plugins.get("i18n")
    for language in getattr(i18n, "config", {}).get("languages", []):
        if unknown := unknown_nav_translations(language.nav or config.nav, language.nav_translations):
            raise PluginError(
                f"mkdocs.yml: plugins.i18n.languages ({language.locale}).nav_translations: "
                f"{', '.join(repr(key) for key in unknown)} names no entry of the navigation"
            )


def check_theme_features(config: MkDocsConfig) -> None:
    """Each of `theme.features` is one Material looks for (it ignores a misspelt one)."""
    known = set().union(*(theme_features(Path(folder)) for folder in config.theme.dirs))
    if unknown := unknown_theme_features(list(config.theme.get("features", [])), known):
        raise PluginError(f"mkdocs.yml: theme.features: {', '.join(repr(name) for name in unknown)} is no feature of Material")


def block_markdown(block: Block) -> Markup:
    """A clause's Markdown source, as docs/ holds it, for Markdown to render."""
    return Markup(block.markdown)


def building_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n builds each language on its own."""
    return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE


def page_language(page: Page) -> str:
    """The language of the page's Markdown file, as mkdocs-static-i18n sets it."""
    return getattr(page.file, "locale", DEFAULT_LANGUAGE)


def page_src_uri(page: Page) -> str:
    """The page's place in docs/ without its language suffix, as mkdocs-static-i18n sets it."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def render(name: str, locale: Locale, context: dict[str, Any], href: Callable[[Target], str]) -> str:
    """A template of overrides/ with the locale's names (lang, other, tags, strings) and `href`,
    which turns a link target into a URL from the page being rendered."""
    names = {"locale": locale, "lang": locale.lang, "other": locale.other, "tags": locale.tags, "strings": locale.strings}
    return _build.env.get_template(name).render(names | {"href": href} | context)


@event_priority(-110)  # after mkdocs-static-i18n's on_files, which cannot sort generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the open data, one HTML file per document and, when `make build` made it, the
    zipped offline copy (extra.offline_copy); then measure them all for the download page.
    Each language build publishes the same bytes at the same place, the site root.
    First, check that each theme has its page in the language being built."""
    site = _build.site
    check_theme_page_files(files, config)
    for name, content in open_data(config).items():
        files.append(File.generated(config, f"{DOWNLOADS_DIR}/{name}", content=content))
    for document in site.corpus.values():
        context = single_document_context(document, site.locales, site.corpus, site.clause_titles)
        html = _build.env.get_template("single-document.html").render(context)
        files.append(File.generated(config, single_file_path(document.info), content=html.encode("utf-8")))
    if offline_copy := config.extra.get("offline_copy"):
        files.append(File.generated(config, f"{DOWNLOADS_DIR}/{Path(offline_copy).name}", abs_src_path=offline_copy))
    published = {file.src_uri: file.content_bytes for file in files if file.src_uri.startswith(f"{DOWNLOADS_DIR}/")}
    try:
        downloads = published_downloads(published, site.corpus)
    except DataError as error:
        raise PluginError(str(error)) from error
    _build.site = dataclasses.replace(site, downloads=tuple(downloads))
    return files


def check_theme_page_files(files: Files, config: MkDocsConfig) -> None:
    """The theme pages among the files of this language build (mkdocs-static-i18n has kept only
    its language's pages): those in docs/themes/ and any other naming the theme view."""
    docs_dir = Path(config.docs_dir).resolve().relative_to(project_dir(config)).as_posix()
    pages = []
    for file in files.documentation_pages():
        uri = getattr(file, "norm_src_uri", file.src_uri)
        _, meta = get_data(file.content_string)
        if uri.startswith(f"{THEME_PAGES_DIR}/") or meta.get("data_view") == THEME_VIEW:
            pages.append(ThemePageSource(path=f"{docs_dir}/{file.src_uri}", uri=uri, meta=meta))
    try:
        check_theme_pages(pages, _build.site.themes, building_language(config), docs_dir)
    except DataError as error:
        raise PluginError(str(error)) from error


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Date the page, for the sitemap, by the commit rather than the build day."""
    if _build.commit_day:
        page.update_date = _build.commit_day
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _build.site
    locale = site.locale(page_language(page))
    href = functools.partial(resolve, files=files, page_url=page.url)
    try:
        if document := site.corpus.page_document(page_src_uri(page)):
            page.meta["description"] = document_description(locale, document.info)
            # The parallel text takes the width: the site's navigation is in the tabs above.
            page.meta["hide"] = ["navigation"]
            context = document_view(site, locale, document) | cite_view(document, locale, page, config)
            write_page_data(page, config, context, locale, href)
            data_src = PurePosixPath(page_data_path(page.file.dest_uri)).name
            return render("partials/parallel-document.html", locale, context | {"page_data": data_src}, href)
        view = page.meta.get("data_view")
        if view is None:
            return markdown
        if view not in DATA_VIEWS:
            raise DataError(f"unknown data_view '{view}'; known: {', '.join(DATA_VIEWS)}")
        context = DATA_VIEWS[view](site, locale, page.meta)
        # A view may describe its page (a theme's page, from the theme), for the theme's <meta>.
        if description := context.pop("description", None):
            page.meta["description"] = description
        rendered = render(f"partials/{view}.html", locale, context, href)
    except (DocumentError, DataError, KeyError, ValueError, PluginError) as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error
    return f"{markdown}\n\n{rendered}\n"


def macro(template: str, name: str) -> Callable[..., str]:
    """A macro of a template of overrides/, to render a part on its own."""
    found: Callable[..., str] = getattr(_build.env.get_template(template).module, name)
    return found


def write_page_data(
    page: Page, config: MkDocsConfig, context: dict[str, Any], locale: Locale, href: Callable[[Target], str]
) -> None:
    """A document page's term cards, cite dialog and citations, beside the page (aigov.pagedata)."""
    cards = macro("partials/term-cards.html", "term_cards")(context["cards"], locale.strings, href)
    dialog = macro("partials/cite-dialog.html", "cite_dialog_body")(
        locale.strings, locale.tags, locale.lang, context["public_address"]
    )
    path = Path(config.site_dir) / page_data_path(page.file.dest_uri)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_data_script(str(cards), str(dialog), context["citations"]), encoding="utf-8")


def page_urls(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """The page's public address in each language ("" for each when the build knows none)."""
    lang = page_language(page)
    url = public_url(config.site_url, page.url, config.use_directory_urls)
    if not url:
        return dict.fromkeys(LANGUAGES, "")
    return {code: url if code == lang else translation_url(url, config.site_url or "", lang, code) for code in LANGUAGES}


def access_date() -> datetime.date:
    """The access date written at build time: the day of the commit built, else the build day.
    The cite dialog replaces it with the reader's own date (cite.js)."""
    return datetime.date.fromisoformat(_build.commit_day) if _build.commit_day else datetime.date.today()


def cite_view(document: CorpusDocument, locale: Locale, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """The cite dialog's entries, and each clause's prefilled error report when mkdocs.yml names
    a repository (repo_url)."""
    urls = page_urls(page, config)
    accessed = access_date()
    return {
        "citations": page_citations(document, _build.site.locales, locale.lang, urls, accessed),
        "cite_accessed": accessed.isoformat(),
        "public_address": urls[locale.lang],
        "reports": clause_reports(document, locale.strings, locale.lang, config.repo_url, urls[locale.lang] or page.url),
    }


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Describe the heading links in the page's language; list in the contents only the
    headings that are not folded away."""
    page.toc = contents_without(page.toc, folded_heading_ids(html))
    strings = _build.site.locale(page_language(page)).strings
    return localized_permalinks(html, strings["clause"]["permalink"])


@event_priority(-50)  # after the search plugin has indexed the page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give the page's search entries their language and the words that find them unseen."""
    search = config.plugins.get("material/search")
    if search is None or not hasattr(search, "search_index"):
        raise PluginError("mkdocs.yml: the search hook needs Material's search plugin")
    lang = page_language(page)
    document = _build.site.corpus.page_document(page_src_uri(page))
    other_texts = other_language_texts(document, lang) if document else {}
    index_page(page_entries(search.search_index.entries, page.url), lang, other_texts)
    context["page_head"] = page_head(page, config, document.info if document else None)
    return context


def page_head(page: Page, config: MkDocsConfig, info: DocumentInfo | None) -> PageHead:
    """The page's Open Graph tags and, on a document page, its citation tags and JSON-LD. The
    canonical address is the public one, in the offline copy too (not its documents/x.html)."""
    urls = page_urls(page, config)
    lang = page_language(page)
    page.canonical_url = urls[lang] or None
    strings = _build.site.locale(lang).strings
    site_name = strings["cite"]["site_name"]
    description = unescape(page.meta.get("description") or config.site_description or "")
    og_locales = {code: _build.site.locale(code).strings["cite"]["og_locale"] for code in LANGUAGES}
    title = page.title if page.title and not page.is_homepage else site_name
    og = open_graph(str(title), description, site_name, og_locales, lang, urls[lang])
    if info is None:
        return PageHead(og=og)
    root = public_url(config.site_url, "", True)
    return PageHead(
        og=og,
        citation=citation_tags(info, lang, site_name, urls[lang]),
        json_ld=document_json_ld(info, lang, strings["lang_tags"], urls, {"name": site_name, "url": root}),
    )


def open_data(config: MkDocsConfig) -> dict[str, bytes]:
    """The corpus as open data, published by on_files at the site root in downloads/."""
    records = clause_records(_build.site.corpus, _build.site.themes, _build.site.related, config.site_url or "")
    return {
        "corpus.json": to_json(records).encode("utf-8"),
        "corpus.csv": to_csv(records).encode("utf-8"),
        SCHEMA_FILE: (data_dir(config) / SCHEMA_FILE).read_bytes(),
    }


@event_priority(-110)  # after mkdocs-static-i18n has written the index of every language
def on_post_build(config: MkDocsConfig) -> None:
    """Write each language's search index, and apart its entries' unseen words, beside the
    whole one; material-search.js loads the page's own.
    Not in the offline copy (no directory URLs), whose pages read the index inlined for file://:
    there, remove what the copy never uses (after the offline plugin has inlined the index).
    Both publish the site's own scripts and style sheets minified."""
    if config.theme.custom_dir:
        minify_assets(Path(config.site_dir), Path(config.theme.custom_dir))
    if not config.use_directory_urls:
        prune_offline_copy(Path(config.site_dir))
        return
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    try:
        indexes = language_indexes(json.loads(index_file.read_text(encoding="utf-8")))
    except (OSError, DataError) as error:
        raise PluginError(f"{index_file}: {error}") from error
    for name, index in indexes.items():
        index_file.with_name(name).write_text(index, encoding="utf-8")


# GitHub Pages serves the site root's 404 page for every missing address, in either language.
NOT_FOUND_TEMPLATE = "404.html"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page speaks both languages and leads to both homes; so does its language
    selector, which would otherwise keep the links of the last page built."""
    if template_name != NOT_FOUND_TEMPLATE:
        return context
    homes = language_roots(config.site_url)
    config.extra["alternate"] = [
        {**alternate, "link": homes[alternate["lang"]]} for alternate in config.extra.get("alternate", [])
    ]
    locales = _build.site.locales
    context["not_found"] = [{"lang": lang, "home": homes[lang], "strings": locales[lang].strings} for lang in LANGUAGES]
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Every language build writes the 404 page at the site root: keep the default language's,
    without the head links that would make Material fetch each language's sitemap. The offline
    copy (no directory URLs) has none: a browser shows no 404 page for file://.
    No sitemap without an address (SITE_URL), whose URLs would be relative, nor outside git,
    where its pages would be dated by the build day."""
    if template_name == NOT_FOUND_TEMPLATE:
        if building_language(config) != DEFAULT_LANGUAGE or not config.use_directory_urls:
            return ""
        return without_head_alternates(output_content)
    if template_name == "sitemap.xml" and not (config.site_url and _build.commit_day):
        return ""
    return output_content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return without_template_indentation(full_width_label_colons(without_head_alternates(output)))
