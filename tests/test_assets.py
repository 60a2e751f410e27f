"""What a first visit loads less of: the site's own scripts and style sheets published minified
(scripts/aigov/minify.py), and what a document page's scripts load only when the reader asks
for it, its page data (scripts/aigov/pagedata.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigov.minify import minified, own_assets, without_template_indentation
from aigov.pagedata import page_data_path, page_data_script, read_page_data
from conftest import ROOT

CUSTOM_DIR = ROOT / "overrides"


def test_a_minified_script_keeps_its_strings_and_regular_expressions_and_loses_its_comments():
    script = '/* a comment */\nvar han = /\\p{sc=Han}+/gu; // another\nvar text = "/* not a comment */";\n'
    assert minified(script, ".js") == 'var han=/\\p{sc=Han}+/gu;var text="/* not a comment */";\n'


def test_a_page_loses_the_indentation_between_its_tags_and_keeps_what_shows():
    page = (
        '<ul>\n    <li><a href="#a">A</a>\n\n      <a href="#b">B</a> <b>C</b></li>\n  </ul>\n'
        '<p data-quote="{text}\n  \u2014 {citation}">Text\n    goes on</p>\n'
        "<pre><span>1</span>\n    <span>2</span></pre>\n  <code><i>x</i>\n  <i>y</i></code>\n"
        "<script>\n  var a = 1;\n</script>\n   <textarea>\n  kept</textarea>"
    )
    assert without_template_indentation(page) == (
        '<ul>\n<li><a href="#a">A</a>\n<a href="#b">B</a> <b>C</b></li>\n</ul>\n'
        '<p data-quote="{text}\n  \u2014 {citation}">Text\n    goes on</p>\n'
        "<pre><span>1</span>\n    <span>2</span></pre>\n<code><i>x</i>\n  <i>y</i></code>\n"
        "<script>\n  var a = 1;\n</script>\n<textarea>\n  kept</textarea>"
    )


def test_a_minified_style_sheet_keeps_its_rules_and_loses_its_comments():
    sheet = "/* why */\n.clause-actions[hidden] {\n  visibility: hidden;\n}\n"
    assert minified(sheet, ".css") == ".clause-actions[hidden]{visibility:hidden}\n"


def test_the_sites_own_assets_are_its_scripts_and_style_sheets_but_the_vendored_ones():
    assets = {path.as_posix() for path in own_assets(CUSTOM_DIR)}
    assert {"assets/javascripts/reader.js", "assets/javascripts/material-search.js", "assets/stylesheets/site.css"} <= assets
    assert not [path for path in assets if "/vendor/" in path or not path.endswith((".js", ".css"))]


def test_the_site_publishes_each_own_asset_minified_from_its_source(site: Path):
    for relative in own_assets(CUSTOM_DIR):
        source = (CUSTOM_DIR / relative).read_text(encoding="utf-8")
        published = (site / relative).read_text(encoding="utf-8")
        assert published == minified(source, relative.suffix), relative
        assert len(published) < len(source), relative
    vendored = "assets/javascripts/vendor/iframe-worker/shim.js"
    assert (site / vendored).read_bytes() == (CUSTOM_DIR / vendored).read_bytes()


@pytest.mark.parametrize(
    ("page", "data"),
    [
        (
            "documents/global-ai-governance-action-plan/index.html",
            "documents/global-ai-governance-action-plan/index.page-data.js",
        ),
        ("zh/documents/shanghai-declaration/index.html", "zh/documents/shanghai-declaration/index.page-data.js"),
        ("documents/shanghai-declaration.html", "documents/shanghai-declaration.page-data.js"),
    ],
)
def test_a_pages_data_is_published_beside_it(page: str, data: str):
    assert page_data_path(page) == data


def test_page_data_is_one_json_value_that_no_markup_in_it_can_end():
    script = page_data_script('<div class="term-cards"></div>', "<h2>Cite</h2></script>", {"gap-10": {"url": "x"}})
    assert "<" not in script
    assert read_page_data(script) == {
        "cards": '<div class="term-cards"></div>',
        "cite_dialog": "<h2>Cite</h2></script>",
        "citations": {"gap-10": {"url": "x"}},
    }
    with pytest.raises(ValueError):
        read_page_data("alert(1);" + script)


ON_DEMAND = ("page-data.js", "/term-cards.js", "/cite.js")


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_a_first_visit_loads_the_cards_and_the_cite_dialog_only_when_the_reader_asks(page, server, lang: str):
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(f"{server}/{lang}documents/global-ai-governance-action-plan/", wait_until="networkidle")
    assert not [url for url in loaded if url.endswith(ON_DEMAND)]
    page.locator(".terms-switch__toggle").click()
    page.locator('.glossary-term[tabindex="0"]').first.wait_for(state="attached")
    page.locator('[data-clause="gap-2"] .glossary-term').first.hover()
    assert page.locator(".term-popover .term-card__pinyin").first.is_visible()
    page.locator('[data-clause="gap-10"] [data-cite]').click()
    page.locator("dialog#cite-dialog").wait_for(state="visible")
    assert page.locator("dialog#cite-dialog .citation-style").count() == 3
    page.wait_for_load_state("networkidle")
    fetched = [url.rsplit("/", 1)[-1] for url in loaded if url.endswith(ON_DEMAND)]
    assert sorted(fetched) == ["cite.js", "index.page-data.js", "term-cards.js"]  # each once
