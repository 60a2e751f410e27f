"""Shared fixtures: the project's data, one strict build of the site, a local server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from aigov.corpus import load_corpus
from aigov.fidelity import load_repairs, load_source

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a strict build of `project` into `site_dir`, capturing its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads, for tests that break its input."""
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(ROOT / "data", ROOT / "docs")


@pytest.fixture(scope="session")
def source(corpus):
    """The source text, with each version located in it by its title."""
    return load_source(ROOT / "data", [document.info for document in corpus.values()])


@pytest.fixture(scope="session")
def repairs(corpus):
    return load_repairs(ROOT / "data" / "repairs.yml", corpus)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with --strict; the build must log no warning."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log, log
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    """The built site served on the loopback interface."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, once per session; a missing browser is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package"
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Debian's Chromium through Playwright."""
    instance = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = context.new_page()
    yield tab
    context.close()


# Tests that need the built site or a browser are marked by the fixtures they use, so that
# `make test-fast` (-m "not build and not browser") runs only the pure ones.
BUILD_FIXTURES = {"site", "release", "offline_copy", "offline_zip", "server", "addressed_site"}
BROWSER_FIXTURES = {"browser", "playwright_driver"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


# Helpers shared by the test modules.


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def normalized(text: str) -> str:
    """Text with every run of white space as one space, as a reader sees it."""
    return re.sub(r"\s+", " ", text).strip()


def site_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html" or path.parent == site)


def link_targets(html: Path, site: Path):
    """Every address a page links to or loads, resolved against the page."""
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    for element in page.select("a[href], link[href], script[src], img[src], iframe[src]"):
        yield element.get("href") or element.get("src")


def broken_links(site: Path, opened_from_disk: bool = False) -> tuple[list[str], set[str]]:
    """Internal links whose file or anchor is missing, and the external addresses (not fetched).

    A copy opened from disk has no server to turn a folder into its index.html: links must name files.
    """
    broken, external, ids = [], set(), {}
    for html in site_pages(site):
        for address in link_targets(html, site):
            parts = urlsplit(address)
            if parts.scheme == "data":  # inline content (the single files' empty icon): no address
                continue
            if parts.scheme or address.startswith("//"):
                external.add(address)
                continue
            if parts.path.startswith("/"):  # site-absolute, as the language selector writes home pages
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (html.parent / unquote(parts.path)).resolve() if parts.path else html
            if target.is_dir():
                if opened_from_disk:
                    broken.append(f"{html.relative_to(site)} -> {address} (a folder)")
                    continue
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(site)} -> {address}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    document = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                    ids[target] = {element["id"] for element in document.select("[id]")}
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{html.relative_to(site)} -> {address} (no such anchor)")
    return broken, external
