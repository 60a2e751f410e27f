"""Material's search, driven as a reader drives it: shared by the browser tests and
scripts/benchmark_search.py.

What counts is the result list as displayed: every result link a reader can see, in display
order, page links and clause links alike (links folded under "N more on this page" are not
seen until opened). Two links to one place count once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

QUERIES_FILE = Path(__file__).resolve().parent.parent / "tests" / "search_queries.yml"
KINDS = ("phrase", "keyword", "cross", "code", "chars", "theme", "glossary")
SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__list a.md-search-result__link"
# The theme's search shows its placeholder once the worker has the index.
SEARCH_READY = (
    "() => document.querySelector('.md-search-result__meta').textContent"
    " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
)


@dataclass(frozen=True)
class Query:
    """A query, its kind, the site it is typed on (`en` or `zh`), and what the reader wants:
    clause ids or sections (`gap-10`, `year-2015`) or pages (`themes/open-source/`)."""

    text: str
    kind: str
    site: str
    find: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """One result link: its language root, page path (without the language root) and anchor."""

    href: str
    lang: str
    page: str
    anchor: str

    @property
    def place(self) -> str:
        """The result as a query names it: the anchor, or the page path."""
        return self.anchor or self.page


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = [
        Query(text=str(entry["query"]), kind=entry["kind"], site=entry["site"], find=tuple(entry["find"])) for entry in entries
    ]
    unknown = {query.kind for query in queries} - set(KINDS)
    if unknown:
        raise ValueError(f"{path}: unknown kinds {sorted(unknown)}")
    return queries


def site_root(base_url: str, lang: str) -> str:
    return f"{base_url}/zh/" if lang == "zh" else f"{base_url}/"


def parse_result(href: str) -> Result:
    parts = urlsplit(href)
    path = parts.path.lstrip("/")
    lang = "zh" if path.startswith("zh/") else "en"
    page = path.removeprefix("zh/") if lang == "zh" else path
    return Result(href=href, lang=lang, page=page, anchor=parts.fragment)


_WATCH_RESULTS = """() => {
    window.__resultsChanged = null;
    const observer = new MutationObserver(() => { window.__resultsChanged = performance.now(); });
    for (const selector of ['.md-search-result__list', '.md-search-result__meta'])
        observer.observe(document.querySelector(selector), {childList: true, subtree: true, characterData: true});
}"""

# The links a reader sees, in display order: not those folded in a closed "N more" element.
_SHOWN_LINKS = """selector => Array.from(document.querySelectorAll(selector))
    .filter(link => !link.closest('details:not([open])'))
    .map(link => link.href)"""


def displayed(page: Any) -> list[Result]:
    """The result links as displayed, in order, each place once."""
    results: dict[tuple[str, str, str], Result] = {}
    for href in page.evaluate(_SHOWN_LINKS, RESULT_LINKS):
        result = parse_result(href)
        results.setdefault((result.lang, result.page, result.anchor), result)
    return list(results.values())


# Installed before the page's scripts (open_search): counts the queries the page sends to its
# search worker and the results it has rendered, so that a search waits for the answer to the
# last query, however slow the worker, rather than for a quiet moment.
WATCH_WORKER = """(() => {
    window.__searchAsked = 0; window.__searchAnswered = 0;
    const post = Worker.prototype.postMessage, listen = Worker.prototype.addEventListener;
    Worker.prototype.postMessage = function (message) {
        if (message && message.type === 2) window.__searchAsked += 1;
        return post.apply(this, arguments);
    };
    Worker.prototype.addEventListener = function (type, listener, options) {
        if (type !== "message" || typeof listener !== "function") return listen.apply(this, arguments);
        return listen.call(this, type, function (event) {
            const result = listener.apply(this, arguments);
            if (event.data && event.data.type === 3) window.__searchAnswered += 1;
            return result;
        }, options);
    };
})();"""


def search(page: Any, text: str, settle_ms: int = 400) -> list[Result]:
    """Type `text` as a person would and return the result list once the last query has its
    results (or, on a page opened without open_search, once the list has settled).
    Playwright types Chinese without key events, so End follows, as a real key."""
    page.fill(SEARCH_INPUT, "")
    page.evaluate(_WATCH_RESULTS)
    page.type(SEARCH_INPUT, text)
    page.keyboard.press("End")
    if page.evaluate("() => 'undefined' !== typeof window.__searchAsked"):
        page.wait_for_function("() => window.__searchAnswered === window.__searchAsked", polling=20)
        page.wait_for_timeout(50)
    else:
        page.wait_for_function(
            "settle => window.__resultsChanged !== null && performance.now() - window.__resultsChanged > settle",
            arg=settle_ms,
            polling=50,
        )
    return displayed(page)


def timed_search(page: Any, text: str) -> tuple[list[Result], float]:
    """Put `text` in the box at once (as a paste, one input event), then press End, as the
    theme's own search waits for a key's release. Return the results and the seconds from the
    last change of the box (the input event, or the key's release if it came first to the
    results) to the results' arrival."""
    page.fill(SEARCH_INPUT, "")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > *').length === 0")
    page.evaluate(_WATCH_RESULTS)
    page.evaluate(
        "selector => { const field = document.querySelector(selector); window.__typed = null;"
        " for (const type of ['input', 'keyup']) field.addEventListener(type, () => {"
        " if (window.__resultsChanged === null) window.__typed = performance.now(); }); }",
        SEARCH_INPUT,
    )
    page.fill(SEARCH_INPUT, text)
    page.keyboard.press("End")
    page.wait_for_function("() => window.__resultsChanged !== null", polling="raf")
    page.wait_for_timeout(60)  # the list is read once it has settled
    typed, arrived = page.evaluate("() => [window.__typed, window.__resultsChanged]")
    return displayed(page), (arrived - typed) / 1000


def rank_of(results: list[Result], query: Query) -> int | None:
    """The position (1-based) of the first displayed link that is what the query wants, on
    the query's site; None if none is displayed."""
    for position, result in enumerate(results, start=1):
        if result.lang == query.site and result.place in query.find:
            return position
    return None


@dataclass
class Recall:
    """Top-1 and top-3 counts per kind of query."""

    total: Counter[str]
    top1: Counter[str]
    top3: Counter[str]

    @classmethod
    def of(cls, ranks: Iterable[tuple[Query, int | None]]) -> Recall:
        recall = cls(Counter(), Counter(), Counter())
        for query, rank in ranks:
            for key in (query.kind, "all"):
                recall.total[key] += 1
                recall.top1[key] += rank == 1
                recall.top3[key] += rank is not None and rank <= 3
        return recall

    def share(self, key: str, top: int) -> float:
        return (self.top1 if top == 1 else self.top3)[key] / self.total[key]

    def table(self) -> list[str]:
        lines = ["| kind | queries | top-1 | top-3 |", "|---|---|---|---|"]
        for key in (*KINDS, "all"):
            if self.total[key]:
                lines.append(
                    f"| {key} | {self.total[key]} | {self.share(key, 1):.0%} ({self.top1[key]}) "
                    f"| {self.share(key, 3):.0%} ({self.top3[key]}) |"
                )
        return lines


# material-search.js marks the field once the index holds every word, the unseen ones too.
SEARCH_COMPLETE = f"{SEARCH_INPUT}[data-search-index='complete']"


def open_search(page: Any, base_url: str, lang: str) -> None:
    """Open search and wait until its index holds every word, the unseen ones too."""
    page.add_init_script(WATCH_WORKER)
    page.goto(site_root(base_url, lang))
    page.click(SEARCH_INPUT)
    page.wait_for_function(SEARCH_READY)
    page.wait_for_selector(SEARCH_COMPLETE, state="attached")
