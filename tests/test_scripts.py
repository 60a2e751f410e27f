"""Every built page runs only the scripts the site ships: its own files under assets/javascripts/
and the few inline scripts Material writes, listed here one by one. No script in the content, no
event-handler attribute, no `javascript:` URL."""

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from aigov.pagedata import read_page_data

# Material's base.html writes these inline, on every page; a change to any of them (a new theme
# version, an override) must be reviewed and listed here. The head script names the site's root
# relative to the page (`new URL("../..",location)`): it is compared with that path as ROOT.
MATERIAL_INLINE_SCRIPTS = {
    "ed8b33468f03dea4e8aadca1995f7ae984e0ca5896e8ade260a2d06ef4887e9c": "head: __md_scope, __md_hash, __md_get, __md_set",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "header: the stored colour palette",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "content end: the tab that the URL's fragment names",
    # The site's own, before the theme's head script (overrides/partials/storage-stand-in.html).
    "2c202f5f0061ab5746479f7d1e0e25aa9f89b605de6cfd76e00abbe9561bdcf2": "head: the site's storage stand-in",
    # And after it, what would otherwise change on <html> once painted (overrides/partials/page-start.html).
    "53b01f30ca139e180b4624b9f81abe03c3c3f970120d512b95062b13b5d484cc": "head: the js class and the reader's settings",
}
# Data blocks, which no browser runs: each must parse as JSON.
DATA_BLOCKS = {
    ("application/json", "__config"): "Material's configuration",
    ("application/ld+json", None): "a document page's schema.org description",
}
RELATIVE_ROOT = re.compile(r'new URL\("(\.|\.\.(?:/\.\.)*|/)",location\)')
SCRIPTS_DIR = "assets/javascripts"
# Any URL-bearing attribute; a browser ignores leading spaces and control characters.
JAVASCRIPT_URL = re.compile(
    r"^[\x00-\x20]*j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t[\t\n\r]*:", re.I
)


def inline_fingerprint(text: str) -> str:
    return hashlib.sha256(RELATIVE_ROOT.sub("new URL(ROOT,location)", text).encode("utf-8")).hexdigest()


def pages(site: Path) -> list[Path]:
    """Every HTML file of the site: both languages, the 404 page and the single-file downloads."""
    return sorted(site.rglob("*.html"))


def unshipped_scripts(html: Path, site: Path) -> list[str]:
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    found = []
    for script in page.find_all("script"):
        if (script.get("type"), script.get("id")) in DATA_BLOCKS:
            json.loads(script.string)  # data, not code
        elif script.find_parent(class_="md-content") or script.find_parent("article"):
            found.append(f"in the content: {str(script)[:120]}")
        elif script.get("src"):
            path = unquote(urlsplit(script["src"]).path)
            # Site-absolute on the 404 page, which is served at any depth.
            target = (site / path.lstrip("/") if path.startswith("/") else html.parent / path).resolve()
            shipped = target.is_file() and target.is_relative_to((site / SCRIPTS_DIR).resolve())
            if not shipped or urlsplit(script["src"]).scheme:
                found.append(f"src not shipped: {script['src']}")
        else:
            fingerprint = inline_fingerprint(script.string or "")
            if fingerprint not in MATERIAL_INLINE_SCRIPTS:
                found.append(f"inline, unlisted ({fingerprint}): {(script.string or '')[:120]}")
    return found


def test_every_page_runs_only_the_scripts_the_site_ships(site):
    assert (site / SCRIPTS_DIR / "reader.js").is_file() and (site / SCRIPTS_DIR / "material-search.js").is_file()
    found = {str(html.relative_to(site)): unshipped_scripts(html, site) for html in pages(site)}
    assert not {page: scripts for page, scripts in found.items() if scripts}


def test_what_a_page_loads_on_demand_is_its_data_beside_it_and_the_sites_own_scripts(site):
    """A document page's .page-data names a file beside it that assigns one JSON value and runs
    nothing else; the scripts that load on demand (reader.js: cite.js; terms.js: term-cards.js)
    are shipped."""
    with_data = {}
    for html in pages(site):
        holder = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one(".page-data")
        if holder is not None:
            assert "/" not in holder["data-src"]
            with_data[str(html.relative_to(site))] = read_page_data(
                (html.parent / holder["data-src"]).read_text(encoding="utf-8")
            )
    assert len(with_data) == 8  # the four documents in two languages
    assert {key for data in with_data.values() for key in data} == {"cards", "cite_dialog", "citations"}
    assert (site / SCRIPTS_DIR / "cite.js").is_file() and (site / SCRIPTS_DIR / "term-cards.js").is_file()


def test_every_listed_inline_script_is_on_the_pages(site):
    seen = set()
    for html in pages(site):
        for script in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all("script", src=False):
            seen.add(inline_fingerprint(script.string or ""))
    assert set(MATERIAL_INLINE_SCRIPTS) <= seen


def test_no_page_has_an_event_handler_attribute_or_a_javascript_url(site):
    found = []
    for html in pages(site):
        for element in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all(True):
            for name, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                if name.lower().startswith("on") or any(JAVASCRIPT_URL.match(item) for item in values):
                    found.append(f"{html.relative_to(site)}: <{element.name} {name}={value!r}>")
    assert not found, found


# The order the site's script files rely on: material-search.js and material-start.js before the
# theme's bundle (each says why at its top), the reader's scripts after it.
SCRIPT_FILES_IN_ORDER = ["material-search.js", "material-start.js", "bundle", "reader.js", "terms.js", "related.js"]


def script_files(html: Path) -> list[tuple[str, bool]]:
    """Each script file a page loads, in order: its name (the bundle's without its hash) and
    whether it is deferred and nothing else (neither async nor a module)."""
    files = []
    for script in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all("script", src=True):
        name = urlsplit(script["src"]).path.rsplit("/", 1)[-1]
        plainly_deferred = script.has_attr("defer") and not script.has_attr("async") and not script.get("type")
        files.append((re.sub(r"^bundle\.[0-9a-f]+\.min\.js$", "bundle", name), plainly_deferred))
    return files


def test_every_page_defers_its_script_files_in_the_order_they_rely_on(site):
    """Deferred, the scripts keep their order and run once the page is parsed, and the first paint
    waits for the HTML and the style sheets alone (the bundle is 35 KiB gzip). The single-file
    downloads load none."""
    found = {str(html.relative_to(site)): script_files(html) for html in pages(site)}
    with_scripts = {page: files for page, files in found.items() if files}
    assert set(found) - set(with_scripts) == {str(html.relative_to(site)) for html in (site / "downloads").glob("*.html")}
    expected = [(name, True) for name in SCRIPT_FILES_IN_ORDER]
    assert {page: files for page, files in with_scripts.items() if files != expected} == {}
