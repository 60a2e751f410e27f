"""Internal links: a target (a page of docs/ and an anchor) resolved by MkDocs from the page
being built, with directory URLs online, file URLs in the offline copy, and the Chinese build's
own files; an unknown target fails the build, naming it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.suffix import I18nFiles, create_i18n_file

from aigov.links import Target, resolve

PAGES = ("index.md", "timeline.md", "documents/shanghai-declaration.md", "themes/open-source.md")


def site_files(use_directory_urls: bool) -> Files:
    return Files([File(path, "/docs", "/site", use_directory_urls) for path in (*PAGES, "downloads/corpus.json")])


def language_files(lang: str, use_directory_urls: bool = True) -> Files:
    """The files of one language build, as mkdocs-static-i18n makes them from docs/<page>.<lang>.md."""
    config = SimpleNamespace(docs_dir="/docs", site_dir="/site", use_directory_urls=use_directory_urls)
    files = [
        create_i18n_file(
            File(path.replace(".md", f".{lang}.md"), "/docs", "/site", use_directory_urls), lang, "en", ["en", "zh"], config
        )
        for path in PAGES
    ]
    return I18nFiles(SimpleNamespace(current_language=lang, default_language="en"), Files(files))


def page_url(files: Files, page: str) -> str:
    file = files.get_file_from_path(page)
    assert file is not None
    return file.url


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (Target("themes/open-source.md"), "../../themes/open-source/"),
        (Target("timeline.md", "gai-2023"), "../../timeline/#gai-2023"),
        (Target("documents/shanghai-declaration.md", "shd-1"), "./#shd-1"),
        (Target("index.md"), "../../"),
    ],
)
def test_online_links_are_directory_urls_relative_to_the_page(target: Target, expected: str):
    files = site_files(use_directory_urls=True)
    assert resolve(target, files, page_url(files, "documents/shanghai-declaration.md")) == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (Target("themes/open-source.md"), "../themes/open-source.html"),
        (Target("timeline.md", "gai-2023"), "../timeline.html#gai-2023"),
        (Target("index.md"), "../index.html"),
    ],
)
def test_offline_links_are_file_urls_relative_to_the_page(target: Target, expected: str):
    files = site_files(use_directory_urls=False)
    assert resolve(target, files, page_url(files, "documents/shanghai-declaration.md")) == expected


def test_the_same_target_from_the_same_page_in_both_builds_leads_to_the_same_place():
    target = Target("themes/open-source.md", "shd")
    online, offline = site_files(True), site_files(False)
    assert resolve(target, online, page_url(online, "timeline.md")) == "../themes/open-source/#shd"
    assert resolve(target, offline, page_url(offline, "timeline.md")) == "themes/open-source.html#shd"


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_chinese_page_links_to_the_chinese_pages(use_directory_urls: bool):
    files = language_files("zh", use_directory_urls)
    here = page_url(files, "documents/shanghai-declaration.md")
    assert here == ("zh/documents/shanghai-declaration/" if use_directory_urls else "zh/documents/shanghai-declaration.html")
    url = resolve(Target("themes/open-source.md"), files, here)
    assert url == ("../../themes/open-source/" if use_directory_urls else "../themes/open-source.html")
    assert files.get_file_from_path("themes/open-source.md").src_uri == "themes/open-source.zh.md"


def test_an_unknown_page_fails_the_build_naming_it():
    files = site_files(use_directory_urls=True)
    with pytest.raises(PluginError, match="'themes/no-such-theme.md'"):
        resolve(Target("themes/no-such-theme.md"), files, "timeline/")


def test_a_page_missing_in_the_language_being_built_fails_the_build():
    files = language_files("zh")
    with pytest.raises(PluginError, match="'about.md'"):
        resolve(Target("about.md"), files, "zh/timeline/")


def test_a_file_that_is_not_a_page_is_no_link_target():
    with pytest.raises(PluginError, match="'downloads/corpus.json'"):
        resolve(Target("downloads/corpus.json"), site_files(True), "timeline/")


def test_a_target_at_another_anchor_keeps_its_page():
    assert Target("themes/open-source.md").at("gai") == Target("themes/open-source.md", "gai")
