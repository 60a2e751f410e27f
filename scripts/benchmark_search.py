"""Benchmark the site's search: index size, keystroke-to-results time, recall of the query set.

    python scripts/benchmark_search.py [--site DIR] [--runs N]

Builds the site (strict) into a temporary folder unless --site names a built one, serves it on
127.0.0.1 and drives Material's search in Debian's Chromium with the query set of
tests/search_queries.yml. The time is measured in the page, from the keyup of the last key
(the query already in the box) to the first change of the result list; the median is over
every query of the set and every run. Recall: the share of queries whose anchor is the first
(top-1) or among the first three (top-3) section results shown.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from search_driver import load_queries, open_search, ranking, timed_search  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def build(site_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def measure(site_dir: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    indexes = {path.name: path.read_bytes() for path in sorted((site_dir / "search").glob("search_index*.json"))}
    queries = load_queries()
    httpd, base_url = serve(site_dir)
    times: list[float] = []
    top1 = top3 = 0
    misses = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for lang in ("en", "zh"):
                open_search(page, base_url, lang)
                for query in (query for query in queries if query.site == lang):
                    for run in range(runs):
                        results, seconds = timed_search(page, query.text)
                        times.append(seconds)
                    ranked = ranking(results, query)
                    top1 += ranked[:1] == [query.target]
                    top3 += query.target in ranked[:3]
                    if query.target not in ranked[:3]:
                        misses.append(f"{query.site}: {query.text} -> {query.target[1]}: {ranked[:3]}")
            browser.close()
    finally:
        httpd.shutdown()

    count = len(queries)
    for name, index in indexes.items():
        print(f"search/{name}: {len(index) / 1024:.0f} KiB raw, {len(gzip.compress(index, 9)) / 1024:.0f} KiB gzip")
    print(f"queries: {count} ({runs} run(s) each)")
    print(f"last keystroke to results: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
    print(f"recall: top-1 {top1 / count:.0%} ({top1}/{count}), top-3 {top3 / count:.0%} ({top3}/{count})")
    for miss in misses:
        print(f"  not in top 3: {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query")
    args = parser.parse_args()
    if args.site:
        measure(args.site, args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        measure(Path(folder), args.runs)


if __name__ == "__main__":
    main()
