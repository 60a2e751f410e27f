"""Nothing moves once painted: the timeline's filter and a document page's controls, revealed
by the site's scripts, have their space kept from the first paint, and a page opened with the
reader's settings (from the address or kept from an earlier page) is painted with them.
Measured in Chromium as the reader's layout shifts, with the scripts arriving after the first
paint; and, on <html>, no setting changed once the body is parsed."""

import pytest

# Registered before the page's own scripts: every layout shift not caused by input, from the
# start, with whether each moved anything outside the header. The header's one shift is
# Material's: its search appears when its bundle has run, on every page; the site adds none.
RECORD_LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const outside = entry.sources.some((source) => !(source.node && source.node.closest && source.node.closest(".md-header")));
    // What moved, to name in a failure: each source's element, its class, and its box before and after.
    const moved = entry.sources.map((source) => [
      source.node ? `${source.node.nodeName}.${source.node.className || ""}` : null,
      [source.previousRect.y, source.previousRect.height, source.currentRect.y, source.currentRect.height].map(Math.round),
    ]);
    window.layoutShifts.push({value: entry.value, outsideHeader: outside, moved: moved});
  }
}).observe({type: "layout-shift", buffered: true});
"""
SCRIPTS = "**/assets/javascripts/*.js"


def shifts_while_scripts_arrive_late(browser, url, width, hidden_until_scripts, revealed, stored=None):
    """The layout shifts of a page whose scripts arrive after its first paint, as on a slow
    link: `hidden_until_scripts` is hidden at the first paint, and `revealed` is awaited.
    `stored`: the site's storage as an earlier page left it."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    for name, value in (stored or {}).items():
        page.add_init_script(f"localStorage.setItem({name!r}, {value!r})")
    held = []

    def hold(route) -> None:
        held.append(route)

    page.route(SCRIPTS, hold)
    page.goto(url, wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    assert page.locator(hidden_until_scripts).first.get_attribute("hidden") is not None
    for route in held:
        route.continue_()
    page.unroute(SCRIPTS, hold)
    page.locator(revealed).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    shifts = page.evaluate("window.layoutShifts")
    context.close()
    return shifts


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_timeline_filter_appears_without_moving_anything(browser, server, lang, width):
    shifts = shifts_while_scripts_arrive_late(
        browser, f"{server}/{lang}timeline/", width, ".timeline-filter", ".timeline-filter button"
    )
    # Zero to the precision Lighthouse reports; a loaded machine once gave a sub-pixel 1.6e-06.
    # The filter shown without its space kept shifted the page by 0.051.
    assert sum(shift["value"] for shift in shifts if shift["outsideHeader"]) < 0.0001, shifts
    assert sum(shift["value"] for shift in shifts) < 0.001, shifts  # Material's search, in the header


def test_without_javascript_the_filter_takes_no_space(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/timeline/")
    assert page.locator(".timeline-filter").bounding_box() is None  # not rendered
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["documents/global-ai-governance-action-plan/", "zh/documents/shanghai-declaration/"])
def test_a_document_page_keeps_still_while_its_controls_appear(browser, server, path, width):
    """The reader bar, the Terms switch, "Cite this document" and each clause's actions (two
    rows of icons on a phone) are revealed by scripts that arrive after the first paint."""
    shifts = shifts_while_scripts_arrive_late(
        browser, f"{server}/{path}", width, ".clause-actions", ".clause-actions .clause-action"
    )
    assert sum(shift["value"] for shift in shifts if shift["outsideHeader"]) < 0.0001, shifts


# A column's language where the first clause shows it, and what the reader bar says is pressed.
FIRST_CLAUSE_AS_SHOWN = """() => ({
  columns: [...document.querySelector(".clause .parallel-row").children]
    .filter(column => column.offsetParent !== null)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top
      || a.getBoundingClientRect().left - b.getBoundingClientRect().left)
    .map(column => column.lang.slice(0, 2)),
  notes: getComputedStyle(document.querySelector(".clause-themes")).display !== "none",
})"""


READER_SETTINGS = [
    ("documents/global-ai-governance-action-plan/", "?view=zh", {}, {"columns": ["zh"], "notes": True}),
    ("zh/documents/shanghai-declaration/", "?view=en&notes=off", {}, {"columns": ["en"], "notes": False}),
    ("documents/capacity-building-action-plan/", "", {"aigov-view": "zh"}, {"columns": ["zh"], "notes": True}),
    ("zh/documents/global-ai-governance-initiative/", "", {"aigov-first": "en"}, {"columns": ["en", "zh"], "notes": True}),
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("path", "address", "stored", "shown"), READER_SETTINGS)
def test_a_page_opened_with_the_readers_settings_is_painted_with_them(browser, server, path, address, stored, shown, width):
    """A link that sets the view (?view=zh), or a reader's choice kept from an earlier page, is
    how the page is first painted, before the site's scripts have run."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for name, value in stored.items():
        page.add_init_script(f"localStorage.setItem({name!r}, {value!r})")
    page.route(SCRIPTS, lambda route: route.abort())
    page.goto(f"{server}/{path}{address}")
    painted = page.evaluate(FIRST_CLAUSE_AS_SHOWN)
    context.close()
    assert painted == shown


@pytest.mark.parametrize(("path", "address", "stored"), [setting[:3] for setting in READER_SETTINGS])
def test_a_page_opened_with_the_readers_settings_keeps_still_as_its_scripts_arrive(browser, server, path, address, stored):
    """No column disappears or moves when the scripts arrive. When reader.js set the settings,
    ?view=zh shifted the Action Plan by 0.14 at 1280 px (0.20 at 390)."""
    shifts = shifts_while_scripts_arrive_late(
        browser, f"{server}/{path}{address}", 1280, ".clause-actions", ".clause-actions .clause-action", stored
    )
    assert sum(shift["value"] for shift in shifts if shift["outsideHeader"]) < 0.0001, shifts


# Every change of the value of one of <html>'s attributes, with whether the body had begun.
RECORD_ROOT_CHANGES = """
window.rootChanges = [];
new MutationObserver((records) => {
  for (const record of records) {
    if (record.target !== document.documentElement) continue;
    const value = record.target.getAttribute(record.attributeName);
    if (value !== record.oldValue) {
      window.rootChanges.push({name: record.attributeName, from: record.oldValue, to: value, body: !!document.body});
    }
  }
}).observe(document, {attributes: true, attributeOldValue: true, subtree: true});
"""


@pytest.mark.parametrize(
    "path",
    [
        "documents/global-ai-governance-action-plan/",
        "zh/documents/shanghai-declaration/?view=en&first=en&notes=off",
        "timeline/",
        "zh/",
    ],
)
def test_nothing_on_the_root_changes_once_the_body_is_parsed(browser, server, path):
    """The class js, the focus-visible polyfill's marks and the reader's settings are set in the
    head (partials/page-start.html): the theme's bundle and reader.js, which set them as they
    start, change nothing on <html>, each change of which restyled the whole painted page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_ROOT_CHANGES)
    page.goto(f"{server}/{path}", wait_until="networkidle")
    changes = page.evaluate("window.rootChanges")
    root = page.evaluate("[document.documentElement.className, {...document.documentElement.dataset}]")
    context.close()
    assert [change for change in changes if change["body"]] == []
    assert root[0].split() == ["js", "js-focus-visible"]
    assert root[1]["jsFocusVisible"] == "" and root[1]["view"] in ("both", "en") and root[1]["first"] in ("en", "zh")
