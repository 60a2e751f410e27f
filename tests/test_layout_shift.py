"""Nothing moves once painted: the timeline's filter and a document page's controls, revealed
by the site's scripts, have their space kept from the first paint. Measured in Chromium as the
reader's layout shifts, with the scripts arriving after the first paint."""

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
    window.layoutShifts.push({value: entry.value, outsideHeader: outside});
  }
}).observe({type: "layout-shift", buffered: true});
"""
SCRIPTS = "**/assets/javascripts/*.js"


def shifts_while_scripts_arrive_late(browser, url, width, hidden_until_scripts, revealed):
    """The layout shifts of a page whose scripts arrive after its first paint, as on a slow
    link: `hidden_until_scripts` is hidden at the first paint, and `revealed` is awaited."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
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
