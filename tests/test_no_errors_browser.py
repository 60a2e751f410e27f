"""Every page in Chromium: no uncaught error, no console error, no failed request, online
(the 404 page and the single-file downloads included) and with site storage blocked as a reader
who blocks all cookies has it (Chromium's own content setting, not a stand-in), where search
still opens and finds, and the view switch works for the page without keeping the choice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from search_driver import open_search, search


def pages(site: Path) -> list[str]:
    """Every page of the site as a path from its root: both languages, the 404 page, the single files."""
    return sorted(
        path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.name != "404.html" or path.parent == site
    )


def problems_on(tab: Any, url: str) -> list[str]:
    """What goes wrong while `url` loads and settles: uncaught errors, console errors, failed requests."""
    found: list[str] = []
    listeners = {
        "pageerror": lambda error: found.append(f"uncaught: {error}"),
        "console": lambda message: found.append(f"console: {message.text}") if message.type == "error" else None,
        # ERR_ABORTED: a request that leaving the page cancelled (the icon, fetched last), which no reader sees.
        "requestfailed": lambda request: (
            found.append(f"failed: {request.url} {request.failure}") if request.failure != "net::ERR_ABORTED" else None
        ),
        "response": lambda response: found.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    }
    for event, listener in listeners.items():
        tab.on(event, listener)
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(200)
    for event, listener in listeners.items():
        tab.remove_listener(event, listener)
    return found


@pytest.fixture(scope="module")
def storage_blocked(playwright_driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Chromium with a profile that blocks all cookies and site data, as its settings page does
    (chrome://settings/cookies): reading localStorage or sessionStorage throws a SecurityError."""
    profile = tmp_path_factory.mktemp("blocked-profile")
    (profile / "Default").mkdir()
    preferences = {"profile": {"default_content_setting_values": {"cookies": 2}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences), encoding="utf-8")
    context = playwright_driver.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}
    )
    yield context
    context.close()


STORAGE = """() => ["localStorage", "sessionStorage"].map(name => {
    try { window[name].setItem("probe", "1"); return window[name].getItem("probe"); } catch (error) { return error.name; }
})"""


def test_the_blocked_profile_denies_storage_as_chromium_does(storage_blocked, server):
    tab = storage_blocked.new_page()
    tab.goto(f"{server}/assets/stylesheets/site.css")  # a document of the site that runs none of its scripts
    assert tab.evaluate(STORAGE) == ["SecurityError", "SecurityError"]
    tab.goto(f"{server}/about/")  # the pages run on the site's stand-in (partials/storage-stand-in.html)
    assert tab.evaluate(STORAGE) == ["1", "1"]
    tab.close()


def test_no_page_has_an_error_online(browser, server, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found = {path: problems_on(tab, f"{server}/{path}") for path in pages(site)}
    context.close()
    assert len(found) > 60 and "404.html" in found and "downloads/shanghai-declaration.html" in found
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_no_page_has_an_error_with_storage_blocked(storage_blocked, server, site):
    tab = storage_blocked.new_page()
    found = {path: problems_on(tab, f"{server}/{path}") for path in pages(site)}
    tab.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


@pytest.mark.parametrize(("lang", "query"), [("en", "capacity-building"), ("zh", "能力建设")])
def test_with_storage_blocked_search_opens_and_finds(storage_blocked, server, lang, query):
    tab = storage_blocked.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    open_search(tab, server, lang)
    results = search(tab, query)
    tab.close()
    assert results and {result.lang for result in results} == {lang}
    assert any(result.page.startswith("documents/") for result in results[:3]), results[:3]
    assert errors == []


DOCUMENT = "/documents/shanghai-declaration/"
OTHER_DOCUMENT = "/documents/global-ai-governance-action-plan/"


def view_after_switching(context: Any, server: str) -> tuple[str, str]:
    """The view of a document page after choosing Chinese only, and of the next page opened."""
    tab = context.new_page()
    tab.goto(server + DOCUMENT)
    tab.click('.view-switch [data-view="zh"]')
    switched = tab.evaluate("document.documentElement.dataset.view")
    tab.goto(server + OTHER_DOCUMENT)
    following = tab.evaluate("document.documentElement.dataset.view")
    tab.close()
    return switched, following


def test_with_storage_blocked_the_view_switch_works_without_keeping_the_choice(storage_blocked, browser, server):
    assert view_after_switching(storage_blocked, server) == ("zh", "both")
    # Where storage is allowed, the choice is kept: the check above would see it kept.
    context = browser.new_context()
    assert view_after_switching(context, server) == ("zh", "zh")
    context.close()
