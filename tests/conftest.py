"""Shared fixtures: the project's data, one strict build of the site, a local server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from aigov.corpus import load_corpus  # noqa: E402
from aigov.fidelity import load_repairs, load_source  # noqa: E402

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
def repairs():
    return load_repairs(ROOT / "data" / "repairs.yml")


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
def browser():
    """Debian's Chromium through Playwright; a missing browser is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = context.new_page()
    yield tab
    context.close()
