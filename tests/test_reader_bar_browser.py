"""The reading room in a real Chromium, at 1920×1080, 1280×800 and 390×844 in both languages:
clause titles in the contents list (and in the single-file download), the contents list and the address following the clause
being read, the reader bar (in reach, stored, set by the address), the first clause on a phone's
first screen, the clause actions' names as tooltips, copy confirmations and Copy quote, and a one-language view across the language
switch. Positions are measured, not eyeballed."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import ROOT, soup_of
from scheme import CLAUSE_IDS, SLUGS, page_path

SIZES = {"1920x1080": (1920, 1080), "1280x800": (1280, 800), "390x844": (390, 844)}
PREFIX = {"en": "", "zh": "/zh"}
GAP = "/documents/global-ai-governance-action-plan/"
SHD = "/documents/shanghai-declaration/"
TITLES = {entry["clause"]: entry for entry in yaml.safe_load((ROOT / "data" / "clause-titles.yml").read_text(encoding="utf-8"))}
# The source's own titles, as the texts write them (the Action Plan's items, the Capacity-Building goals).
SOURCE_TITLES = {
    "gap-1": {"en": "Jointly seizing the opportunities of AI", "zh": "共同把握人工智能机遇"},
    "gap-10": {"en": "Advancing the governance of AI safety", "zh": "开展人工智能安全治理"},
    "gap-11": {"en": "Jointly implementing the Global Digital Compact", "zh": "共同落实《全球数字契约》"},
    "gap-13": {"en": "Building an inclusive multi-stakeholder governance model", "zh": "构建多方参与的包容治理模式"},
    "cap-g2": {"en": "Empower Industries Through the AI Plus Application", "zh": "推进“人工智能+”赋能千行百业"},
}
COPIED = {"en": "Link copied", "zh": "已复制链接"}
EDITORIAL_HINT = {"en": "Editorial title, not part of the source", "zh": "编者所拟标题，非原文"}


def toc_label(clause_id: str, lang: str, title: str, editorial: bool) -> str:
    code = clause_id.upper()
    if lang == "en":
        return f"{code} [{title}]" if editorial else f"{code} {title}"
    return f"{code}：［{title}］" if editorial else f"{code}：{title}"


def open_page(browser, server, path, size="1280x800", **options):
    width, height = SIZES[size]
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + path)
    return context, page, errors


def visible_languages(page, clause_id):
    """The languages of a clause's columns as shown, left to right (top to bottom on a phone)."""
    return page.eval_on_selector_all(
        f"#{clause_id} ~ .parallel-row > .parallel-col",
        """columns => columns.filter(column => column.offsetParent !== null)
            .map(column => [column.getBoundingClientRect(), column.lang])
            .sort((a, b) => a[0].top - b[0].top || a[0].left - b[0].left).map(pair => pair[1])""",
    )


def scroll_label_to(page, clause_id, y):
    """Scroll as a reader does, with the wheel, until the clause's label is `y` px from the top."""
    page.mouse.move(page.viewport_size["width"] / 2, 400)  # over the text, not a sidebar
    for _ in range(3):  # a long wheel move may stop short at the page's end; then it stays there
        distance = page.evaluate(f"document.getElementById('{clause_id}').getBoundingClientRect().top - {y}")
        if abs(distance) < 2:
            return
        page.mouse.wheel(0, distance)
        page.wait_for_function(
            f"Math.abs(document.getElementById('{clause_id}').getBoundingClientRect().top - {y}) < 2"
            " || window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1"
        )


# The contents list.

# The entries the contents list marks as the one being read (the theme marks one).
MARKED = "[...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')].map(link => link.getAttribute('href'))"


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_the_contents_list_names_each_clause_by_code_and_title(site, document, lang):
    page = soup_of(site, page_path(document, lang))
    links = {link["href"][1:]: " ".join(link.get_text().split()) for link in page.select(".md-nav--secondary a.md-nav__link")}
    for clause_id in CLAUSE_IDS[document]:
        entry = TITLES[clause_id]
        if "editorial" in entry:
            expected = toc_label(clause_id, lang, entry["editorial"][lang], editorial=True)
            title = page.select_one(f"#{clause_id} .clause-title--editorial")
            assert title and title["data-tip"] == EDITORIAL_HINT[lang], f"{clause_id}: the editorial title is marked as such"
            assert not title.has_attr("title"), f"{clause_id}: shown by the site's CSS, not by a theme tooltip"
        elif clause_id in SOURCE_TITLES:
            expected = toc_label(clause_id, lang, SOURCE_TITLES[clause_id][lang], editorial=False)
        else:  # a source title: its words are the text's own
            title = page.select_one(f"#{clause_id} .clause-title").get_text()
            section = page.select_one(f"#{clause_id}").find_parent("section")
            # the heading row just before the clause, or the clause's own text
            source = section.find_previous_sibling() if entry["source"] == "heading" else section.select_one(".parallel-row")
            assert title in source.get_text(), clause_id
            expected = toc_label(clause_id, lang, title, editorial=False)
        assert links[clause_id] == expected


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_the_contents_list_leads_to_no_heading_folded_away(site, document, lang):
    """The official sources fold under "About this document", their heading still linkable; the
    theme measures each listed heading at every load, and measuring one in a closed fold made
    the browser lay the fold out (scripts/aigov/contents.py)."""
    page = soup_of(site, page_path(document, lang))
    sources = page.select_one("details.document-meta section.document-sources h2[id]")
    assert sources is not None and sources.select_one("a.headerlink"), "the sources keep their heading and its link"
    listed = [link["href"][1:] for link in page.select(".md-nav--secondary a.md-nav__link")]
    assert listed and sources["id"] not in listed
    folded = [anchor for anchor in listed if page.find(id=anchor).find_parent("details")]
    assert folded == []


@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_the_single_file_names_each_clause_by_its_title_in_both_languages(site, document):
    single = BeautifulSoup((site / "downloads" / f"{SLUGS[document]}.html").read_text(encoding="utf-8"), "html.parser")
    for lang in PREFIX:
        page = soup_of(site, page_path(document, lang))
        for clause_id in CLAUSE_IDS[document]:
            shown = page.select_one(f"#{clause_id} .clause-title").get_text()
            title = single.select_one(f"#{clause_id} .clause-label [lang|='{lang}'] .clause-title")
            assert title is not None and title.get_text() == shown, clause_id
            editorial = "editorial" in TITLES[clause_id]
            assert ("clause-title--editorial" in title["class"]) == editorial, clause_id


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", ["1920x1080", "1280x800"])
def test_the_contents_list_shows_titles_and_keeps_the_clause_being_read_in_view(browser, server, size, lang):
    context, page, errors = open_page(browser, server, PREFIX[lang] + SHD, size)
    toc = page.locator(".md-sidebar--secondary")
    expect(toc.get_by_role("link", name=toc_label("shd-1-1", lang, TITLES["shd-1-1"]["editorial"][lang], True))).to_be_visible()
    scroll_label_to(page, "shd-3-1", 100)  # just below the reader bar
    page.wait_for_function("location.hash === '#shd-3-1'")
    page.wait_for_function(f"{MARKED}.join() === '#shd-3-1'", timeout=3000)
    # The theme scrolls the contents list to the active entry smoothly: wait for it to arrive.
    page.wait_for_function(
        """() => {
            const active = [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')].pop();
            const box = active.getBoundingClientRect();
            const list = document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap').getBoundingClientRect();
            return list.top <= box.top && box.bottom <= list.bottom;
        }""",
        timeout=5000,
    )
    assert errors == []
    context.close()


def clears_the_bar(page, anchor):
    """What an anchor opens starts in view below the header and the reader bar, not under them."""
    return page.evaluate(
        """anchor => {
            const target = document.getElementById(anchor.slice(1)).getBoundingClientRect();
            const bar = document.querySelector('.reader-bar').getBoundingClientRect();
            return target.top >= bar.bottom && target.top + 20 <= innerHeight;
        }""",
        anchor,
    )


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", ["1920x1080", "1280x800"])
def test_the_contents_list_marks_the_clause_or_part_it_opens(browser, server, size, lang):
    """An entry of the contents list opens its heading below the reader bar, and the list then
    marks that entry, not the one before (a clause, the Declaration's parts, the last clause)."""
    context, page, errors = open_page(browser, server, PREFIX[lang] + SHD, size)
    for anchor in ["#shd-p2", "#shd-s1", "#shd-1-3", "#shd-s3", "#shd-4-2", "#shd-c1"]:
        page.locator(f".md-sidebar--secondary a[href='{anchor}']").click()
        page.wait_for_function(f"location.hash === '{anchor}'")
        page.wait_for_function(f"{MARKED}.join() === '{anchor}'", timeout=3000)
        assert clears_the_bar(page, anchor), anchor
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("anchor", ["#gap-p2", "#gap-7"])
def test_a_link_to_a_clause_opens_it_below_the_bar_and_the_contents_list_marks_it(browser, server, size, lang, anchor):
    context, page, errors = open_page(browser, server, PREFIX[lang] + GAP + anchor, size)
    page.wait_for_load_state("load")
    page.wait_for_function(f"{MARKED}.join() === '{anchor}'", timeout=3000)
    assert clears_the_bar(page, anchor)
    assert page.url.endswith(anchor)
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("path", ["/compare/shanghai-declaration/#shd-1-2", SHD + "#shd-1-2-related"])
def test_a_link_to_a_compared_clause_or_a_related_list_opens_it_below_the_bar(browser, server, lang, path):
    context, page, errors = open_page(browser, server, PREFIX[lang] + path)
    page.wait_for_load_state("load")
    assert clears_the_bar(page, "#" + path.split("#")[1])
    assert errors == []
    context.close()


# The address follows the clause being read.


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", SIZES)
def test_the_address_follows_the_clause_being_read(browser, server, size, lang):
    context, page, errors = open_page(browser, server, PREFIX[lang] + GAP, size)
    assert "#" not in page.url
    entries = page.evaluate("history.length")
    # a label just below the reader bar: the clause the contents list marks, and the address
    for clause_id in ["gap-7", "gap-3"]:
        scroll_label_to(page, clause_id, 100)
        page.wait_for_function(f"location.hash === '#{clause_id}'")
        page.wait_for_function(f"{MARKED}.join() === '#{clause_id}'", timeout=3000)
    page.mouse.wheel(0, -page.evaluate("window.scrollY"))
    page.wait_for_function("window.scrollY === 0")
    # at the top no clause is reached yet: the address has no fragment and no entry is marked
    page.wait_for_function("location.hash === ''")
    page.wait_for_function(f"{MARKED}.length === 0", timeout=3000)
    assert page.evaluate("history.length") == entries, "following the text adds no history entries"
    assert errors == []
    context.close()


@pytest.mark.parametrize("clause_id", ["cap-a9", "cap-g5"])
def test_a_link_to_a_short_clause_keeps_its_address(browser, server, clause_id):
    context, page, _ = open_page(browser, server, f"/documents/capacity-building-action-plan/#{clause_id}", "1920x1080")
    page.wait_for_timeout(800)
    assert page.url.endswith(f"#{clause_id}")
    context.close()


# The reader bar.


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", SIZES)
def test_the_reader_bar_stays_in_reach_on_one_line(browser, server, size, lang):
    context, page, _ = open_page(browser, server, PREFIX[lang] + GAP, size)
    bar = page.locator(".reader-bar")
    expect(bar).to_be_visible()
    scroll_label_to(page, "gap-12", 300)
    page.wait_for_timeout(100)
    box, header = bar.bounding_box(), page.locator(".md-header").bounding_box()
    assert abs(box["y"] - (header["y"] + header["height"])) <= 1, (box, header)
    assert box["height"] <= 48, f"one line: {box}"
    for button in bar.get_by_role("button").all():
        if button.is_visible():
            button_box = button.bounding_box()
            assert button_box["x"] >= 0 and button_box["x"] + button_box["width"] <= SIZES[size][0], button_box
            assert button_box["height"] >= 24, "a target at least 24 px high"
    context.close()


def test_the_reader_bar_settings_persist_and_show_in_the_address(browser, server):
    context, page, errors = open_page(browser, server, GAP)
    assert visible_languages(page, "gap-1") == ["en", "zh"]
    swap = page.get_by_role("button", name="Swap columns")
    swap.click()
    assert visible_languages(page, "gap-1") == ["zh", "en"]
    expect(swap).to_have_attribute("aria-pressed", "true")
    assert "first=zh" in page.url
    notes = page.get_by_role("button", name="Editorial notes")
    expect(page.locator("section.clause", has=page.locator("#gap-1")).locator(".clause-themes")).to_be_visible()
    notes.click()
    expect(notes).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("document.documentElement.dataset.notes") == "off"
    expect(page.locator(".clause-themes, .clause-events").first).to_be_hidden()
    expect(page.locator("#reader-status")).to_have_text("Editorial notes: hidden")
    assert "notes=off" in page.url
    page.goto(server + "/zh" + SHD)
    assert visible_languages(page, "shd-1-1") == ["zh", "en"], "Chinese first is the Chinese page's own order"
    expect(page.locator(".clause-themes").first).to_be_hidden()
    page.reload()
    expect(page.get_by_role("button", name="编者注")).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="交换两栏").click()
    assert visible_languages(page, "shd-1-1") == ["en", "zh"]
    assert "first=en" in page.url
    page.goto(server + GAP)
    assert visible_languages(page, "gap-1") == ["en", "zh"]
    assert errors == []
    context.close()


def test_the_address_sets_the_reader_bar_and_the_choice_is_kept(browser, server):
    context, page, _ = open_page(browser, server, GAP + "?first=zh&notes=off&view=both#gap-4")
    assert visible_languages(page, "gap-4") == ["zh", "en"]
    expect(page.locator(".clause-themes").first).to_be_hidden()
    expect(page.get_by_role("button", name="Swap columns")).to_have_attribute("aria-pressed", "true")
    page.goto(server + SHD + "?notes=on")
    expect(page.locator(".clause-themes").first).to_be_visible()
    page.goto(server + SHD)
    expect(page.locator(".clause-themes").first).to_be_visible()
    assert visible_languages(page, "shd-1-1") == ["zh", "en"]
    context.close()


# Storage that throws on access, as a browser that blocks a site's storage does; and a record
# of the scripts that raise (the theme's own scripts do, which is not for this test to judge).
BLOCKED_STORAGE = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
window.failedScripts = [];
window.addEventListener("error", event => window.failedScripts.push(event.filename));"""


def test_the_reader_bar_works_when_storage_is_blocked(browser, server):
    width, height = SIZES["1280x800"]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(BLOCKED_STORAGE)
    page = context.new_page()
    page.goto(server + GAP + "?view=en")
    assert visible_languages(page, "gap-2") == ["en"]
    page.get_by_role("button", name="中文").click()
    assert visible_languages(page, "gap-2") == ["zh"]
    page.get_by_role("button", name="Editorial notes").click()
    expect(page.locator(".clause-themes").first).to_be_hidden()
    page.locator("section.clause", has=page.locator("#gap-2")).get_by_role("button", name="Copy link").click()
    expect(page.locator("#reader-status")).to_have_text(re.compile("."))
    assert not [script for script in page.evaluate("window.failedScripts") if script.endswith("reader.js")]
    context.close()


# Phones.


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("slug", SLUGS.values())
def test_on_a_phone_the_first_clause_starts_on_the_first_screen(browser, server, slug, lang):
    context, page, _ = open_page(browser, server, f"{PREFIX[lang]}/documents/{slug}/", "390x844")
    first_line = page.evaluate(
        "(() => { const c = document.querySelector('.clause .parallel-col'); const r = c.getBoundingClientRect();"
        " return r.top + parseFloat(getComputedStyle(c).lineHeight); })()"
    )
    assert first_line <= 844, first_line
    meta = page.locator("details.document-meta")
    assert not meta.evaluate("details => details.open")
    assert meta.bounding_box()["height"] <= 40
    lines = page.eval_on_selector_all(
        ".clause-label",
        "labels => labels.map(l => l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight))",
    )
    assert max(lines) <= 3.1, f"a clause's code and title take at most three lines beside its actions: {lines}"
    headers = page.eval_on_selector_all(
        ".clause",
        "clauses => clauses.map(c => c.querySelector('.parallel-row').getBoundingClientRect().top - c.getBoundingClientRect().top)",
    )
    assert max(headers) <= 100, f"a clause's text starts at most 100 px below its top: {headers}"
    for action in page.locator(".clause").first.locator(".clause-action").all():
        box = action.bounding_box()
        assert 24 <= box["width"] <= 40 and 24 <= box["height"] <= 40, box
    context.close()


# Copying.


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", SIZES)
def test_every_copy_is_confirmed_visibly_and_to_assistive_technology(browser, server, size, lang):
    context, page, _ = open_page(browser, server, PREFIX[lang] + GAP, size)
    clause = page.locator("section.clause", has=page.locator("#gap-10"))
    clause.scroll_into_view_if_needed()
    status = page.locator("#reader-status")
    expect(status).to_have_attribute("role", "status")
    names = {
        "en": [("Copy link", "Link copied"), ("Copy citation", "Citation copied"), ("Copy quote", "Quote copied")],
        "zh": [("复制链接", "已复制链接"), ("复制引文", "已复制引文"), ("复制条文", "已复制条文及出处")],
    }
    for name, confirmation in names[lang]:
        clause.get_by_role("button", name=name).click()
        expect(status).to_have_text(confirmation)
        box = status.bounding_box()
        width, height = SIZES[size]
        assert box["height"] > 0 and 0 <= box["x"] and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height
    expect(status).to_have_text("", timeout=6000)
    context.close()


def shown_name(button):
    return button.evaluate(
        """button => { const tip = getComputedStyle(button, '::after');
          const box = button.getBoundingClientRect();
          return {text: tip.content, shown: tip.visibility === 'visible' && tip.opacity === '1', right: box.right}; }"""
    )


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", ["1280x800", "390x844"])
def test_a_clause_actions_name_shows_when_pointed_at_or_reached_with_tab_and_is_read_once(browser, server, size, lang):
    context, page, _ = open_page(browser, server, PREFIX[lang] + GAP, size)
    name = {"en": "Copy citation", "zh": "复制引文"}[lang]
    clause = page.locator("section.clause", has=page.locator("#gap-10"))
    clause.scroll_into_view_if_needed()
    button = clause.get_by_role("button", name=name, exact=True)
    assert shown_name(button)["text"] == f'"{name}" / ""' and not shown_name(button)["shown"]
    button.hover()
    if size == "390x844":
        page.wait_for_timeout(500)
        assert not shown_name(button)["shown"], "a phone's tap leaves no name standing over the text"
    else:
        page.wait_for_function("button => getComputedStyle(button, '::after').opacity === '1'", arg=button.element_handle())
        page.mouse.move(0, 0)
        page.wait_for_function("button => getComputedStyle(button, '::after').opacity === '0'", arg=button.element_handle())
    clause.get_by_role("button", name={"en": "Copy link", "zh": "复制链接"}[lang], exact=True).focus()
    page.keyboard.press("Tab")
    page.wait_for_function("button => getComputedStyle(button, '::after').opacity === '1'", arg=button.element_handle())
    # The shown name is no part of the accessible name: each button is found by its name alone.
    assert page.get_by_role("button", name=name, exact=True).count() == 15
    assert page.locator(".md-tooltip2").count() == 0, "the theme sets up no tooltip for the actions"
    context.close()


@pytest.mark.parametrize("lang", PREFIX)
def test_a_heading_links_name_and_an_editorial_titles_note_show_without_the_themes_tooltips(browser, server, lang):
    context, page, _ = open_page(browser, server, PREFIX[lang] + GAP, "1280x800")
    name = {"en": "Permanent link", "zh": "永久链接"}[lang]
    heading = page.locator("#gap-p1")
    heading.scroll_into_view_if_needed()
    link, title = heading.locator(".headerlink"), heading.locator(".clause-title--editorial")
    assert shown_name(link)["text"] == f'"{name}" / ""' and not shown_name(link)["shown"]
    link.hover()
    page.wait_for_function("link => getComputedStyle(link, '::after').opacity === '1'", arg=link.element_handle())
    box, tip = link.bounding_box(), link.evaluate("link => getComputedStyle(link, '::after').top")
    assert float(tip.removesuffix("px")) >= box["height"], "the name shows under the link, not over the heading"
    title.hover()
    page.wait_for_function("title => getComputedStyle(title, '::after').opacity === '1'", arg=title.element_handle())
    assert shown_name(title)["text"] == f'"{EDITORIAL_HINT[lang]}" / ""'
    assert title.evaluate("title => getComputedStyle(title, '::after').left") == "0px", "the note opens to the right"
    page.mouse.move(0, 0)
    link.focus()
    page.wait_for_function("link => getComputedStyle(link, '::after').opacity === '1'", arg=link.element_handle())
    # The link is described by its name; the shown names are no part of the heading's name.
    expect(link).to_have_accessible_description(name)
    expect(heading).to_have_accessible_name(re.compile(r"^GAP-P1"))
    expect(heading).not_to_have_accessible_name(re.compile(f"{name}|{EDITORIAL_HINT[lang]}"))
    assert page.locator(".md-tooltip2, .md-tooltip").count() == 0, "the theme sets up no tooltip for them"
    context.close()


def column_text(page, clause_id, lang):
    return page.eval_on_selector(
        f'#{clause_id} ~ .parallel-row > .parallel-col[lang="{lang}"]', "column => column.textContent.trim()"
    )


@pytest.mark.parametrize("lang", PREFIX)
def test_copy_quote_gives_the_text_shown_with_its_citation(browser, server, lang):
    path = PREFIX[lang] + GAP
    context, page, _ = open_page(browser, server, path)
    url = server + path + "#gap-10"
    clause = page.locator("section.clause", has=page.locator("#gap-10"))
    citation = clause.get_attribute("data-citation")
    cited = f"{citation}. {url}" if lang == "en" else f"{citation}。{url}"
    dash = "— " if lang == "en" else "——"
    english, chinese = column_text(page, "gap-10", "en"), column_text(page, "gap-10", "zh")
    assert english.startswith("10. Advancing the governance of AI safety.") and chinese.startswith("十、开展人工智能安全治理。")
    quote = page.locator(".clause-action[data-copy='quote']").nth(CLAUSE_IDS["gap"].index("gap-10"))
    quote.click()
    both = [english, chinese] if lang == "en" else [chinese, english]
    assert page.evaluate("navigator.clipboard.readText()") == "\n\n".join(both) + f"\n{dash}{cited}"
    page.locator(".view-switch [data-view='zh']").click()
    quote.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{chinese}\n{dash}{cited}"
    context.close()


# The language switch keeps the clause, and a one-language view follows it.


@pytest.mark.parametrize(("start", "target", "lang"), [(GAP, "/zh" + GAP, "zh"), ("/zh" + GAP, GAP, "en")])
def test_a_one_language_view_follows_the_language_switch(browser, server, start, target, lang):
    other = "en" if lang == "zh" else "zh"
    context, page, _ = open_page(browser, server, f"{start}?view={other}#gap-10")
    assert visible_languages(page, "gap-10") == [other]
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url("**" + target + "#gap-10")
    assert visible_languages(page, "gap-10") == [lang], "the new page shows its own language"
    assert page.evaluate("document.getElementById('gap-10').getBoundingClientRect().top") < 200
    context.close()
