"""What the project relies on in the installed Material for MkDocs and mkdocs-static-i18n,
beyond their documented options: one test per assumption, so that an upgrade that changes one
fails the test that names it. The README's "Upgrading" section lists what each would touch."""

from __future__ import annotations

import inspect
import json
import re
from functools import cache
from importlib.metadata import requires, version
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.suffix import I18nFiles, create_i18n_file

from aigov.alternates import without_head_alternates
from aigov.search import LUNR_STOP_WORDS
from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
JAVASCRIPTS = THEME / "assets" / "javascripts"
OVERRIDES = ROOT / "overrides"
VENDORED_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


def theme_text() -> str:
    """Every template, stylesheet and script of the theme, as one text to search."""
    suffixes = {".html", ".css", ".js"}
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(THEME.rglob("*")) if path.suffix in suffixes)


def project_theme_classes() -> list[str]:
    """The theme's class names (md-...) that the project's templates, CSS and JavaScript use."""
    used: set[str] = set()
    for path in OVERRIDES.rglob("*"):
        if path.suffix in {".html", ".css", ".js"} and "vendor" not in path.parts:
            used.update(re.findall(r"(?<![\w-])\.?(md-[a-z0-9_-]+[a-z0-9])", path.read_text(encoding="utf-8")))
    return sorted(used)


def base_template() -> str:
    return (THEME / "base.html").read_text(encoding="utf-8")


# The versions the project was written against, and what they declare of each other.


def test_versions_are_those_the_contract_was_checked_against():
    """Material 9.8.1 and mkdocs-static-i18n 1.3.1: read the README's "Upgrading" before changing this."""
    assert (version("mkdocs-material"), version("mkdocs-static-i18n")) == ("9.8.1", "1.3.1")


def test_i18n_declares_a_material_extra_below_the_material_in_use():
    """mkdocs-static-i18n 1.3.1 declares `mkdocs-material<9.7.2` for its extra; the project runs 9.8.1
    (without the extra), relying on the tests below rather than on that declaration."""
    assert "mkdocs-material<9.7.2; extra == 'material'" in (requires("mkdocs-static-i18n") or [])


# Material: templates and class names.


@pytest.mark.parametrize("name", project_theme_classes())
def test_theme_class_used_by_the_project_exists_in_material(name: str):
    assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", theme_text()), f"Material no longer has the class {name}"


@pytest.mark.parametrize("block", ["styles", "scripts", "content"])
def test_base_template_has_the_blocks_the_overrides_fill(block: str):
    """main.html fills styles and scripts, 404.html content."""
    assert re.search(rf"{{% block {block} %}}", base_template())


def test_extra_javascript_runs_after_the_bundle_in_block_scripts():
    """material-search.js, put before super() in block scripts, runs before the bundle; reader.js
    (extra_javascript) after it."""
    scripts = base_template().split("{% block scripts %}")[1].split("{% endblock %}")[0]
    assert re.search(r"javascripts/bundle\.[0-9a-f]+\.min\.js.*config\.extra_javascript", scripts, re.S)


def test_theme_config_names_its_search_worker():
    """material-search.js checks <script id="__config"> for `search` before touching anything."""
    config = base_template().split('id="__config"')[1].split("</script>")[0]
    assert re.search(r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"', config)


def test_search_opens_through_the_toggle_and_the_field_material_search_js_watches():
    assert 'id="__search"' in base_template()
    search = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'class="md-search__input"' in search and 'role="dialog"' in search


def test_language_selector_links_carry_hreflang():
    """reader.js follows the selector's link with the clause anchor: `.md-select__link[hreflang]`."""
    alternate = (THEME / "partials" / "alternate.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*" hreflang="[^"]*" class="md-select__link">', alternate)


def test_head_alternates_are_written_as_without_head_alternates_removes_them():
    """base.html writes one <link rel="alternate" hreflang> per language; Material's bundle fetches
    <link>/sitemap.xml from each (mkdocs-material#6582), so scripts/aigov/alternates.py drops them."""
    template = re.search(r'\n[ \t]*<link rel="alternate" href="\{\{ alt\.link \| url \}\}" hreflang="[^"]*">', base_template())
    assert template
    written = '<head>\n    <link rel="alternate" href="/zh/" hreflang="zh">\n</head><body></body>'
    assert without_head_alternates(written) == "<head>\n</head><body></body>"
    bundle = next((THEME / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert "link[rel=alternate]" in bundle and "sitemap.xml" in bundle


def test_polyfills_are_written_in_block_libs_with_script_tag():
    libs = base_template().split("{% block libs %}")[1].split("{% endblock %}")[0]
    assert "config.extra.polyfills" in libs and "script_tag" in libs


# Material: the search plugin.


def test_search_index_entries_are_a_list_of_location_title_text():
    """scripts/site_hooks.py gives each page's entries (search_index.entries) their language and
    the unseen words; the parser leaves out elements marked data-search-exclude."""
    index = SearchIndex()
    page = SimpleNamespace(
        meta={},
        toc=[],
        url="documents/x/",
        title="X",
        content='<h2 id="a">A</h2><p>kept</p><div data-search-exclude=""><p>left out</p></div>',
    )
    index.add_entry_from_context(page)
    assert isinstance(index.entries, list)
    assert [(entry["location"], entry["title"]) for entry in index.entries][-1] == ("documents/x/#a", "A")
    assert "kept" in index.entries[-1]["text"] and "left out" not in index.entries[-1]["text"]


def test_search_plugin_indexes_in_on_page_context_before_the_hook():
    """The hook's on_page_context runs at priority -50, after the plugin's (default 0)."""
    assert getattr(SearchPlugin.on_page_context, "mkdocs_priority", 0) > -50


def test_search_plugin_has_the_options_mkdocs_yml_sets():
    assert {"separator", "jieba_dict_user", "fields"} <= {name for name, _ in SearchPlugin.config_class._schema}


# Material: the offline plugin.


def test_offline_plugin_keeps_a_polyfill_naming_iframe_worker_and_turns_off_directory_urls():
    """mkdocs.offline.yml names the vendored shim in extra.polyfills, so that the plugin adds no unpkg.com address."""
    plugin = OfflinePlugin()
    plugin.load_config({"enabled": True})
    config = SimpleNamespace(use_directory_urls=True, extra={"polyfills": [VENDORED_SHIM]})
    plugin.on_config(config)
    assert config.extra["polyfills"] == [VENDORED_SHIM] and config.use_directory_urls is False
    bare = SimpleNamespace(use_directory_urls=True, extra={})
    plugin.on_config(bare)
    assert any("unpkg.com" in script for script in bare.extra["polyfills"]), (
        "the plugin no longer adds the shim: drop the vendored copy?"
    )


def test_offline_plugin_inlines_the_search_index_after_i18n_has_written_it():
    assert getattr(OfflinePlugin.on_post_build, "mkdocs_priority", 0) <= getattr(I18n.on_post_build, "mkdocs_priority", 0)


# mkdocs-static-i18n.


def i18n_file(src: str, lang: str, use_directory_urls: bool = True) -> File:
    config = SimpleNamespace(docs_dir="/docs", site_dir="/site", use_directory_urls=use_directory_urls)
    return create_i18n_file(File(src, "/docs", "/site", use_directory_urls), lang, "en", ["en", "zh"], config)


def test_i18n_file_has_locale_and_norm_src_uri():
    file = i18n_file("documents/shanghai-declaration.zh.md", "zh")
    assert (file.locale, file.norm_src_uri, file.url) == (
        "zh",
        "documents/shanghai-declaration.md",
        "zh/documents/shanghai-declaration/",
    )


def test_i18n_files_find_a_page_of_the_language_being_built_by_its_unsuffixed_path():
    files = I18nFiles(SimpleNamespace(current_language="zh", default_language="en"), Files([i18n_file("themes/x.zh.md", "zh")]))
    found = files.get_file_from_path("themes/x.md")
    assert found is not None and found.src_uri == "themes/x.zh.md"


def test_i18n_plugin_names_the_language_being_built_in_current_language():
    """scripts/site_hooks.py (building_language) reads the plugin's `current_language`, which
    on_config sets and on_post_build moves to each other language before building it."""
    assert "self.current_language = " in inspect.getsource(I18n.on_config)
    assert "self.current_language = locale" in inspect.getsource(I18n.on_post_build)


def test_i18n_runs_its_on_files_and_on_post_build_before_the_hooks():
    """The hooks' on_files and on_post_build run at -110: after i18n's (-100)."""
    assert getattr(I18n.on_files, "mkdocs_priority", 0) > -110
    assert getattr(I18n.on_post_build, "mkdocs_priority", 0) > -110


# Material's search internals: one test per assumption listed at the top of material-search.js.


@cache
def material_sources(bundle: str) -> dict[str, str]:
    """The TypeScript sources of one of the theme's scripts (`bundle` or `workers/search`), by
    path, from the source map shipped beside the minified script."""
    [source_map] = sorted(JAVASCRIPTS.glob(f"{bundle}.*.min.js.map"))
    data = json.loads(source_map.read_text(encoding="utf-8"))
    return {
        path.split("src/templates/assets/javascripts/", 1)[-1]: text
        for path, text in zip(data["sources"], data["sourcesContent"])
    }


def source(bundle: str, path: str) -> str:
    return material_sources(bundle)[path]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_search_script_runs_before_the_theme_bundle():
    """1. The bundle is loaded in the `scripts` block of base.html, which main.html extends."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    block = base.split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert "assets/javascripts/bundle." in block
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    ours = main.split("{% block scripts %}", 1)[1]
    assert ours.index("material-search.js") < ours.index("super()")


def test_search_config_toggle_field_and_result_list_are_in_the_theme_markup():
    """2, 3. The config names the search worker; the dialog opens through #__search or the field;
    the results are rendered into .md-search-result__list."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert 'id="__config"' in base and '"search": "assets/javascripts/workers/search.' in base
    assert 'id="__search"' in base
    search = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'class="md-search__input"' in search
    assert 'class="md-search-result__meta"' in search and 'class="md-search-result__list"' in search


def test_search_index_is_requested_with_xmlhttprequest_at_search_index_json():
    """4. Online, the bundle asks for search/search_index.json with XMLHttpRequest; offline
    (file://) it loads search/search_index.js as a script."""
    bundle = source("bundle", "bundle.ts")
    assert 'requestJSON<SearchIndex>(\n      new URL("search/search_index.json", config.base)' in bundle
    assert 'new URL("search/search_index.js", config.base)' in bundle
    request = source("bundle", "browser/request/index.ts")
    assert "new XMLHttpRequest()" in request and 'req.open("GET", `${url}`)' in request


def test_search_worker_message_numbers():
    """5. Messages { type, data }: 0 setup (data.docs), 1 ready, 2 query (a string), 3 result."""
    message = compact(source("bundle", "integrations/search/worker/message/index.ts"))
    assert "exportconstenumSearchMessageType{SETUP,READY,QUERY,RESULT}" in re.sub(r"/\*.*?\*/", "", message)
    setup = compact(source("bundle", "integrations/search/worker/_/index.ts"))
    assert "type:SearchMessageType.SETUP,data:{config,docs," in setup
    query = compact(source("bundle", "components/search/query/index.ts"))
    assert "type:SearchMessageType.QUERY,data:value" in query


def test_search_worker_builds_its_index_anew_at_each_setup_and_answers_ready():
    """5. A second setup (the index with its unseen words, material-search.js)
    replaces the index and is answered "ready"; with Lunr's English alone the setup awaits no
    script, so a query sent after it is answered from the new index."""
    main = source("workers/search", "integrations/search/worker/main/index.ts")
    assert (
        "case SearchMessageType.SETUP:\n      await setupSearchLanguages(message.data.config)\n"
        "      index = new Search(message.data)\n      return {\n        type: SearchMessageType.READY\n      }"
    ) in main
    assert 'if (lang !== "en")\n      scripts.push(' in main and "if (scripts.length)\n    await importScripts(" in main
    assert "postMessage(await handler(ev.data))" in main


def test_search_worker_is_started_with_new_worker_heard_through_message_events_and_told_through_post_message():
    """5. The bundle starts the worker the config names with new Worker(url), sends with
    worker.postMessage and hears fromEvent(worker, "message"), which adds a listener with
    addEventListener and reads event.data."""
    assert "const worker$ = setupSearchWorker(config.search, index$)" in source("bundle", "components/search/_/index.ts")
    assert "const worker$ = watchWorker<SearchMessage>(url)" in source("bundle", "integrations/search/worker/_/index.ts")
    worker = source("bundle", "browser/worker/index.ts")
    assert "url: string, worker = new Worker(url)" in worker
    assert 'fromEvent<MessageEvent<T>, T>(worker, "message", ev => ev.data)' in worker
    assert "worker.postMessage(data)" in worker


def test_search_results_are_groups_of_entries_with_the_page_added_at_score_zero():
    """5. The worker answers a query with items: one group per page, entries with location,
    title, text, score and terms; the page's own entry added with score 0 when only its
    sections matched; a page's entry scored with a bonus that a section does not get."""
    search = source("workers/search", "integrations/search/_/index.ts")
    assert "items.push({ ...doc, score: 0, terms: {} })" in search
    assert "const boost = +!doc.parent +" in search and "score: score * (1 + boost ** 2)," in search
    assert "items: [...groups.values()]," in search


def test_search_query_is_read_on_keyup_and_focus():
    """6. The query is read from the field on keyup and focus, not on input."""
    query = compact(source("bundle", "components/search/query/index.ts"))
    assert 'worker$.pipe(first(isSearchReadyMessage)),fromEvent(el,"keyup"),focus$' in query
    assert 'fromEvent(el,"input")' not in query


def test_search_result_rendering_heads_each_group_with_its_page_and_folds_weaker_sections():
    """7. A group's heading link is its entry without "#" (else the last entry); entries scoring
    below the group's first are folded; each link carries data-md-score."""
    render = source("bundle", "templates/search/index.tsx")
    assert "const threshold = result[0].score" in render
    assert 'return !l.includes("#")' in render and "const [article] = docs.splice(parent, 1)" in render
    assert "let index = docs.findIndex(doc => doc.score < threshold)" in render
    assert 'class="md-search-result__more"' in render
    assert "data-md-score={document.score.toFixed(2)}" in render


def test_search_enter_follows_the_best_scored_link():
    """7. Enter in the field follows the result link with the highest data-md-score."""
    search = source("bundle", "components/search/_/index.ts")
    assert 'article.getAttribute("data-md-score")!' in search
    assert "const [[best]] = [...anchors].sort(([, a], [, b]) => b - a)" in search and "best.click()" in search


def test_search_worker_cuts_chinese_with_the_index_and_adds_a_wildcard_to_each_word():
    """Why material-search.js cuts Chinese itself and ends each word with U+303B: the worker cuts
    a Han run with the index's words, never a word ending on the run's last character, and gives
    up on the run when a character begins no word; each word becomes a prefix query."""
    search = source("workers/search", "integrations/search/_/index.ts")
    assert "query = query.replace(/\\p{sc=Han}+/gu, value => {" in search
    assert "segment(value, this.index.invertedIndex)" in search
    segment = source("workers/search", "integrations/search/query/segment/index.ts")
    assert "for (let j = i + 1; j < query.length; j++) {" in segment
    assert 'if (segments.has(""))\n    return new Set([query])' in segment
    transform = source("workers/search", "integrations/search/query/transform/index.ts")
    assert ".map(term => /(^[+-]|[~^]\\d+$)/.test(term) ? term : `${term}*`)" in transform


def test_search_worker_loads_lunr_languages_from_the_setup_config():
    """The worker imports a Lunr language script for each language of config.lang but English."""
    main = source("workers/search", "integrations/search/worker/main/index.ts")
    assert "for (const lang of config.lang) {" in main
    assert 'if (lang !== "en")\n      scripts.push(`${base}/min/lunr.${lang}.min.js`)' in main


def test_search_worker_drops_the_stop_words_the_index_leaves_out():
    """scripts/aigov/search.py leaves out of the hidden field `extra` the English words that the
    worker's one pipeline step, Lunr's stop-word filter, would drop: the same list."""
    worker = next(JAVASCRIPTS.glob("workers/search.*.min.js")).read_text(encoding="utf-8")
    [words] = re.findall(r"generateStopWordFilter\((\[[^\]]*\])\)", worker)
    assert frozenset(json.loads(words)) == LUNR_STOP_WORDS


# What material-start.js does instead of the bundle as it starts: one test per assumption listed
# at its top.


def test_start_script_runs_before_the_theme_bundle():
    """1. main.html loads material-start.js in the `scripts` block before the bundle."""
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8").split("{% block scripts %}", 1)[1]
    assert ours.index("material-start.js") < ours.index("super()")


# What partials/page-start.html sets on <html> before the first paint, which the bundle would set
# as it starts: the bundle's own change must then be a no-op.


def test_bundle_swaps_the_class_no_js_for_js_as_it_starts():
    """The bundle removes no-js and adds js, which leaves a root that has js alone unchanged."""
    bundle = source("bundle", "bundle.ts")
    assert 'document.documentElement.classList.remove("no-js")\ndocument.documentElement.classList.add("js")' in bundle
    assert '<html lang="{{ lang.t(\'language\') }}" class="no-js">' in base_template()


def test_bundle_marks_the_root_for_the_focus_visible_polyfill_with_a_class_and_an_empty_attribute():
    """The bundle imports the focus-visible polyfill, which adds the class js-focus-visible and
    the attribute data-js-focus-visible="" to the root of a document, and nothing else to it."""
    assert 'import "focus-visible"' in source("bundle", "bundle.ts")
    polyfill = material_sources("bundle")["node_modules/focus-visible/dist/focus-visible.js"]
    assert "document.documentElement.classList.add('js-focus-visible');" in polyfill
    assert "document.documentElement.setAttribute('data-js-focus-visible', '');" in polyfill
    assert polyfill.count("document.documentElement") == 2


# What material-start.js does instead of the bundle as it starts, continued.


def test_bundle_mounts_the_palette_component_only_on_its_component_element():
    """1. The component is mounted on the elements [data-md-component="palette"], once, as the
    bundle is evaluated; the bundle names the palette nowhere else."""
    bundle = compact(source("bundle", "bundle.ts"))
    assert '...getComponentElements("palette").map(el=>mountPalette(el)),' in bundle
    elsewhere = [
        path
        for path, text in material_sources("bundle").items()
        if "palette" in text.lower() and path not in {"bundle.ts", "components/_/index.ts"} and "components/palette/" not in path
    ]
    assert elsewhere == []
    palette = (THEME / "partials" / "palette.html").read_text(encoding="utf-8")
    assert '<form class="md-header__option" data-md-component="palette">' in palette


def test_palette_radios_carry_their_colours_and_are_followed_by_the_toggle_to_the_next():
    """2. One radio input.md-option per scheme, with its colours, followed by its label for the
    next radio, rendered hidden."""
    palette = compact((THEME / "partials" / "palette.html").read_text(encoding="utf-8"))
    assert '<inputclass="md-option"data-md-color-media="{{option.media}}"data-md-color-scheme=' in palette
    assert "data-md-color-primary=\"{{primary|replace('','-')}}\"data-md-color-accent=" in palette
    assert 'type="radio"name="__palette"id="__palette_{{loop.index0}}">{%ifoption.toggle%}<labelclass=' in palette
    assert 'for="__palette_{{loop.index%loop.length}}"hidden>' in palette


def test_palette_choice_is_stored_as_index_and_colours_and_set_on_the_body_by_the_header_script():
    """3. The component keeps { index, color } with __md_set("__palette"); the header's inline
    script reads it with __md_get, follows the system for "(prefers-color-scheme)" and sets the
    body's data-md-color-* from it."""
    component = source("bundle", "components/palette/index.ts")
    assert '__md_set("__palette", palette)' in component
    assert "index: number " in component and "color: PaletteColor " in component
    for key in ("media", "scheme", "primary", "accent"):
        assert f"{key}?: string " in component
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    assert header.index('include "partials/palette.html"') < header.index('include "partials/javascripts/palette.html"')
    script = (THEME / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    assert 'var palette=__md_get("__palette");' in script
    assert '"(prefers-color-scheme)"===palette.color.media' in script
    assert "[data-md-color-media='(prefers-color-scheme: light)']" in script
    assert "[data-md-color-media='(prefers-color-scheme: dark)']" in script
    assert 'document.body.setAttribute("data-md-color-"+key,value)' in script


def test_theme_stops_transitions_while_switching_and_gives_slate_a_dark_color_scheme():
    """4. body[data-md-color-switching] stops transitions; "slate" is dark, "default" light."""
    [palette] = (THEME / "assets" / "stylesheets").glob("palette.*.min.css")
    [main] = (THEME / "assets" / "stylesheets").glob("main.*.min.css")
    sheets = palette.read_text(encoding="utf-8") + main.read_text(encoding="utf-8")
    assert (
        "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
        "{transition-duration:0s!important}" in sheets
    )
    assert "[data-md-color-scheme=slate]{color-scheme:dark;" in sheets
    assert "[data-md-color-scheme=default]{color-scheme:light}" in sheets
