"""The reading room in a real Chromium: the parallel text's width and colours at three sizes in
both languages and both colour schemes, the colour toggle and its Tab stop, the printed copy
(Chromium's PDF, what Ctrl+P gives), the home page's cards and the timeline filter."""

import re
from datetime import date

import pytest

from scheme import SLUGS

SIZES = {"desktop": (1920, 1080), "laptop": (1280, 800), "small-laptop": (1220, 800), "phone": (390, 844)}
LANGS = {"en": "", "zh": "/zh"}
GAP = "/documents/global-ai-governance-action-plan/"
BLACK = "rgb(0, 0, 0)"


def open_page(browser, server, path, size="laptop", scheme="light", **options):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options)
    page = context.new_page()
    page.goto(server + path)
    return context, page


def parallel_text(page, clause_id="gap-2"):
    """The clause's row and its two columns as the reader sees them: boxes and text colours."""
    return page.evaluate(
        """id => {
          const row = document.getElementById(id).parentElement.querySelector('.parallel-row');
          const box = element => { const r = element.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width}; };
          return {
            row: box(row),
            columns: [...row.children].map(column => ({...box(column), lang: column.lang, color: getComputedStyle(column).color})),
            body: getComputedStyle(document.querySelector('.md-typeset')).color,
            scheme: document.body.dataset.mdColorScheme,
            scrollWidth: document.documentElement.scrollWidth,
          };
        }""",
        clause_id,
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_parallel_text_takes_the_width_with_both_columns_in_the_body_colour(browser, server, lang, size):
    context, page = open_page(browser, server, LANGS[lang] + GAP, size)
    text = parallel_text(page)
    width = SIZES[size][0]
    assert text["scrollWidth"] <= width, "nothing scrolls sideways"
    if size == "desktop":
        assert text["row"]["width"] >= 1300, text["row"]
    elif size == "phone":
        assert text["row"]["width"] >= 0.9 * width, text["row"]
        first, second = text["columns"]
        assert first["top"] < second["top"] and abs(first["left"] - second["left"]) < 1, "stacked"
    else:
        assert text["row"]["width"] >= 0.75 * width, text["row"]
        assert not page.locator(".md-sidebar--primary").is_visible(), "the site's navigation is in the tabs"
    assert [column["color"] for column in text["columns"]] == [text["body"]] * 2, "no grey column"
    assert [column["lang"] for column in text["columns"]] == ([lang, "zh" if lang == "en" else "en"])
    legend = page.locator(".parallel-legend .parallel-col")
    if size == "phone":
        assert not legend.first.is_visible()
    else:
        assert legend.all_inner_texts() == (["English", "中文"] if lang == "en" else ["中文", "English"])
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_chinese_is_set_larger_and_looser_than_english(browser, server, lang):
    context, page = open_page(browser, server, LANGS[lang] + GAP)
    metrics = page.eval_on_selector_all(
        "#gap-3 ~ .parallel-row > .parallel-col",
        """columns => Object.fromEntries(columns.map(column => {
          const style = getComputedStyle(column);
          return [column.lang, [parseFloat(style.fontSize), parseFloat(style.lineHeight) / parseFloat(style.fontSize)]];
        }))""",
    )
    assert metrics["zh"][0] > metrics["en"][0], metrics
    assert metrics["zh"][1] >= 1.8, metrics
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_dark_system_gets_the_dark_scheme_with_both_columns_in_its_body_colour(browser, server, lang, size):
    context, page = open_page(browser, server, LANGS[lang] + GAP, size, scheme="dark")
    text = parallel_text(page)
    assert text["scheme"] == "slate"
    assert [column["color"] for column in text["columns"]] == [text["body"]] * 2
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(int(part) for part in re.findall(r"\d+", background)[:3]) < 3 * 64, background
    label = page.evaluate("getComputedStyle(document.querySelector('.clause-label')).color")
    assert sum(int(part) for part in re.findall(r"\d+", label)[:3]) > 3 * 160, "editorial labels are light on dark"
    context.close()


def test_the_colour_toggle_cycles_through_light_dark_and_the_system_and_is_remembered(browser, server):
    context, page = open_page(browser, server, "/zh" + GAP, scheme="dark")
    toggle = page.locator("label[for^='__palette_']:visible")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert toggle.get_attribute("title") == "配色：跟随系统（切换为浅色）"
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default", "the choice outlives the system's"
    page.locator("label[for^='__palette_']:visible").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()


# The body's colour attributes and the root's class as a load changes them, in order.
WATCH_COLOURS = """(() => {
  window.__colourChanges = [];
  new MutationObserver(changes => changes.forEach(change => window.__colourChanges.push(
    [change.attributeName, change.target.getAttribute(change.attributeName)])))
    .observe(document, {subtree: true, attributeFilter: ['data-md-color-switching', 'data-md-color-scheme']});
})();"""


def colour_state(page):
    return page.evaluate(
        """() => {
          const rgb = getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g).slice(0, 3);
          const meta = name => { const element = document.querySelector(`meta[name="${name}"]`); return element && element.content; };
          return {
            changes: window.__colourChanges,
            scheme: document.body.dataset.mdColorScheme,
            switching: document.body.hasAttribute('data-md-color-switching'),
            colorScheme: meta('color-scheme'),
            themeColor: meta('theme-color'),
            header: '#' + rgb.map(value => (+value).toString(16).padStart(2, '0')).join(''),
            root: document.documentElement.className,
          };
        }"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_load_changes_the_colours_only_where_the_scheme_must_change(browser, server, lang):
    """The page's colours are set once: a light system's first visit and a stored choice change
    none (no page-wide restyle while switching); a dark system's first visit switches once to
    dark, transitions held. Each time the browser's bar takes the header's colour."""
    light = browser.new_context(color_scheme="light")
    light.add_init_script(WATCH_COLOURS)
    page = light.new_page()
    page.goto(server + LANGS[lang] + GAP)
    page.wait_for_function("document.querySelector('meta[name=\"theme-color\"]').content !== ''")
    state = colour_state(page)
    assert state["changes"] == [] and state["scheme"] == "default" and state["colorScheme"] is None, state
    assert state["themeColor"] == state["header"] and "js" in state["root"].split() and "no-js" not in state["root"].split()
    light.close()

    dark = browser.new_context(color_scheme="dark")
    dark.add_init_script(WATCH_COLOURS)
    page = dark.new_page()
    page.goto(server + LANGS[lang] + GAP)
    page.wait_for_function(
        "!document.body.hasAttribute('data-md-color-switching')"
        " && document.querySelector('meta[name=\"theme-color\"]').content !== ''"
    )
    state = colour_state(page)
    assert state["changes"] == [
        ["data-md-color-switching", ""],
        ["data-md-color-scheme", "slate"],
        ["data-md-color-switching", None],
    ]
    assert state["scheme"] == "slate" and state["colorScheme"] == "dark" and state["themeColor"] == state["header"], state

    page.locator("label[for^='__palette_']:visible").click()
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.reload()
    page.wait_for_function("document.querySelector('meta[name=\"theme-color\"]').content !== ''")
    state = colour_state(page)
    # The header's script sets the stored choice as the page is read; nothing switches after.
    assert state["changes"] == [["data-md-color-scheme", "default"]] and state["colorScheme"] is None, state
    dark.close()


def test_the_colours_follow_the_systems_scheme_until_the_reader_chooses_one(browser, server):
    context, page = open_page(browser, server, GAP, scheme="light")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    page.locator("label[for^='__palette_']:visible").click()  # as the system: now light
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default", "the reader's choice outlives the system's"
    context.close()


def test_enter_on_the_colour_toggle_picks_the_next_scheme_and_keeps_the_focus_on_the_toggle(browser, server):
    context, page = open_page(browser, server, GAP, scheme="light")
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("document.activeElement.id") == "__palette_2"
    assert focused(page)["covers"], "the focused radio sits on the toggle now shown"
    context.close()


def focused(page):
    return page.evaluate(
        """() => {
          const element = document.activeElement;
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          const label = element.matches('.md-option') ? element.nextElementSibling : null;
          const labelBox = label && label.getBoundingClientRect();
          return {
            name: element.getAttribute('aria-label') || element.textContent.trim().slice(0, 40),
            hidden: element.closest('[aria-hidden="true"]') !== null,
            area: box.width * box.height,
            visible: style.visibility !== 'hidden' && style.display !== 'none',
            covers: label ? Math.abs(labelBox.left - box.left) < 8 && Math.abs(labelBox.top - box.top) < 8
              && labelBox.width > 0 && getComputedStyle(label).outlineStyle !== 'none' : null,
          };
        }"""
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chosen", [0, 1, 2])
def test_no_tab_stop_is_hidden_or_unseen_whichever_scheme_was_chosen(browser, server, lang, chosen):
    context, page = open_page(browser, server, LANGS[lang] + GAP)
    for _ in range(chosen):
        page.locator("label[for^='__palette_']:visible").click()
    page.reload()
    stops = []
    for _ in range(10):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    for stop in stops:
        assert not stop["hidden"] and stop["visible"] and stop["area"] > 0, stops
    toggles = [stop for stop in stops if stop["covers"] is not None]
    assert len(toggles) == 1 and toggles[0]["covers"], "the colour toggle's stop sits on its button, which shows the ring"
    context.close()


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4")))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS.values())
def test_each_document_prints_compactly_in_each_view(browser, server, lang, slug):
    context, page = open_page(browser, server, f"{LANGS[lang]}/documents/{slug}/")
    counts = {}
    for view in ("both", "en", "zh"):
        page.goto(f"{server}{LANGS[lang]}/documents/{slug}/?view={view}")
        counts[view] = pdf_pages(page)
    assert counts["both"] <= 10 and counts["en"] <= 6 and counts["zh"] <= 6, counts
    assert counts["both"] > counts["en"] and counts["both"] > counts["zh"], counts
    context.close()


def printed(page, clause_id="gap-10"):
    # reader.js writes the colophon as the page is printed (beforeprint, or the print media).
    page.emulate_media(media="print")
    page.wait_for_function("document.querySelector('.print-colophon').textContent !== ''")
    return page.evaluate(
        """id => {
          const clause = document.getElementById(id).closest('.clause');
          const shown = element => element.getClientRects().length > 0;
          return {
            languages: [...clause.querySelectorAll('.parallel-row > .parallel-col')].filter(shown).map(c => c.lang),
            colours: [...clause.querySelectorAll('.parallel-row > .parallel-col, .clause-label')].filter(shown).map(c => getComputedStyle(c).color),
            notes: [...clause.querySelectorAll('.clause-themes, .clause-events, .clause-related')].filter(shown).length,
            related: [...document.querySelectorAll('details.clause-related__all li')].filter(shown).length,
            pageBreaks: [...document.querySelectorAll('.clause')].filter(c => getComputedStyle(c).breakBefore === 'page').length,
            keptWhole: getComputedStyle(clause).breakInside,
            colophon: shown(document.querySelector('.print-colophon')) ? document.querySelector('.print-colophon').textContent : null,
          };
        }""",
        clause_id,
    )


def test_print_follows_the_view_prints_black_without_notes_and_ends_with_address_and_date(browser, server):
    context, page = open_page(browser, server, GAP + "?view=en")
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('.print-colophon').textContent") == "", "a load formats no date"
    sheet = printed(page)
    assert sheet["languages"] == ["en"], "an English-only view prints English only"
    assert set(sheet["colours"]) == {BLACK}
    assert sheet["notes"] == 0 and sheet["related"] == 0, "editorial notes are off in print by default"
    assert sheet["pageBreaks"] == 0 and sheet["keptWhole"] == "avoid"
    today = date.today()
    assert sheet["colophon"] == f"Printed from {server}{GAP} on {today.day} {today:%B} {today.year}."
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Both").click()
    sheet = printed(page)
    assert sheet["languages"] == ["en", "zh"] and set(sheet["colours"]) == {BLACK}
    context.close()


def test_print_shows_the_notes_when_the_notes_switch_asks_for_them(browser, server):
    context, page = open_page(browser, server, "/zh" + GAP)
    page.evaluate("document.documentElement.dataset.notes = 'on'")
    sheet = printed(page)
    assert sheet["notes"] > 0 and sheet["related"] == 0, "notes print; folded lists stay folded"
    today = date.today()
    assert sheet["colophon"] == f"打印自{server}/zh{GAP}，{today.year}年{today.month}月{today.day}日。"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_the_home_page_shows_a_card_per_document_with_the_first_in_the_first_screen(browser, server, lang, size):
    context, page = open_page(browser, server, LANGS[lang] + "/", size)
    cards = page.locator(".document-card")
    assert cards.count() == 4
    assert cards.first.bounding_box()["y"] < SIZES[size][1], "the first card starts within the first screen"
    read = cards.first.locator(".document-card__read a")
    read.click()
    page.wait_for_url(f"**{LANGS[lang]}/documents/global-ai-governance-initiative/")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "lists"), [("/", ".document-list, .home-pages"), ("/themes/", ".theme-summary")])
def test_lists_laid_out_as_blocks_start_at_the_texts_edge(browser, server, lang, path, lists):
    """The home's cards and page links and the themes overview's lines are not indented as the
    theme indents lists; the cards' titles are not underlined as links in running text are."""
    context, page = open_page(browser, server, LANGS[lang] + path, "phone")
    edges = page.evaluate(
        """lists => [document.querySelector('.md-typeset h1').getBoundingClientRect().left,
          ...[...document.querySelectorAll(lists)].flatMap(list => [list, list.firstElementChild])
            .map(element => element.getBoundingClientRect().left)]""",
        lists,
    )
    assert len(edges) > 2 and set(edges) == {edges[0]}, edges
    if path == "/":
        assert page.locator(".document-card__title a").first.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    context.close()


# Each text of an element, as the lines it is set in.
SET_LINES = """selector => [...document.querySelectorAll(selector)].map(element => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT), range = document.createRange(), lines = [];
  let top = null;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    for (let at = 0; at < text.length; at++) {
      range.setStart(text, at); range.setEnd(text, at + 1);
      const box = range.getBoundingClientRect();
      if (!box.width) continue;
      if (Math.round(box.top) !== top) lines.push('');
      lines[lines.length - 1] += text.data[at];
      top = Math.round(box.top);
    }
  }
  return lines;
})"""


def test_the_themes_matrix_breaks_a_chinese_document_heading_at_its_punctuation(browser, server):
    """《倡议》 over （2023年）: no line of a heading begins inside a title or a year."""
    context, page = open_page(browser, server, "/zh/themes/", "phone")
    headings = page.evaluate(SET_LINES, ".themes-matrix thead th:not(:first-child)")
    assert len(headings) == 4 and any(len(lines) > 1 for lines in headings), headings
    assert all(line[0] in "《（" for lines in headings for line in lines), headings
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_themes_matrix_on_a_phone_breaks_no_word_and_sets_names_to_a_readable_measure(browser, server, lang):
    """The table scrolls sideways rather than cut "Development" or set 统筹发展与安全 a character a line."""
    context, page = open_page(browser, server, LANGS[lang] + "/themes/", "phone")
    names = page.evaluate(SET_LINES, ".themes-matrix tbody th")
    assert len(names) == 28, names
    if lang == "en":
        texts = [" ".join(text.split()) for text in page.locator(".themes-matrix tbody th").all_text_contents()]
        cut = [
            lines
            for lines, text in zip(names, texts, strict=True)
            for before, after in zip(lines, lines[1:], strict=False)
            if not before.endswith("-") and f"{before.strip()} {after.strip()}" not in text
        ]
        assert not cut, cut
    else:
        assert all(len(line) >= 4 for lines in names for line in lines[:-1]), names
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_filter_leaves_no_year_without_events(browser, server, lang):
    context, page = open_page(browser, server, LANGS[lang] + "/timeline/")
    for button in page.locator(".timeline-filter [data-kind]").all():
        button.click()
        years = page.evaluate(
            """() => [...document.querySelectorAll('.timeline-year')].map(heading => [
              heading.getClientRects().length > 0,
              [...heading.nextElementSibling.querySelectorAll('.timeline-event')].some(event => event.getClientRects().length > 0),
            ])"""
        )
        assert all(heading == events for heading, events in years), (button.get_attribute("data-kind"), years)
        assert any(heading for heading, _ in years)
    context.close()
