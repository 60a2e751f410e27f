"""What the project relies on in the installed Material for MkDocs and mkdocs-static-i18n,
beyond their documented options: one test per assumption, so that an upgrade that changes one
fails the test that names it. The README's "Upgrading" section lists what each would touch."""

from __future__ import annotations

import inspect
import re
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
from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
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
    assert any("unpkg.com" in script for script in bare.extra["polyfills"]), "the plugin no longer adds the shim: drop the vendored copy?"


def test_offline_plugin_inlines_the_search_index_after_i18n_has_written_it():
    assert getattr(OfflinePlugin.on_post_build, "mkdocs_priority", 0) <= getattr(I18n.on_post_build, "mkdocs_priority", 0)


# mkdocs-static-i18n.


def i18n_file(src: str, lang: str, use_directory_urls: bool = True) -> File:
    config = SimpleNamespace(docs_dir="/docs", site_dir="/site", use_directory_urls=use_directory_urls)
    return create_i18n_file(File(src, "/docs", "/site", use_directory_urls), lang, "en", ["en", "zh"], config)


def test_i18n_file_has_locale_and_norm_src_uri():
    file = i18n_file("documents/shanghai-declaration.zh.md", "zh")
    assert (file.locale, file.norm_src_uri, file.url) == ("zh", "documents/shanghai-declaration.md", "zh/documents/shanghai-declaration/")


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


# Material's search internals (material-search.js): the search helper adds the checks of the
# index request and of the worker's message numbers below.
