"""The sitemap: only with an address (SITE_URL), absolute URLs of pages that exist, dated by the
commit rather than the build day; and no page makes Material fetch a sitemap that is not there."""

import datetime
import gzip
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from aigov.sitemap import commit_day
from conftest import ROOT

SITE_URL = "https://example.org/ai-governance/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def the_commit_day() -> str:
    """The commit's day in UTC, asked of git here independently of the build."""
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    return datetime.datetime.fromtimestamp(int(stamp.stdout), datetime.UTC).date().isoformat()


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for an address, as the Pages workflow builds it."""
    site_dir = tmp_path_factory.mktemp("addressed-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def page_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL) / "index.html"


def test_without_an_address_there_is_no_sitemap_and_no_relative_url_posing_as_one(site):
    assert not (site / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()
    for html in site.rglob("*.html"):
        links = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("[href]")
        assert not [link["href"] for link in links if link["href"].startswith("None")], html


def test_the_sitemap_lists_every_page_of_both_languages_at_its_address(addressed_site):
    tree = ElementTree.parse(addressed_site / "sitemap.xml")
    urls = tree.findall("sm:url", NS)
    listed = [url.findtext("sm:loc", namespaces=NS) for url in urls]
    pages = sorted(path.parent for path in addressed_site.rglob("index.html"))
    assert sorted(page_file(addressed_site, loc).parent for loc in listed) == pages
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert set(alternates) == {"en", "zh"}
        assert all(page_file(addressed_site, href).exists() for href in alternates.values())


def test_the_sitemap_dates_every_page_by_the_commit_not_the_build_day(addressed_site):
    day = the_commit_day()
    tree = ElementTree.parse(addressed_site / "sitemap.xml")
    assert {url.findtext("sm:lastmod", namespaces=NS) for url in tree.findall("sm:url", NS)} == {day}
    compressed = (addressed_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == (addressed_site / "sitemap.xml").read_bytes()
    stamp = int.from_bytes(compressed[4:8], "little")  # the gzip header's MTIME
    assert datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat() == day


def test_pages_are_dated_by_the_commit_and_not_at_all_outside_git(tmp_path):
    assert commit_day(ROOT) == the_commit_day()
    assert commit_day(tmp_path) is None


def test_the_404_page_requests_nothing_missing_and_logs_no_error(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requested, failed, errors = [], [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/404.html", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in requested if "sitemap" in url]
    assert not failed and not errors, (failed, errors)
    assert not BeautifulSoup(page.content(), "html.parser").select('head link[rel="alternate"]')
    context.close()
