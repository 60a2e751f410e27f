"""Benchmark this site against a plain Material + mkdocs-static-i18n build of the same Markdown.

A script, not a test: it prints figures to compare with the targets (Lighthouse 100 for
accessibility, best practices and SEO on every page type; on every document page in both
languages, performance 100 and total blocking time under 100 ms, median of three runs, in
Lighthouse's mobile profile; a document page at most 20 KB gzip heavier than the plain
build's). Run: .venv/bin/python scripts/benchmark.py
Needs `npm ci` (Lighthouse) and Chromium (CHROMIUM, default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser

from search_driver import SEARCH_COMPLETE, SEARCH_READY

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
PAGE_TYPES = {
    "home": "",
    "document": "documents/global-ai-governance-action-plan/",
    "themes": "themes/",
    "theme": "themes/open-source/",
    "timeline": "timeline/",
    "glossary": "glossary/",
    "open data": "data/",
    "download": "download/",
    "about": "about/",
    "editorial notes": "editorial-notes/",
}
LANGUAGE_ROOTS = ("", "zh/")
DOCUMENT_PAGES = tuple(
    f"documents/{document['slug']}/" for document in yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))
)
LIGHTHOUSE_RUNS = 3
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def plain_project(destination: Path, offline: bool = False) -> Path:
    """The same Markdown with Material and mkdocs-static-i18n only: no hooks, no overrides."""
    shutil.copytree(ROOT / "docs", destination / "docs")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)
    plain = {
        "site_name": ours["site_name"],
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "en"},
        "plugins": [{"search": {}}, {"i18n": ours["plugins"]["i18n"]}] + ([{"offline": {}}] if offline else []),
        "nav": ours["nav"],
        "markdown_extensions": ["attr_list", "md_in_html", "abbr", "toc"],
    }
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    return destination


class _IgnoreTagsLoader(yaml.SafeLoader):
    pass


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed where the client accepts it, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.suffix.endswith(COMPRESSIBLE) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not path.exists():
            self.send_error(404)
            return None
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    handler = lambda *args, **kwargs: _GzipHandler(*args, directory=str(site), **kwargs)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def page_weight(browser: Browser, url: str, site: Path) -> dict[str, dict[str, int]]:
    """Bytes a first visit loads, by kind, raw and gzip (computed from the files served)."""
    context = browser.new_context()
    page = context.new_page()
    loaded: list[tuple[str, str]] = []
    page.on("requestfinished", lambda request: loaded.append((request.url, request.resource_type)))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    weights: dict[str, dict[str, int]] = {}
    base = url.split("/", 3)[:3]
    for address, resource_type in loaded:
        relative = address.split("/", 3)[3].split("#")[0].split("?")[0] if address.count("/") >= 3 else ""
        path = site / relative
        if path.is_dir() or not relative or relative.endswith("/"):
            path = path / "index.html"
        if not path.exists() or not address.startswith("/".join(base)):
            continue
        kind = (
            "search index"
            if "search_index" in address
            else {"document": "HTML", "stylesheet": "CSS", "script": "JS"}.get(resource_type, "other")
        )
        data = path.read_bytes()
        entry = weights.setdefault(kind, {"raw": 0, "gzip": 0})
        entry["raw"] += len(data)
        entry["gzip"] += len(gzip.compress(data, mtime=0))
    return weights


# Installed before the page's scripts: when the page first hands the index to its search worker
# (the setup message) and when the worker first answers that it has built it (Material's "ready").
WORKER_TIMES = """(() => {
    window.__searchWorker = {};
    const post = Worker.prototype.postMessage, listen = Worker.prototype.addEventListener;
    Worker.prototype.postMessage = function (message) {
        if (message && message.type === 0) window.__searchWorker.setup ??= performance.now();
        return post.apply(this, arguments);
    };
    Worker.prototype.addEventListener = function (type, listener, options) {
        if (type !== "message" || typeof listener !== "function") return listen.apply(this, arguments);
        return listen.call(this, type, function (event) {
            if (event.data && event.data.type === 1) window.__searchWorker.built ??= performance.now();
            return listener.apply(this, arguments);
        }, options);
    };
})();"""
# This site's search has every word in its index (material-search.js) once the unseen words (the
# field `extra`) have followed what the pages show; the plain build has them all once it is ready.
EVERY_WORD_IN = "complete => !document.querySelector('script[src*=\"material-search\"]') || !!document.querySelector(complete)"


def index_on_search(browser: Browser, url: str, site: Path) -> dict[str, float]:
    """Bytes of the search index and worker a page has loaded once search is ready (raw and
    gzip): loaded when the reader opens search on this site, at the first visit on the plain
    one; the seconds from opening search to its being ready, on Lighthouse's mobile network
    (150 ms, 1.6 Mbit/s), with the part of them the worker spends building its index; and the
    seconds to its index holding every word, the unseen ones too, with the bytes in all."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WORKER_TIMES)
    loaded: list[str] = []
    searching = ("search_index", "/workers/search.")
    page.on(
        "requestfinished", lambda request: loaded.append(request.url) if any(part in request.url for part in searching) else None
    )
    page.goto(url, wait_until="networkidle")
    page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_4G)
    opened = page.evaluate("performance.now()")
    start = time.perf_counter()
    page.keyboard.press("/")
    page.wait_for_function(SEARCH_READY, polling=20)
    ready = time.perf_counter() - start
    loaded_when_ready = list(loaded)
    page.wait_for_function(EVERY_WORD_IN, arg=SEARCH_COMPLETE, polling=20)
    complete = time.perf_counter() - start
    # Where the time goes: the last byte of the index (and of the worker script, fetched beside
    # it); what follows is the worker building its index.
    arrived = page.evaluate(
        "loaded => Math.max(...performance.getEntriesByType('resource')"
        ".filter(entry => loaded.includes(entry.name)).map(entry => entry.responseEnd))",
        loaded_when_ready,
    )
    worker = page.evaluate("() => window.__searchWorker")
    context.close()

    def files(addresses: list[str]) -> bytes:
        return b"".join((site / address.split("/", 3)[3]).read_bytes() for address in addresses)

    return {
        "raw": len(files(loaded_when_ready)),
        "gzip": len(gzip.compress(files(loaded_when_ready), mtime=0)),
        "gzip in all": len(gzip.compress(files(loaded), mtime=0)),
        "ready": ready,
        "arrived": (arrived - opened) / 1000,
        "built": (worker["built"] - worker["setup"]) / 1000,
        "complete": complete,
    }


def lighthouse(url: str, workdir: Path) -> dict[str, int]:
    """Lighthouse's four category scores and its total blocking time (ms), mobile profile."""
    report = workdir / "lighthouse.json"
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={CHROMIUM_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        capture_output=True,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
    return {**scores, "tbt": round(result["audits"]["total-blocking-time"]["numericValue"])}


def median_lighthouse(url: str, workdir: Path) -> dict[str, float]:
    """Each figure's median over independent Lighthouse runs."""
    runs = [lighthouse(url, workdir) for _ in range(LIGHTHOUSE_RUNS)]
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def document_medians(base: str, workdir: Path) -> dict[str, dict[str, float]]:
    """Every document page in both languages, by path: its Lighthouse medians."""
    return {lang + path: median_lighthouse(base + lang + path, workdir) for lang in LANGUAGE_ROOTS for path in DOCUMENT_PAGES}


def print_document_figures(site: Path, with_lighthouse: bool) -> None:
    """Every document page in both languages: what its first visit loads (gzip) and, unless
    left out, its Lighthouse medians."""
    from playwright.sync_api import sync_playwright

    pages = [lang + path for lang in LANGUAGE_ROOTS for path in DOCUMENT_PAGES]
    with tempfile.TemporaryDirectory() as temporary, serving(site) as base:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:])
            weights = {page: sum(part["gzip"] for part in page_weight(browser, base + page, site).values()) for page in pages}
            browser.close()
        medians = document_medians(base, Path(temporary)) if with_lighthouse else {}
    print(
        f"| document page | first visit (KiB gzip) | Lighthouse mobile, median of {LIGHTHOUSE_RUNS}: performance / total blocking time (ms) |"
    )
    print("|---|---|---|")
    for page in pages:
        figures = f"{medians[page]['performance']:g} / {medians[page]['tbt']:g}" if page in medians else "–"
        print(f"| {page} | {kib(weights[page])} | {figures} |")


def kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds timed per variant (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--documents",
        type=Path,
        metavar="SITE",
        help="only the document pages' first-visit weights and Lighthouse medians (not with --no-lighthouse), of a site already built in SITE",
    )
    arguments = parser.parse_args()
    if arguments.documents:
        print_document_figures(arguments.documents, with_lighthouse=not arguments.no_lighthouse)
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        plain = plain_project(workdir / "plain")
        plain_offline = plain_project(workdir / "plain-offline", offline=True)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--site-dir"]
        full_build = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir"]

        def median(command: list[str], cwd: Path) -> float:
            return statistics.median(timed(command, cwd) for _ in range(arguments.runs))

        results: dict[str, dict[str, Any]] = {
            "this site": {
                "site": workdir / "site",
                "online": median([*mkdocs, str(workdir / "online")], ROOT),
                "full": median([*full_build, str(workdir / "site")], ROOT),
            },
            "plain build": {
                "site": workdir / "plain-site",
                "online": median([*mkdocs, str(workdir / "plain-site")], plain),
                "full": median([*mkdocs, str(workdir / "plain-offline-site")], plain_offline),
            },
        }
        for result in results.values():
            data = (result["site"] / "search" / "search_index.json").read_bytes()
            result["index"] = (len(data), len(gzip.compress(data, mtime=0)))
        zip_sizes = [path.stat().st_size for path in (results["this site"]["site"] / "downloads").glob("*.zip")]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:])
            for result in results.values():
                with serving(result["site"]) as base:
                    result["pages"] = {
                        (kind, lang): page_weight(browser, base + lang + path, result["site"])
                        for kind, path in PAGE_TYPES.items()
                        for lang in LANGUAGE_ROOTS
                    }
                    result["on search"] = {
                        lang: index_on_search(browser, base + lang + PAGE_TYPES["document"], result["site"])
                        for lang in LANGUAGE_ROOTS
                    }
                    if not arguments.no_lighthouse:
                        result["lighthouse"] = {
                            (kind, lang): lighthouse(base + lang + path, workdir)
                            for kind, path in PAGE_TYPES.items()
                            for lang in LANGUAGE_ROOTS
                        }
                        result["documents"] = document_medians(base, workdir)
            browser.close()

    print("| figure | this site | plain build |")
    print("|---|---|---|")
    ours, plain_result = results["this site"], results["plain build"]
    print(f"| build, online only (s, median of {arguments.runs}) | {ours['online']:.2f} | {plain_result['online']:.2f} |")
    print(
        f"| build with the offline copy (s; ours: make build, offline + zip + online; plain: offline plugin) | {ours['full']:.2f} | {plain_result['full']:.2f} |"
    )
    print(
        f"| search index, both languages: search/search_index.json (KiB raw / gzip) | {kib(ours['index'][0])} / {kib(ours['index'][1])} | {kib(plain_result['index'][0])} / {kib(plain_result['index'][1])} |"
    )
    for size in zip_sizes:
        print(f"| offline zip (KiB) | {kib(size)} | – |")
    for lang in LANGUAGE_ROOTS:
        a, b = ours["on search"][lang], plain_result["on search"][lang]
        print(
            f"| search index and worker a {lang or 'en/'} page has loaded when search is ready (KiB raw / gzip; plain: at first visit) | {kib(a['raw'])} / {kib(a['gzip'])} | {kib(b['raw'])} / {kib(b['gzip'])} |"
        )
        print(f"| {lang or 'en/'} search ready after opening it, slow 4G (s) | {a['ready']:.2f} | {b['ready']:.2f} |")
        print(
            f"| {lang or 'en/'} of which the index and worker loading, slow 4G (s; plain: loaded at first visit) | {a['arrived']:.2f} | – |"
        )
        print(f"| {lang or 'en/'} of which the worker building its index (s) | {a['built']:.2f} | {b['built']:.2f} |")
        print(
            f"| {lang or 'en/'} search with every word, the unseen ones too, after opening it, slow 4G (s; KiB gzip in all) | {a['complete']:.2f} ({kib(a['gzip in all'])}) | {b['complete']:.2f} |"
        )
    for (kind, lang), weights in ours["pages"].items():
        theirs = plain_result["pages"][(kind, lang)]
        for part in ("HTML", "CSS", "JS", "search index"):
            a, b = weights.get(part, {"raw": 0, "gzip": 0}), theirs.get(part, {"raw": 0, "gzip": 0})
            print(
                f"| {kind} {lang or 'en/'} {part} (KiB raw / gzip) | {kib(a['raw'])} / {kib(a['gzip'])} | {kib(b['raw'])} / {kib(b['gzip'])} |"
            )
        total = sum(part["gzip"] for part in weights.values())
        total_plain = sum(part["gzip"] for part in theirs.values())
        print(f"| {kind} {lang or 'en/'} total gzip (KiB) | {kib(total)} | {kib(total_plain)} |")
    if "lighthouse" in ours:

        def scores(result: dict[str, int]) -> str:
            return " / ".join(str(result[category]) for category in ("performance", "accessibility", "best-practices", "seo"))

        for kind, lang in ours["lighthouse"]:
            a, b = ours["lighthouse"][(kind, lang)], plain_result["lighthouse"][(kind, lang)]
            print(f"| Lighthouse mobile {kind} {lang or 'en/'} (perf / a11y / best / SEO) | {scores(a)} | {scores(b)} |")
        for page, a in ours["documents"].items():
            b = plain_result["documents"][page]
            print(
                f"| Lighthouse mobile {page}, median of {LIGHTHOUSE_RUNS}: performance / total blocking time (ms) | {a['performance']:g} / {a['tbt']:g} | {b['performance']:g} / {b['tbt']:g} |"
            )


if __name__ == "__main__":
    main()
