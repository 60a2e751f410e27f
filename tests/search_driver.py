"""Material's search, driven as a reader drives it: shared by the browser tests and
scripts/benchmark_search.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__list a.md-search-result__link"
# The theme's search shows its placeholder once the worker has the index.
SEARCH_READY = (
    "() => document.querySelector('.md-search-result__meta').textContent"
    " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
)
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Query:
    """A query, the site it is typed on (`en` or `zh`), and what must be in its top 3: a section
    (a clause id, or a section of the timeline) or a page (a theme's page, `themes/<id>/`)."""

    text: str
    site: str
    anchor: str = ""
    page: str = ""

    @property
    def target(self) -> tuple[str, str]:
        """The result expected, as `ranking` lists results: language and anchor, or page path."""
        if self.page:
            return (self.site, urlsplit(site_root("", self.site)).path + self.page)
        return (self.site, self.anchor)


@dataclass(frozen=True)
class Result:
    """One link of the result list: its language root, page path and anchor, and whether
    Material folds it away under "N more on this page"."""

    href: str
    lang: str
    path: str
    anchor: str
    folded: bool


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(text=str(entry["query"]), site=site, anchor=entry.get("anchor", ""), page=entry.get("page", ""))
        for entry in entries
        for site in entry["sites"]
    ]


def site_root(base_url: str, lang: str) -> str:
    return f"{base_url}/zh/" if lang == "zh" else f"{base_url}/"


def parse_result(href: str, folded: bool) -> Result:
    parts = urlsplit(href)
    lang = "zh" if parts.path.startswith("/zh/") else "en"
    return Result(href=href, lang=lang, path=parts.path, anchor=parts.fragment, folded=folded)


_WATCH_RESULTS = """() => {
    window.__resultsChanged = null;
    const observer = new MutationObserver(() => { window.__resultsChanged = performance.now(); });
    for (const selector of ['.md-search-result__list', '.md-search-result__meta'])
        observer.observe(document.querySelector(selector), {childList: true, subtree: true, characterData: true});
}"""


def result_links(page: Any) -> list[Result]:
    links = page.eval_on_selector_all(
        RESULT_LINKS, "links => links.map(link => [link.href, !!link.closest('details.md-search-result__more')])"
    )
    return [parse_result(href, folded) for href, folded in links]


def search(page: Any, text: str, settle_ms: int = 400) -> list[Result]:
    """Type `text` as a person would and return the result list once it has settled.
    Playwright types Chinese without key events, so End follows, as a real key."""
    page.fill(SEARCH_INPUT, "")
    page.evaluate(_WATCH_RESULTS)
    page.type(SEARCH_INPUT, text)
    page.keyboard.press("End")
    page.wait_for_function(
        "settle => window.__resultsChanged !== null && performance.now() - window.__resultsChanged > settle",
        arg=settle_ms,
        polling=50,
    )
    return result_links(page)


def timed_search(page: Any, text: str) -> tuple[list[Result], float]:
    """Put `text` in the box without key events, then press End: the one key the theme reacts
    to. Return the results and the seconds from that keystroke to the results' arrival."""
    page.fill(SEARCH_INPUT, "")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > *').length === 0")
    page.fill(SEARCH_INPUT, text)
    page.evaluate(_WATCH_RESULTS)
    page.evaluate(
        "selector => document.querySelector(selector).addEventListener("
        "'keyup', () => { window.__keyUp = performance.now(); }, {once: true})",
        SEARCH_INPUT,
    )
    page.keyboard.press("End")
    page.wait_for_function("() => window.__resultsChanged !== null", polling="raf")
    key_up, arrived = page.evaluate("() => [window.__keyUp, window.__resultsChanged]")
    return result_links(page), (arrived - key_up) / 1000


def shown_sections(results: list[Result]) -> list[Result]:
    """The section results a reader sees, in order: Material groups results by page, under
    the page's title, and folds a page's weaker sections away."""
    return [result for result in results if result.anchor and not result.folded]


def ranking(results: list[Result], query: Query) -> list[tuple[str, str]]:
    """The results in the order a reader meets them, as `query.target` names its result: the
    sections shown for an anchor; the pages, one group of results each, for a page."""
    if query.page:
        return list(dict.fromkeys((result.lang, result.path) for result in results))
    return [(result.lang, result.anchor) for result in shown_sections(results)]


def open_search(page: Any, base_url: str, lang: str) -> None:
    page.goto(site_root(base_url, lang))
    page.click(SEARCH_INPUT)
    page.wait_for_function(SEARCH_READY)
