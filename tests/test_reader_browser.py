"""Parallel reading in a real Chromium: alignment, the view switch, phones, copying, language switch."""

import pytest
from playwright.sync_api import expect

from scheme import CLAUSE_IDS, SLUGS

GAP = "/documents/global-ai-governance-action-plan/"
GAP_ZH = "/zh/documents/global-ai-governance-action-plan/"
ALL_PAGES = [f"{prefix}/documents/{slug}/" for slug in SLUGS.values() for prefix in ("", "/zh")]


def column_tops(page, clause_id):
    return page.eval_on_selector_all(
        f"#{clause_id} ~ .parallel-row > .parallel-col",
        "columns => columns.map(column => column.getBoundingClientRect().top)",
    )


def visible_languages(page, clause_id):
    return page.eval_on_selector_all(
        f"#{clause_id} ~ .parallel-row > .parallel-col",
        "columns => columns.filter(column => column.offsetParent !== null).map(column => column.lang)",
    )


@pytest.mark.parametrize("path", ALL_PAGES)
def test_the_two_columns_of_every_clause_start_level(page, server, path):
    page.goto(server + path)
    document = path.rstrip("/").split("/")[-1]
    prefix = next(key for key, slug in SLUGS.items() if slug == document)
    for clause_id in CLAUSE_IDS[prefix]:
        tops = column_tops(page, clause_id)
        assert len(tops) == 2 and abs(tops[0] - tops[1]) < 1, (clause_id, tops)
        left = page.eval_on_selector_all(
            f"#{clause_id} ~ .parallel-row > .parallel-col", "cs => cs.map(c => c.getBoundingClientRect().left)"
        )
        assert left[0] < left[1], (clause_id, left)


def test_the_view_switch_hides_and_shows_each_language_and_survives_a_reload(page, server):
    page.goto(server + GAP)
    assert visible_languages(page, "gap-1") == ["en", "zh"]
    page.get_by_role("button", name="中文").click()
    assert visible_languages(page, "gap-1") == ["zh"]
    assert page.get_by_role("button", name="中文").get_attribute("aria-pressed") == "true"
    expect(page.locator("#reader-status")).to_have_text("Now showing: 中文")
    assert "view=zh" in page.url
    page.goto(server + GAP_ZH)
    assert visible_languages(page, "gap-1") == ["zh"], "the choice persists across pages"
    page.reload()
    assert visible_languages(page, "gap-1") == ["zh"], "the choice persists across visits"
    page.get_by_role("button", name="English").click()
    assert visible_languages(page, "gap-1") == ["en"]
    page.get_by_role("button", name="双语").click()
    assert visible_languages(page, "gap-1") == ["zh", "en"]


def test_a_url_parameter_opens_a_view_and_the_keyboard_works(page, server):
    page.goto(server + GAP + "?view=en#gap-5")
    assert visible_languages(page, "gap-5") == ["en"]
    page.get_by_role("button", name="Both").focus()
    page.keyboard.press("Enter")
    assert visible_languages(page, "gap-5") == ["en", "zh"]
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert visible_languages(page, "gap-5") == ["zh"]


def test_without_javascript_both_languages_show_and_no_dead_controls(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + GAP)
    assert visible_languages(page, "gap-3") == ["en", "zh"]
    assert not page.locator(".view-switch").is_visible()
    assert not page.locator(".clause-actions").first.is_visible()
    context.close()


@pytest.mark.parametrize("path", [GAP, GAP_ZH, "/zh/documents/shanghai-declaration/"])
def test_on_a_phone_clauses_stack_and_nothing_scrolls_sideways(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + path)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    clause_id = "gap-10" if "action-plan" in path else "shd-2-2"
    boxes = page.eval_on_selector_all(
        f"#{clause_id} ~ .parallel-row > .parallel-col",
        "cs => cs.map(c => { const r = c.getBoundingClientRect(); return [r.top, r.bottom, r.left]; })",
    )
    assert boxes[0][1] <= boxes[1][0], "the page's language sits above the other"
    assert abs(boxes[0][2] - boxes[1][2]) < 1
    context.close()


def test_copy_link_and_copy_citation_put_the_clause_on_the_clipboard(page, server):
    page.goto(server + GAP)
    clause = page.locator("section.clause", has=page.locator("#gap-10"))
    clause.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == server + GAP + "#gap-10"
    clause.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "Global AI Governance Action Plan (26 July 2025), item 10 [GAP-10]. " + server + GAP + "#gap-10"
    )
    page.goto(server + GAP_ZH)
    clause = page.locator("section.clause", has=page.locator("#gap-10"))
    clause.get_by_role("button", name="复制引文").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "《人工智能全球治理行动计划》（2025年7月26日）第十条［GAP-10］。" + server + GAP_ZH + "#gap-10"
    )


@pytest.mark.parametrize(("start", "target", "lang"), [(GAP, GAP_ZH, "zh"), (GAP_ZH, GAP, "en")])
def test_the_language_switch_lands_on_the_same_clause(page, server, start, target, lang):
    page.goto(server + start + "#gap-10")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url("**" + target + "#gap-10")
    assert page.evaluate("document.getElementById('gap-10').getBoundingClientRect().top") < 200


@pytest.mark.parametrize("path", ["/", "/zh/", GAP, GAP_ZH, "/about/", "/zh/editorial-notes/"])
def test_a_page_requests_nothing_from_another_host(browser, server, path):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + path, wait_until="networkidle")
    assert requested and all(url.startswith(server) for url in requested), requested
    context.close()


def test_printing_follows_the_view_and_shows_no_controls(page, server):
    page.goto(server + GAP + "?view=zh")
    page.emulate_media(media="print")
    assert visible_languages(page, "gap-2") == ["zh"]
    assert not page.locator(".view-switch").is_visible()
    assert not page.locator(".clause-actions").first.is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
