"""Quality gates on the built site: links and anchors, valid HTML, accessibility, privacy, determinism."""

import filecmp
import json
import subprocess

import pytest

from conftest import ROOT, broken_links, mkdocs_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Material's base.html gives its two checkbox toggles autocomplete="off" (to stop browsers restoring
# the drawer and search state); the Nu checker refuses that attribute on checkboxes. Not our markup.
MATERIAL_TOGGLE_ERROR = "Attribute “autocomplete” is only allowed when the input type is"
# With navigation.tabs, Material's nav-item.html writes tabindex="" on the label of the section
# the page is in (the drawer's "Documents"); browsers treat it as no tabindex. Not our markup.
MATERIAL_SECTION_ERROR = "Bad value “” for attribute “tabindex” on element “label”"
PAGE_TYPES = [
    "",
    "documents/global-ai-governance-initiative/",
    "documents/shanghai-declaration/",
    "documents/capacity-building-action-plan/",
    "documents/global-ai-governance-action-plan/",
    "themes/",
    "themes/open-source/",
    "timeline/",
    "glossary/",
    "data/",
    "download/",
    "about/",
    "editorial-notes/",
]


def test_every_internal_link_and_anchor_resolves(site, tmp_path):
    broken, external = broken_links(site)
    assert not broken, "\n".join(broken)
    listing = ROOT / ".external-links.txt"
    listing.write_text("".join(f"{address}\n" for address in sorted(external)), encoding="utf-8")
    assert all(address.startswith("https://") or address.startswith("http://") for address in external)


@pytest.mark.build
def test_every_page_is_valid_html(site):
    assert VNU.exists(), "run npm ci: the Nu HTML Checker (vnu-jar) is missing"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    theirs_prefixes = (MATERIAL_TOGGLE_ERROR, MATERIAL_SECTION_ERROR)
    ours = [message for message in messages if not message["message"].startswith(theirs_prefixes)]
    assert not ours, json.dumps(ours[:10], ensure_ascii=False, indent=1)
    sections = [message for message in messages if message["message"].startswith(MATERIAL_SECTION_ERROR)]
    assert all('class="md-nav__link" for="__nav_' in message["extract"] for message in sections)
    theirs = [message for message in messages if message["message"].startswith(MATERIAL_TOGGLE_ERROR)]
    assert all('autocomplete="off"' in message["extract"] and "md-toggle" in message["extract"] for message in theirs)


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        {"id": violation["id"], "nodes": [node["target"] for node in violation["nodes"]][:5]}
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_pages_have_no_wcag_violations_and_load_only_from_the_site_without_errors(browser, server, lang, path):
    assert AXE.exists(), "run npm ci: axe-core is missing"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested, failed = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    views = ["both", "zh", "en"] if path.startswith("documents/") else ["both"]
    for view in views:
        page.goto(f"{server}/{lang}{path}?view={view}", wait_until="networkidle")
        assert run_axe(page) == [], (path, view)
    assert all(url.startswith(server) for url in requested), requested
    assert not failed, failed
    context.close()


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_pages_have_no_wcag_violations_in_the_dark_scheme(browser, server, lang, path):
    """A reader whose system is dark gets Material's slate scheme; the site's own colours follow it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server}/{lang}{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert run_axe(page) == [], path
    context.close()


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_has_no_wcag_violations(browser, server, lang, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/{lang}documents/shanghai-declaration/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("data")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(500)  # results fade in: measure contrast once they have
    assert run_axe(page) == []
    context.close()


@pytest.mark.build
def test_two_builds_of_the_same_commit_are_identical(site, tmp_path):
    again = tmp_path / "again"
    result = mkdocs_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    differing = []
    for path in sorted(again.rglob("*")):
        if path.is_dir():
            continue
        twin = site / path.relative_to(again)
        if not twin.exists() or not filecmp.cmp(path, twin, shallow=False):
            differing.append(str(path.relative_to(again)))
    assert not differing, differing
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == sorted(p.relative_to(again) for p in again.rglob("*"))
