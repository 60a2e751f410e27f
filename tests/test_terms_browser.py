"""Terms aligned across the columns, in Chromium (overrides/assets/javascripts/terms.js): the
switch, the counterparts a term lights up (compared with the glossary's data), the Tab stops,
the card, touch, the glossary page's filter, and axe with the terms off and on."""

from __future__ import annotations

import pytest

from aigov.glossary import clause_phrases, load_glossary
from conftest import ROOT
from test_layout_shift import RECORD_LAYOUT_SHIFTS
from test_quality import AXE, run_axe

DOCUMENTS = (
    "global-ai-governance-initiative",
    "shanghai-declaration",
    "capacity-building-action-plan",
    "global-ai-governance-action-plan",
)
GAP = "documents/global-ai-governance-action-plan/"


@pytest.fixture(scope="module")
def terms(corpus):
    return load_glossary(ROOT / "data" / "glossary.yml", corpus)


def initial_lower(phrase: str) -> str:
    """The text may capitalise a rendering's initial letter, and only that."""
    return phrase[0].lower() + phrase[1:]


def terms_on(page) -> None:
    """Turn the terms on, and wait until they answer: term-cards.js and the page's cards load
    then, and give each clause its Tab stop."""
    page.locator(".terms-switch__toggle").click()
    assert page.evaluate("document.documentElement.dataset.terms") == "on"
    page.locator('.glossary-term[tabindex="0"]').first.wait_for(state="attached")


def richest_clause(corpus, terms, slug: str) -> str:
    """The clause of a document that uses the most glossary terms."""
    document = next(document for document in corpus.values() if document.info.slug == slug)
    return max(document.aligned.clause_ids, key=lambda id_: len(clause_phrases(terms, id_, "zh")))


def expected_counterparts(terms, clause: str, column: str, term_ids: list[str]) -> set[str]:
    """What the glossary pairs, in the other column, with the terms of a marked phrase."""
    other = "en" if column == "zh" else "zh"
    return {initial_lower(phrase) for phrase, ids in clause_phrases(terms, clause, other).items() if set(ids) & set(term_ids)}


def lit(page) -> dict[str, object]:
    """The highlighted words: the active term and the counterparts, with their column."""
    return page.evaluate(
        """() => ({
          active: [...document.querySelectorAll('.glossary-term--active')].map(el => el.textContent),
          counterparts: [...document.querySelectorAll('.glossary-term--counterpart')].map(el => [
            el.closest('.parallel-col').lang, el.closest('[data-clause]').dataset.clause, el.textContent])
        })"""
    )


def check_lit(page, terms, clause: str, column: str, span) -> None:
    ids = span.get_attribute("data-terms").split()
    state = lit(page)
    assert state["active"] == [span.text_content()]
    other = "en" if column == "zh" else "zh"
    assert {(lang, where) for lang, where, _ in state["counterparts"]} == {(other, clause)}
    assert {initial_lower(text) for _, _, text in state["counterparts"]} == expected_counterparts(terms, clause, column, ids)


@pytest.mark.parametrize("slug", DOCUMENTS)
@pytest.mark.parametrize("lang", ["", "zh/"])
def test_pointing_at_a_term_lights_up_exactly_its_counterpart(page, server, corpus, terms, slug, lang):
    """Every term, in both columns, of the clause of each document that uses the most terms."""
    clause = richest_clause(corpus, terms, slug)
    page.goto(f"{server}/{lang}documents/{slug}/")
    terms_on(page)
    checked = 0
    for column in ("zh", "en"):
        spans = page.locator(f'[data-clause="{clause}"] .parallel-col[lang="{column}"] .glossary-term')
        for index in range(spans.count()):
            span = spans.nth(index)
            span.hover()
            check_lit(page, terms, clause, column, span)
            assert page.locator(".term-popover").is_visible()
            checked += 1
    assert checked >= 2 * len(clause_phrases(terms, clause, "zh"))


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_the_arrow_keys_walk_a_clause_and_each_term_focused_lights_up_its_counterpart(page, server, corpus, terms, slug):
    clause = richest_clause(corpus, terms, slug)
    page.goto(f"{server}/zh/documents/{slug}/")
    terms_on(page)
    page.locator(f'[data-clause="{clause}"] .clause-actions .clause-action').last.focus()  # the clause's last action
    page.keyboard.press("Tab")
    spans = page.locator(f'[data-clause="{clause}"] .glossary-term')
    assert spans.count() >= 2
    for index in range(spans.count()):
        span = spans.nth(index)
        assert span.evaluate("el => el === document.activeElement"), index
        column = span.evaluate("el => el.closest('.parallel-col').lang")
        check_lit(page, terms, clause, column, span)
        assert page.locator(".term-popover").count() == 1
        page.keyboard.press("ArrowRight")
    assert spans.nth(0).evaluate("el => el === document.activeElement")  # the walk wraps round


def test_the_switch_is_off_by_default_and_remembered(page, server):
    page.goto(f"{server}/{GAP}")
    term = page.locator('[data-clause="gap-2"] .glossary-term').first
    toggle = page.locator(".terms-switch__toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.documentElement.hasAttribute('data-terms')") is False
    assert term.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    term.hover()
    assert page.locator(".term-popover").count() == 0 and page.locator(".glossary-term--counterpart").count() == 0
    terms_on(page)
    assert toggle.get_attribute("aria-pressed") == "true"
    assert term.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"
    assert term.evaluate("el => getComputedStyle(el).textDecorationStyle") == "dotted"
    page.reload()
    assert page.evaluate("document.documentElement.dataset.terms") == "on"
    toggle.click()
    assert page.evaluate("document.documentElement.hasAttribute('data-terms')") is False
    assert page.locator(".glossary-term[tabindex]").count() == 0
    page.reload()
    assert toggle.get_attribute("aria-pressed") == "false"


def tab_stops_in(page, clause: str, presses: int = 40) -> list[str]:
    """The elements Tab reaches inside a clause, starting from its heading's permalink."""
    page.locator(f'[data-clause="{clause}"] .headerlink').focus()
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        inside, label = page.evaluate(
            f"""() => [!!document.activeElement.closest('[data-clause="{clause}"]'),
                       document.activeElement.className + ':' + document.activeElement.textContent]"""
        )
        if not inside:
            break
        reached.append(label)
    return reached


@pytest.mark.parametrize("clause", ["gap-2", "cap-a3", "shd-2-2"])
def test_a_clause_is_one_tab_stop_for_its_terms_when_they_are_on_and_none_when_off(page, server, clause):
    slug = {"gap": "global-ai-governance-action-plan", "cap": "capacity-building-action-plan", "shd": "shanghai-declaration"}
    page.goto(f"{server}/documents/{slug[clause.split('-')[0]]}/")
    off = tab_stops_in(page, clause)
    assert not [stop for stop in off if stop.startswith("glossary-term")]
    terms_on(page)
    on = tab_stops_in(page, clause)
    assert len([stop for stop in on if stop.startswith("glossary-term")]) == 1
    assert len(on) == len(off) + 1
    stops = page.evaluate(
        """() => [...document.querySelectorAll('[data-clause]')].map(clause =>
             [...clause.querySelectorAll('.glossary-term')].filter(term => term.tabIndex === 0).length)"""
    )
    assert set(stops) <= {0, 1} and stops.count(1) == page.locator("[data-clause]:has(.glossary-term)").count()
    # One language shown: the clause's stop moves to a term the reader can see.
    page.locator(".view-switch button[data-view='zh']").click()
    stop = page.locator(f'[data-clause="{clause}"] .glossary-term[tabindex="0"]')
    assert stop.count() == 1 and stop.is_visible()
    assert stop.evaluate("el => el.closest('.parallel-col').lang") == "zh"


@pytest.mark.parametrize(
    ("lang", "column", "entry"),
    [("", "zh", "glossary/#en-transformation-of-research-outcomes"), ("zh/", "en", "glossary/#term-cheng-guo-zhuan-hua")],
)
def test_the_card_shows_both_terms_the_toned_pinyin_the_other_renderings_and_the_entry(page, server, lang, column, entry):
    page.goto(f"{server}/{lang}{GAP}")
    terms_on(page)
    term = page.locator(
        f'[data-clause="gap-2"] .parallel-col[lang="{column}"] .glossary-term[data-terms="term-cheng-guo-zhuan-hua"]'
    )
    term.hover()
    card = page.locator(".term-popover")
    assert card.locator(".term-card__term span[lang=zh]").inner_text() == "成果转化"
    assert card.locator(".term-card__pinyin").inner_text() == "chéng guǒ zhuǎn huà"
    assert card.locator(".term-popover__own").inner_text() == "transformation of research outcomes"
    assert card.locator(".term-popover__others li").inner_text() == "commercialization SHD-1-2"
    assert card.locator(".term-popover__others a").get_attribute("href").endswith("shanghai-declaration/#shd-1-2")
    assert card.locator(".term-card__entry a").get_attribute("href").endswith(entry)
    sizes = card.evaluate("el => [el, ...el.querySelectorAll('*')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= 14
    assert term.get_attribute("aria-describedby") == "term-popover"
    # Enter moves into the card; Escape closes it and returns to the term.
    term.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.term-popover') !== null")
    page.keyboard.press("Escape")
    assert card.count() == 0
    assert term.evaluate("el => el === document.activeElement")
    # The card follows the page into its linked entry.
    term.click()
    page.locator(".term-popover .term-card__entry a").click()
    page.wait_for_url(f"**/{entry}")


def test_the_card_is_read_by_touch_at_390_px_and_closes_on_a_tap_elsewhere(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/zh/{GAP}")
    terms_on(page)
    term = page.locator('[data-clause="gap-11"] .parallel-col[lang="zh"] .glossary-term').first
    term.scroll_into_view_if_needed()
    term.tap()
    card = page.locator(".term-popover")
    assert card.is_visible()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.locator(".glossary-term--counterpart").count() >= 1
    page.locator('[data-clause="gap-11"] .clause-label').tap()
    assert card.count() == 0 and page.locator(".glossary-term--counterpart").count() == 0
    context.close()


def test_the_card_takes_the_colours_of_the_dark_scheme(page, server):
    """Material's variables, not fixed colours: the card turns dark with the slate scheme."""
    page.goto(f"{server}/{GAP}")
    terms_on(page)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.locator('[data-clause="gap-2"] .glossary-term').first.hover()
    background, text = page.locator(".term-popover").evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
    )
    expected = page.evaluate(
        "() => { const probe = document.createElement('div'); probe.style.background = 'var(--md-default-bg-color)';"
        " probe.style.color = 'var(--md-default-fg-color)'; document.body.append(probe);"
        " const s = getComputedStyle(probe); return [s.backgroundColor, s.color]; }"
    )
    assert [background, text] == expected
    assert background != "rgb(255, 255, 255)"


@pytest.mark.parametrize(
    ("lang", "query", "expected", "absent"),
    [
        ("zh/", "智能鸿沟", "智能鸿沟", "数字鸿沟"),
        ("", "digital divide", "digital divide", "AI divide"),
        ("zh/", "zhineng hong", "智能鸿沟", "数字鸿沟"),
        ("zh/", "zhìnéng", "智能鸿沟", "数字鸿沟"),
        ("zh/", "lvse", "绿色转型", "伦理"),
        ("", "chéngguǒ", "commercialization", "abuse"),
    ],
)
def test_the_glossary_filter_matches_either_language_and_pinyin_with_or_without_tones(
    page, server, lang, query, expected, absent
):
    page.goto(f"{server}/{lang}glossary/")
    field = page.locator("#glossary-filter-input")
    assert field.is_visible()
    field.fill(query)
    page.keyboard.press("End")
    shown = page.locator(".glossary-entry:visible dt").evaluate_all("dts => dts.map(dt => dt.firstChild.textContent.trim())")
    assert expected in shown and absent not in shown
    total = page.locator(".glossary-entry").count()
    assert page.locator(".glossary-filter__count").inner_text() in {
        f"{len(shown)} of {total} entries",
        f"共{total}条，显示{len(shown)}条",
    }


def test_a_toned_query_keeps_to_its_tones(page, server):
    page.goto(f"{server}/zh/glossary/")
    field = page.locator("#glossary-filter-input")
    field.fill("zhīnēng")
    assert page.locator(".glossary-entry:visible").count() == 0
    field.fill("")
    assert page.locator(".glossary-entry:visible").count() == 60


# Resolves once the contents list has not scrolled for half a second.
CONTENTS_LIST_AT_REST = """() => new Promise(resolve => {
  const list = document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap');
  let last = list.scrollTop, since = performance.now();
  (function check(now) {
    if (list.scrollTop !== last) [last, since] = [list.scrollTop, now];
    if (now - since > 500) resolve(); else requestAnimationFrame(check);
  })(since);
})"""


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("path", ["documents/shanghai-declaration/", "glossary/"])
def test_no_wcag_violations_with_the_terms_off_and_on(browser, server, lang, path):
    assert AXE.exists(), "run npm ci: axe-core is missing"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{lang}{path}", wait_until="networkidle")
    assert run_axe(page) == []
    if path.startswith("documents/"):
        terms_on(page)
        term = page.locator('[data-clause="shd-2-2"] .glossary-term').first
        term.focus()
        assert page.locator(".term-popover").is_visible()
        # Focusing the term scrolls the page; the theme then scrolls its contents list smoothly
        # to the clause being read. Mid-way, an entry passes under the list's sticky title.
        page.evaluate(CONTENTS_LIST_AT_REST)
        assert run_axe(page) == []
    else:
        page.locator("#glossary-filter-input").fill("zhineng")
        assert run_axe(page) == []
    context.close()


@pytest.mark.parametrize("path", ["glossary/", GAP])
def test_the_filter_and_the_switch_appear_without_moving_anything(browser, server, path):
    """Revealed by terms.js, they keep their space from the first paint (scripts held back)."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    held = []

    def hold(route) -> None:
        held.append(route)

    page.route("**/assets/javascripts/terms.js", hold)
    page.goto(f"{server}/zh/{path}", wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    revealed = ".glossary-filter" if path == "glossary/" else ".terms-switch"
    assert page.locator(revealed).get_attribute("hidden") is not None
    before = page.locator(revealed).bounding_box()
    for route in held:
        route.continue_()
    page.locator(revealed + ":not([hidden])").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.locator(revealed).bounding_box() == before
    shifts = page.evaluate("window.layoutShifts")
    if path == "glossary/":  # a document page's view switch is the reader bar's (issue of its own)
        assert sum(shift["value"] for shift in shifts if shift["outsideHeader"]) == 0, shifts
    context.close()
