"""The downloads of `make build`: the zipped offline copy, opened from disk in Chromium with
every request that is not file: blocked and recorded; the single-file documents; and the
download page, whose sizes and checksums must be those of the files it publishes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from aigov.corpus import LANGUAGES
from aigov.downloads import newest_text_date, offline_copy_name
from conftest import ROOT, broken_links
from test_no_errors_browser import problems_on

ZIP_LIMIT = 5_000_000


def build_release(site_dir: Path) -> None:
    """What `make build` runs, into `site_dir`; it must log no warning."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log, log


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("release")
    build_release(site_dir)
    return site_dir


@pytest.fixture(scope="module")
def offline_zip(release: Path, corpus) -> Path:
    name = offline_copy_name(newest_text_date(document.info for document in corpus.values()))
    assert sorted(path.name for path in (release / "downloads").glob("*.zip")) == [f"{name}.zip"]
    return release / "downloads" / f"{name}.zip"


@pytest.fixture(scope="module")
def offline_copy(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked, as a reader would: the folder it makes."""
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / offline_zip.stem


@pytest.fixture
def offline_tab(browser):
    """A tab that lets file: requests through and blocks and records every other one, with
    the page's script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    record = {"blocked": [], "requested": [], "errors": []}

    def guard(route) -> None:
        if urlsplit(route.request.url).scheme == "file":
            route.continue_()
        else:
            record["blocked"].append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda request: record["requested"].append(request.url))
    tab = context.new_page()
    tab.on("pageerror", lambda error: record["errors"].append(str(error)))
    yield tab, record
    context.close()


def assert_offline(record: dict[str, list[str]]) -> None:
    assert record["blocked"] == []
    assert [url for url in record["requested"] if urlsplit(url).scheme != "file"] == []
    assert record["errors"] == []


def local_path(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


# The zip


def test_zip_unpacks_into_one_folder_under_the_size_limit(offline_zip: Path):
    assert offline_zip.stat().st_size < ZIP_LIMIT
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {offline_zip.stem}
        assert {entry.date_time for entry in archive.infolist()} == {(*map(int, offline_zip.stem[-10:].split("-")), 0, 0, 0)}
    for page in ("index.html", "zh/index.html", "download.html", "zh/download.html", "search/search_index.js"):
        assert f"{offline_zip.stem}/{page}" in names


@pytest.mark.build
def test_zip_is_the_same_bytes_on_every_build(offline_zip: Path, tmp_path: Path):
    build_release(tmp_path / "again")
    assert (tmp_path / "again" / "downloads" / offline_zip.name).read_bytes() == offline_zip.read_bytes()


def test_offline_copy_bundles_the_worker_shim_and_leaves_urls_of_the_online_site(offline_copy: Path, release: Path):
    page = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in page
    # in the head, not deferred: it stands in for Worker before the deferred bundle starts one
    assert '<script src="assets/javascripts/vendor/iframe-worker/shim.js"></script>' in page.split("</head>")[0]
    assert (offline_copy / "documents" / "shanghai-declaration.html").is_file()
    online = (release / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in online
    assert (release / "documents" / "shanghai-declaration" / "index.html").is_file()
    assert not (release / "documents" / "shanghai-declaration.html").exists()
    # the online site's 404 page leads to absolute homes; a browser shows none for file://
    assert (release / "404.html").is_file() and not (offline_copy / "404.html").exists()


def test_offline_copy_names_no_other_host(offline_copy: Path):
    """No page, stylesheet or script loads anything from another host."""
    loaders = re.compile(r"""(?:src|href)=["'](?:https?:)?//|@import|url\(["']?(?:https?:)?//""")
    for path in offline_copy.rglob("*"):
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                soup = BeautifulSoup(text, "html.parser")
                external = [
                    tag.get("src") or tag.get("href")
                    for tag in soup.select("script[src], link[href], img[src], iframe[src]")
                    # A data: URL (the single files' empty icon) is its own content, from no host.
                    if urlsplit(tag.get("src") or tag.get("href")).scheme not in {"", "data"}
                ]
                assert external == [], path
            else:
                assert not loaders.search(text), path


# Every file of the copy is used: what no page, style sheet or script reaches is left out
# (scripts/aigov/offline.py). A licence travels with the code it licenses.


# A file named in code (`${base}/search/search_index.js`), or by a style sheet's url(...).
PATH_IN_CODE = re.compile(r"[\w./-]*[\w-]\.(?:html|js|json|css|png|svg|ico|webmanifest|woff2?|csv|zip|txt)\b")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")


def local(base: Path, url: str) -> Path | None:
    """The file a relative URL names from `base`; None for another host or no path."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (base / unquote(parts.path)).resolve()


def references(path: Path, root: Path) -> list[Path]:
    """The files a page (its links, scripts, search worker and inline code), style sheet or script names."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found: list[Path | None] = []
    if path.suffix == ".html":
        soup = BeautifulSoup(text, "html.parser")
        # data-src: what a page's scripts load on demand (its page data, scripts/aigov/pagedata.py).
        found += [
            local(path.parent, tag[name]) for name in ("href", "src", "data-src") for tag in soup.find_all(attrs={name: True})
        ]
        if config := soup.find("script", id="__config"):
            found.append(local(path.parent, json.loads(config.string)["search"]))
        for script in soup.find_all("script", src=False):
            found += [local(root, token.lstrip("/")) for token in PATH_IN_CODE.findall(script.string or "")]
    elif path.suffix == ".css":
        found += [local(path.parent, url) for url in CSS_URL.findall(text)]
    elif path.suffix == ".js":
        for token in PATH_IN_CODE.findall(text):
            found += [local(root, token.lstrip("./")), local(path.parent, token)]
    return [target for target in found if target is not None]


def reached_files(root: Path, starts: list[str]) -> set[Path]:
    """Every file of `root` reached from `starts` by what each reached file names."""
    files = {path.resolve() for path in root.rglob("*") if path.is_file()}
    queue = [(root / start).resolve() for start in starts]
    seen: set[Path] = set()
    while queue:
        path = queue.pop()
        if path in seen or path not in files:
            continue
        seen.add(path)
        queue += references(path, root)
    return seen


def test_every_file_of_the_offline_copy_is_reached_from_its_home(offline_copy: Path):
    files = {path.resolve() for path in offline_copy.rglob("*") if path.is_file()}
    unreached = files - reached_files(offline_copy, ["index.html"])
    assert sorted(path.relative_to(offline_copy.resolve()).as_posix() for path in unreached if path.name != "LICENSE") == []
    for left_out in ("assets/javascripts/lunr", "search/search_index.json", "assets/stylesheets/single-document.css"):
        assert not (offline_copy / left_out).exists(), left_out
    assert not list(offline_copy.rglob("*.map"))
    assert not [path for path in offline_copy.rglob("*.js") if b"sourceMappingURL" in path.read_bytes()]


# The offline copy in Chromium, from file://


def test_no_page_of_the_offline_copy_has_an_error(browser, offline_copy: Path):
    """Every page opened from disk, both languages and the single files: no uncaught error, no
    console error, no failed request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    pages = sorted(offline_copy.rglob("*.html"))
    found = {path.relative_to(offline_copy).as_posix(): problems_on(tab, path.as_uri()) for path in pages}
    context.close()
    assert len(found) > 60 and "downloads/shanghai-declaration.html" in found
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_offline_copy_navigates_documents_and_languages_without_a_request(offline_tab, offline_copy: Path, corpus):
    tab, record = offline_tab
    tab.goto((offline_copy / "index.html").as_uri())
    tab.locator(".document-list a").first.click()
    first = sorted(corpus.values(), key=lambda document: document.info.date)[0].info
    tab.wait_for_url("**/documents/*.html")
    assert local_path(tab.url) == offline_copy / "documents" / f"{first.slug}.html"
    assert tab.locator("h1").first.inner_text().removesuffix("¶") == first.title["en"]

    # Material's language selector, to the same page in Chinese
    tab.locator(".md-header__option .md-select").first.hover()
    tab.locator("a.md-select__link[hreflang='zh']").click()
    tab.wait_for_url("**/zh/documents/*.html")
    assert local_path(tab.url) == offline_copy / "zh" / "documents" / f"{first.slug}.html"
    assert tab.locator("h1").first.inner_text().removesuffix("¶") == first.title["zh"]

    # a cross-link to a related clause of another document, among the top five under a clause
    link = tab.locator(".clause-related__top li a").first
    slug, clause = re.fullmatch(r"([a-z-]+)\.html#([a-z0-9-]+)", link.get_attribute("href")).groups()
    link.click()
    tab.wait_for_url(f"**/zh/documents/{slug}.html#{clause}")
    assert tab.locator(f"[id='{clause}']").count() == 1

    # a theme of that clause, on its theme page, and from there the themes overview
    theme = tab.locator(f"[id='{clause}'] ~ .clause-themes a, section:has([id='{clause}']) .clause-themes p a").first
    theme_id = re.fullmatch(r"\.\./themes/([a-z0-9-]+)\.html", theme.get_attribute("href")).group(1)
    theme.click()
    tab.wait_for_url(f"**/zh/themes/{theme_id}.html")
    assert tab.locator(f"a.clause-name[href$='{slug}.html#{clause}']").count() == 1
    tab.locator(".theme-overview-link a").click()
    tab.wait_for_url("**/zh/themes.html")
    assert tab.locator(f"[id='{theme_id}']").count() == 1

    # the next page in the footer, then back home through the header
    tab.locator("a.md-footer__link--next").click()
    tab.wait_for_load_state()
    tab.locator("a.md-header__button.md-logo").click()
    tab.wait_for_url("**/zh/index.html")
    assert_offline(record)


def test_offline_view_switch_shows_one_language(offline_tab, offline_copy: Path):
    tab, record = offline_tab
    tab.goto((offline_copy / "documents" / "shanghai-declaration.html").as_uri())
    english = tab.locator(".clause .parallel-col[lang='en']").first
    chinese = tab.locator(".clause .parallel-col[lang='zh']").first
    assert english.is_visible() and chinese.is_visible()
    tab.locator(".view-switch button[data-view='zh']").click()
    assert chinese.is_visible() and not english.is_visible()
    tab.locator(".view-switch button[data-view='en']").click()
    assert english.is_visible() and not chinese.is_visible()
    assert tab.locator(".view-switch button[data-view='en']").get_attribute("aria-pressed") == "true"
    assert_offline(record)


def test_offline_terms_light_up_their_counterparts(offline_tab, offline_copy: Path):
    """terms.js from file://: the switch, the counterpart, the card and its glossary link."""
    tab, record = offline_tab
    tab.goto((offline_copy / "zh" / "documents" / "global-ai-governance-action-plan.html").as_uri())
    tab.locator(".terms-switch__toggle").click()
    tab.locator('.glossary-term[tabindex="0"]').first.wait_for(state="attached")  # term-cards.js has loaded
    tab.locator('[data-clause="gap-2"] .parallel-col[lang="zh"] .glossary-term', has_text="成果转化").hover()
    assert tab.locator(".glossary-term--counterpart").all_inner_texts() == ["transformation of research outcomes"]
    assert tab.locator(".term-popover .term-card__pinyin").inner_text() == "chéng guǒ zhuǎn huà"
    tab.locator('[data-clause="gap-2"] .parallel-col[lang="zh"] .glossary-term', has_text="成果转化").click()
    tab.locator(".term-popover .term-card__entry a").click()
    tab.wait_for_url("**/zh/glossary.html#term-cheng-guo-zhuan-hua")
    assert tab.locator("#term-cheng-guo-zhuan-hua").is_visible()
    assert_offline(record)


def test_offline_comparison_opens_from_a_clause_and_shows_one_language(offline_tab, offline_copy: Path):
    """A clause's "compare" link opens its comparison in the offline copy (file:, no script
    needed to show it), with shared wording marked; the view switch works there too."""
    tab, record = offline_tab
    tab.goto((offline_copy / "documents" / "shanghai-declaration.html").as_uri())
    tab.locator("section.clause:has([id='shd-2-2']) a.clause-related__compare").click()
    tab.wait_for_url("**/compare/shanghai-declaration.html#shd-2-2")
    comparison = tab.locator("section.compare-set#shd-2-2")
    assert comparison.is_visible()
    assert not tab.locator("section.compare-set#shd-2-1").is_visible()
    assert comparison.locator(".compare-clause").count() == 6
    assert comparison.locator("mark").count() > 0
    tab.locator(".view-switch button[data-view='en']").click()
    assert comparison.locator(".parallel-col[lang='en']").first.is_visible()
    assert not comparison.locator(".parallel-col[lang='zh']").first.is_visible()
    assert_offline(record)


def test_offline_timeline_filters_events(offline_tab, offline_copy: Path):
    tab, record = offline_tab
    tab.goto((offline_copy / "timeline.html").as_uri())
    events = tab.locator(".timeline-event")
    total = events.count()
    assert total > 0
    tab.locator(".timeline-filter button[data-kind='document']").click()
    shown = tab.locator(".timeline-event:visible").count()
    assert 0 < shown < total
    assert_offline(record)


@pytest.mark.parametrize(
    ("start", "query", "clause"),
    [("index.html", "Global South", "gap-4"), ("zh/index.html", "数据安全", "ini-6")],
)
def test_offline_search_finds_the_clause(offline_tab, offline_copy: Path, start: str, query: str, clause: str):
    tab, record = offline_tab
    tab.goto((offline_copy / start).as_uri())
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    search = tab.locator("input.md-search__input")
    search.type(query)
    search.press("End")
    tab.locator(f'.md-search-result__list a[href$="#{clause}"]').first.wait_for()
    # Read in one go: the list is drawn again when the rest of the index arrives.
    hrefs = tab.locator(".md-search-result__list a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    found = [urlsplit(href) for href in hrefs]
    assert all(url.scheme == "file" and url.path.endswith(".html") for url in found), found
    assert_offline(record)


def first_three_places(tab) -> list[str]:
    """The first three result links as displayed, each as its anchor or its page without
    extension or trailing slash, so that a file:// list compares with an http:// one."""
    hrefs = tab.evaluate(
        "() => Array.from(document.querySelectorAll('.md-search-result__list a.md-search-result__link'))"
        ".filter(link => !link.closest('details:not([open])')).map(link => link.href)"
    )
    places: list[str] = []
    for href in hrefs:
        url = urlsplit(href)
        place = url.fragment or unquote(url.path).removesuffix("index.html").removesuffix(".html").rstrip("/").rsplit("/", 1)[-1]
        if place not in places:
            places.append(place)
    return places[:3]


@pytest.mark.parametrize(
    ("start", "query"),
    [
        ("index.html", "gap10"),
        ("index.html", "theft, tampering, leaking, and other illegal collection"),
        ("index.html", "digital divide"),
        ("index.html", "全球南方"),
        ("zh/index.html", "伦理审查"),
        ("zh/index.html", "人工智能+"),
        ("zh/index.html", "以增进人类共同福祉为目标"),
        ("zh/index.html", "open source"),
    ],
)
def test_offline_search_ranks_as_the_site_does(offline_tab, offline_copy: Path, browser, server, start: str, query: str):
    """The offline copy's search (file://, its index inlined with both languages) shows the same
    first three results as the site's."""
    from search_driver import open_search, search

    tab, record = offline_tab
    tab.goto((offline_copy / start).as_uri())
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator(".md-search-result__meta").wait_for()
    tab.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    tab.fill("input.md-search__input", query)
    tab.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    tab.wait_for_timeout(300)
    offline = first_three_places(tab)
    assert_offline(record)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_search(page, server, "zh" if start.startswith("zh/") else "en")
    search(page, query)
    online = first_three_places(page)
    context.close()
    assert offline == online


# The single-file documents


@pytest.mark.parametrize(
    "slug",
    [
        "global-ai-governance-initiative",
        "shanghai-declaration",
        "capacity-building-action-plan",
        "global-ai-governance-action-plan",
    ],
)
def test_single_file_holds_both_texts_and_every_anchor(offline_tab, release: Path, corpus, slug: str):
    document = next(document for document in corpus.values() if document.info.slug == slug)
    path = release / "downloads" / f"{slug}.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert soup.select("script, img, iframe") == []
    # One link: the empty icon, a data: URL, so that a browser asks no server for /favicon.ico.
    assert [link.attrs for link in soup.select("link")] == [{"rel": ["icon"], "href": "data:,"}]
    assert soup.select("style")
    tab, record = offline_tab
    tab.goto(path.as_uri())
    for lang in LANGUAGES:
        version = document.versions[lang]
        assert tab.locator(f"h1 [lang|='{lang}']").inner_text() == document.info.title[lang]
        for block in version.blocks:
            element = tab.locator(f"[id='{block.id}'] [lang|='{lang}']").last
            assert element.inner_text() == block.text, block.id
    clause_ids = document.versions["en"].clause_ids
    anchors = [link.get("href") for link in soup.select(".clause-label a")]
    assert anchors == [f"#{clause}" for clause in clause_ids]
    tab.locator(f"a[href='#{clause_ids[-1]}']").click()
    assert tab.evaluate("location.hash") == f"#{clause_ids[-1]}"
    assert_offline(record)


# The download page


@pytest.mark.parametrize("page", ["download/index.html", "zh/download/index.html"])
def test_download_page_lists_every_published_file_with_its_size_and_checksum(release: Path, page: str):
    html = release / page
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    rows = soup.select(".downloads tbody tr")
    listed = {}
    for row in rows:
        link = row.select_one("a[href]")
        target = (html.parent / link["href"]).resolve()
        content = target.read_bytes()
        assert link.get_text() == target.name
        assert int(row.select_one("data")["value"]) == len(content), target.name
        assert row.select_one("code.download-checksum").get_text() == hashlib.sha256(content).hexdigest(), target.name
        listed[target.name] = row.select_one("time")["datetime"]
    published = sorted(path.name for path in (release / "downloads").iterdir())
    assert sorted(listed) == published
    assert {"corpus.json", "corpus.csv", "corpus.schema.json"} <= set(listed)
    assert listed["shanghai-declaration.html"] == "2024-07-04"
    zip_name = next(name for name in listed if name.endswith(".zip"))
    assert listed[zip_name] == zip_name[-14:-4]


def test_plain_build_lists_the_files_it_publishes_without_a_zip(site: Path):
    soup = BeautifulSoup((site / "download" / "index.html").read_text(encoding="utf-8"), "html.parser")
    names = [link.get_text() for link in soup.select(".downloads tbody a")]
    assert names and not any(name.endswith(".zip") for name in names)
    assert sorted(names) == sorted(path.name for path in (site / "downloads").iterdir())


def test_every_internal_link_and_anchor_of_the_offline_copy_resolves(offline_copy: Path):
    broken, _ = broken_links(offline_copy, opened_from_disk=True)
    assert not broken, "\n".join(broken)
