"""Material's search in Chromium, typed as a reader types: the query set counted on the result
list as displayed, result language and uniqueness, and the landing on a clause."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from search_driver import (
    KINDS,
    RESULT_LINKS,
    SEARCH_COMPLETE,
    SEARCH_INPUT,
    SEARCH_READY,
    Recall,
    load_queries,
    open_search,
    parse_result,
    rank_of,
    search,
    site_root,
)

QUERIES = load_queries()


@pytest.fixture(scope="module")
def search_pages(browser, server) -> Iterator[dict[str, Any]]:
    """One page per site language with the search open, reused across the query set."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}
    for lang in ("en", "zh"):
        pages[lang] = context.new_page()
        open_search(pages[lang], server, lang)
    yield pages
    context.close()


def test_the_query_set_has_every_kind_in_both_languages():
    """At least 150 queries, about half on each site; the kinds issue #15 asks for."""
    assert len(QUERIES) >= 150
    sites = [query.site for query in QUERIES]
    assert abs(sites.count("en") - sites.count("zh")) <= len(QUERIES) // 10
    count = {kind: sum(query.kind == kind for query in QUERIES) for kind in KINDS}
    assert count["phrase"] >= 50 and count["keyword"] >= 40 and count["cross"] >= 20
    assert count["code"] >= 15 and count["chars"] >= 10 and count["theme"] and count["glossary"]
    for kind in KINDS:
        assert {query.site for query in QUERIES if query.kind == kind} == {"en", "zh"}, kind
    assert len({(query.site, query.text) for query in QUERIES}) == len(QUERIES)


def test_the_query_set_finds_what_the_reader_wants_in_the_first_three_results(search_pages):
    """Counted on the result list as displayed, page links and clause links alike."""
    ranks = [(query, rank_of(search(search_pages[query.site], query.text), query)) for query in QUERIES]
    recall = Recall.of(ranks)
    misses = [f"{query.kind} {query.site}: {query.text} -> {query.find}: {rank}" for query, rank in ranks if not rank or rank > 3]
    report = "\n".join([*recall.table(), *misses])
    assert recall.share("all", 3) >= 0.95, report
    assert recall.share("phrase", 3) == recall.share("code", 3) == 1, report
    assert recall.share("all", 1) >= 0.8, report


@pytest.mark.parametrize(
    ("lang", "text"), [("zh", "全球南方"), ("zh", "open source"), ("zh", "GAP-10"), ("en", "数据安全"), ("en", "GAP-10")]
)
def test_results_are_in_the_site_language_and_none_twice(search_pages, lang: str, text: str):
    search(search_pages[lang], text)
    results = [
        parse_result(href)
        for href in search_pages[lang].eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
    ]
    assert results, f"no result for {text!r}"
    assert {result.lang for result in results} == {lang}
    locations = [(result.page, result.anchor) for result in results]
    assert len(locations) == len(set(locations)), locations


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_loads_its_language_index_only_when_search_opens(browser, server, lang: str):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(site_root(server, lang) + "documents/shanghai-declaration/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not [path for path in requested if "search_index" in path]
    with page.expect_response(f"**/search/search_index.{lang}.json") as response:
        page.keyboard.press("/")
    assert response.value.ok
    results = search(page, "GAP-10")
    assert results and {result.lang for result in results} == {lang}
    page.wait_for_selector(SEARCH_COMPLETE, state="attached")
    # The words that find its entries unseen follow, once the index is built.
    assert [path for path in requested if "search_index" in path] == [
        f"/search/search_index.{lang}.json",
        f"/search/search_index.{lang}.extra.json",
    ]
    context.close()


@pytest.mark.parametrize(("lang", "text", "clause"), [("en", "智库", "gap-13"), ("zh", "think tanks", "gap-13")])
def test_a_query_answered_before_the_unseen_words_arrive_is_answered_again(browser, server, lang, text, clause):
    """Search is ready with what the pages show; a query in the other language, asked before
    the unseen words (that language's among them) are in the index, gets its clause once they are."""
    context = browser.new_context()
    page = context.new_page()
    held: list[Any] = []
    page.route(f"**/search/search_index.{lang}.extra.json", lambda route: held.append(route))
    page.goto(site_root(server, lang) + "documents/shanghai-declaration/")
    page.click(SEARCH_INPUT)
    page.wait_for_function(SEARCH_READY)
    page.fill(SEARCH_INPUT, text)
    page.keyboard.press("End")
    page.wait_for_function(f"() => !({SEARCH_READY})()")
    page.wait_for_timeout(200)
    for _ in range(250):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the unseen words are asked for once the index is built"
    assert page.locator(f'{RESULT_LINKS}[href*="#{clause}"]').count() == 0, "not found from the words shown"
    assert page.locator(SEARCH_COMPLETE).count() == 0
    held[0].continue_()
    page.wait_for_selector(f'{RESULT_LINKS}[href*="#{clause}"]', state="attached")
    assert page.locator(SEARCH_COMPLETE).count() == 1
    assert page.input_value(SEARCH_INPUT) == text
    context.close()


def test_a_search_link_opens_search_with_its_results(page, server):
    page.goto(f"{server}/zh/?q=" + quote("全球南方"))
    page.wait_for_selector(f'{RESULT_LINKS}[href*="#cap-g1"]')
    assert page.evaluate("() => document.getElementById('__search').checked")


def test_following_a_result_lands_on_the_highlighted_clause(page, server):
    open_search(page, server, "zh")
    results = search(page, "全球南方")
    result = next(result for result in results if result.anchor == "cap-g1")
    page.click(f'.md-search-result__list a[href="{result.href}"]')
    page.wait_for_url("**/zh/documents/capacity-building-action-plan/**#cap-g1")
    assert urlsplit(page.url).fragment == "cap-g1"
    assert page.evaluate("() => document.querySelector(':target').id") == "cap-g1"
    marks = page.eval_on_selector_all(
        "section.clause:has(#cap-g1) mark[data-md-highlight]", "marks => marks.map(mark => mark.textContent)"
    )
    assert "全球南方" in marks
    assert page.evaluate(
        "() => { const box = document.getElementById('cap-g1').getBoundingClientRect();"
        " return box.top >= 0 && box.top < window.innerHeight; }"
    )


def test_a_result_names_its_document_and_clause(search_pages):
    page = search_pages["en"]
    search(page, "GAP-10")
    item = page.locator(".md-search-result__item", has=page.locator('a[href*="#gap-10"]')).first
    text = item.inner_text()
    assert "Global AI Governance Action Plan" in text
    assert "GAP-10" in text


@pytest.mark.parametrize("put", ["fill", "insert_text"])
def test_text_put_in_without_a_key_gets_results(browser, server, put: str):
    """Pasted text (fill) and text committed by an input method (insert_text) send no key
    release: the results come all the same."""
    context = browser.new_context()
    page = context.new_page()
    open_search(page, server, "zh")
    if put == "fill":
        page.fill(SEARCH_INPUT, "全球南方")
    else:
        page.focus(SEARCH_INPUT)
        page.keyboard.insert_text("全球南方")
    page.wait_for_selector(f'{RESULT_LINKS}[href*="#cap-g1"]', timeout=5000)
    context.close()


@pytest.mark.parametrize(
    ("lang", "text", "clause"), [("en", "gap10", "gap-10"), ("zh", "GAP 10", "gap-10"), ("en", "shd 2 3", "shd-2-3")]
)
def test_a_clause_code_is_the_first_result_and_enter_opens_it(browser, server, lang: str, text: str, clause: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_search(page, server, lang)
    results = search(page, text)
    assert results[0].anchor == clause, [result.place for result in results[:3]]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{clause}")
    assert page.evaluate("() => document.querySelector(':target').id") == clause
    context.close()


@pytest.mark.parametrize(
    "text",
    [
        "人工智能+",
        '"AI+"',
        "C++",
        "data-",
        '"ethics',
        "ethics~2",
        "^risk",
        "risk^",
        "title:ethics",
        "a:b",
        "*AI*",
        "+开源 -军事",
        "-",
        "+",
    ],
)
def test_query_syntax_characters_are_text(search_pages, text: str):
    """No query throws in the worker, and a query with words finds them."""
    page = search_pages["en"]
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type in ("warning", "error") else None)
    results = search(page, text)
    assert not warnings, warnings
    if any(character.isalnum() for character in text):
        assert results, f"no result for {text!r}"


def test_a_document_name_heads_its_clauses_without_being_a_link(search_pages):
    """A clause found: its document's name is shown above it as a heading, and the first link
    is the clause."""
    page = search_pages["en"]
    results = search(page, "theft, tampering, leaking, and other illegal collection")
    assert results[0].anchor == "ini-6"
    item = page.locator(".md-search-result__item").first
    assert "Global AI Governance Initiative" in item.locator(".search-result-document").inner_text()
    assert urlsplit(item.locator("a.md-search-result__link").first.get_attribute("href")).fragment == "ini-6"
