"""The glossary: its data checked against the clauses, its page in each language's order, and
its terms showing their counterparts in the document pages, on hover and on keyboard focus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from aigov.corpus import DataError
from aigov.glossary import clause_glosses, glossary_entries, load_glossary, mark_terms, pinyin_key
from conftest import ROOT, copy_project, mkdocs_build

GLOSSARY = ROOT / "data" / "glossary.yml"
DOCUMENT_PAGES = ("global-ai-governance-action-plan", "capacity-building-action-plan", "shanghai-declaration")


@pytest.fixture(scope="module")
def terms(corpus):
    return load_glossary(GLOSSARY, corpus)


def entries() -> list[dict]:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def load_broken(tmp_path: Path, corpus, data: list[dict]):
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path, lambda: load_glossary(path, corpus)


def test_the_curated_glossary_is_valid(terms):
    assert len(terms) == 60
    assert sum(len(term.renderings) for term in terms) >= 60


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda data: data[0].update(zh="测试评估"),
            r"terms\[0\]\.renderings\[0\]\.clauses\[0\]: '测试评估' does not occur in the Chinese text of 'shd-3-2'",
        ),
        (
            lambda data: data[0]["renderings"][0].update(en="testing and assessment"),
            r"terms\[0\]\.renderings\[0\]\.clauses\[0\]: 'testing and assessment' does not occur in the English text of 'shd-3-2'",
        ),
        (
            lambda data: data[0]["renderings"][0].update(clauses=["shd-9-9"]),
            r"terms\[0\]\.renderings\[0\]\.clauses\[0\]: unknown clause 'shd-9-9'",
        ),
        (lambda data: data.append(dict(data[0])), r"terms\[60\]\.zh: '测试、评估、认证与监管' is already a term"),
        (
            lambda data: data[0]["renderings"].append(dict(data[0]["renderings"][0])),
            r"terms\[0\]\.renderings\[2\]\.en: 'testing, assessment, certification and regulation' is listed twice",
        ),
        (
            lambda data: data[0]["renderings"][0].update(clauses=["shd-3-2", "shd-3-2"]),
            r"terms\[0\]\.renderings\[0\]\.clauses: 'shd-3-2' is listed twice",
        ),
        (lambda data: data[0].update(pinyin="Cè shì"), r"terms\[0\]\.pinyin: 'Cè shì' is not pinyin in lower-case syllables"),
        (lambda data: data[1].pop("renderings"), r"terms\[1\]\.renderings: missing; it is required"),
    ],
)
def test_broken_glossary_data_is_refused_naming_file_and_entry(tmp_path, corpus, change, message):
    data = entries()
    change(data)
    path, load = load_broken(tmp_path, corpus, data)
    with pytest.raises(DataError, match=re.escape(str(path)) + r":\d+: " + message):
        load()


def test_a_rendering_may_differ_in_case_only_by_its_initial_capital(tmp_path, corpus):
    data = entries()
    term = next(entry for entry in data if entry["zh"] == "数据安全")
    rendering = next(r for r in term["renderings"] if "cap-g4-title" in r["clauses"])
    assert rendering["en"] == "Data Security"
    rendering["en"] = "data Security"  # the heading says "Data Security": an initial capital is allowed
    load_broken(tmp_path, corpus, data)[1]()
    rendering["en"] = "Data security"  # another case inside the phrase is not
    with pytest.raises(DataError, match=r"'Data security' does not occur in the English text of 'cap-g4-title'"):
        load_broken(tmp_path, corpus, data)[1]()


@pytest.mark.build
def test_a_broken_glossary_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("clauses: [gap-10]", "clauses: [gap-99]", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/glossary.yml:50: terms[6].renderings[1].clauses[0]: unknown clause 'gap-99'" in result.stdout + result.stderr


def test_marking_terms_keeps_the_text_and_prefers_the_longer_phrase():
    glosses = {"发展": "development", "发展中国家": "developing countries"}
    marked = mark_terms("帮助发展中国家发展。", glosses, "zh", escape=False)
    assert re.sub(r"<[^>]+>", "", marked) == "帮助发展中国家发展。"
    assert re.findall(r'title="([^"]+)"[^>]*>([^<]+)<', marked) == [
        ("developing countries", "发展中国家"),
        ("development", "发展"),
    ]
    assert mark_terms("A <b> & AI divide", {"AI divide": "智能鸿沟"}, "en", escape=True).startswith("A &lt;b&gt; &amp; <abbr")
    assert mark_terms("AIDS", {"AI": "人工智能"}, "en", escape=False) == "AIDS"


def glossary_page(site: Path, lang: str) -> BeautifulSoup:
    path = site / ("glossary" if lang == "en" else "zh/glossary") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_english_glossary_is_in_alphabetical_order_of_the_renderings(site, terms):
    shown = [dt.get_text() for dt in glossary_page(site, "en").select("dl.glossary > dt")]
    renderings = {rendering.en for term in terms for rendering in term.renderings}
    assert sorted(shown) == sorted(renderings)
    assert shown == sorted(shown, key=str.casefold)


def test_the_chinese_glossary_is_in_pinyin_order(site, terms):
    shown = [
        (dt.contents[0].strip(), dt.select_one(".glossary-pinyin").get_text())
        for dt in glossary_page(site, "zh").select("dl.glossary > dt")
    ]
    assert sorted(zh for zh, _ in shown) == sorted(term.zh for term in terms)
    keys = [pinyin_key(pinyin) for _, pinyin in shown]
    assert keys == sorted(keys)
    # Dictionary order: lu before lü before lun.
    assert [zh for zh, _ in shown].index("绿色转型") < [zh for zh, _ in shown].index("伦理")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_glossary_line_shows_the_counterparts_and_links_their_clauses(site, terms, lang):
    page = glossary_page(site, lang)
    base = site / ("glossary" if lang == "en" else "zh/glossary")
    lines = {}
    for dt in page.select("dl.glossary > dt"):
        term = dt.contents[0].strip()
        dds = []
        for dd in dt.find_next_siblings():
            if dd.name != "dd":
                break
            dds.append(dd)
        lines[term] = {
            dd.select_one(".glossary-counterpart").get_text(): [a["href"].split("#")[1] for a in dd.select(".glossary-clauses a")]
            for dd in dds
        }
        for link in (a for dd in dds for a in dd.select("a")):
            path, anchor = link["href"].split("#")
            target = (base / path / "index.html").resolve()
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), link["href"]
    for term in terms:
        for rendering in term.renderings:
            key, counterpart = (term.zh, rendering.en) if lang == "zh" else (rendering.en, term.zh)
            assert lines[key][counterpart] == list(rendering.clauses)


def initial_lower(phrase: str) -> str:
    """The text may capitalise a rendering's initial letter, and only that."""
    return phrase[0].lower() + phrase[1:]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_document_pages_mark_the_glossary_terms_of_each_clause_in_both_columns(site, corpus, terms, lang):
    tags = {"en": "en", "zh": "zh"}
    for document in corpus.values():
        path = site / ("" if lang == "en" else "zh") / "documents" / document.info.slug / "index.html"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in document.versions["en"].blocks:
            anchor = page.find(id=block.id)
            container = anchor.find_parent(class_="parallel-row--heading") or anchor.find_parent("section")
            for column_lang, tag in tags.items():
                (column,) = container.select(f'.parallel-col[lang="{tag}"]')
                marked = {abbr.get_text(): abbr["title"] for abbr in column.select("abbr.glossary-term")}
                assert all(abbr["tabindex"] == "0" for abbr in column.select("abbr"))
                glosses = {initial_lower(phrase): title for phrase, title in clause_glosses(terms, block.id, column_lang).items()}
                marked = {initial_lower(text): title for text, title in marked.items()}
                where = (path, block.id, column_lang)
                assert {phrase: glosses.get(phrase) for phrase in marked} == marked, where
                # A phrase left unmarked lies inside a longer marked one (向善 in 智能向善).
                assert all(any(phrase in text for text in marked) for phrase in glosses.keys() - marked.keys()), where


GAP = "documents/global-ai-governance-action-plan/"


def tooltip_of(page, abbr) -> str:
    """The text of the Material tooltip that describes `abbr`, once it is shown."""
    page.wait_for_function(
        "(el) => { const id = el.getAttribute('aria-describedby');"
        " const tip = id && document.getElementById(id);"
        " return tip && tip.classList.contains('md-tooltip2--active'); }",
        arg=abbr.element_handle(),
    )
    return page.locator(f"#{abbr.get_attribute('aria-describedby')}").inner_text()


@pytest.mark.parametrize(
    ("path", "clause", "column", "term", "counterpart"),
    [
        (GAP, "gap-6", "en", "high-quality data sets", "高质量数据集"),
        (GAP, "gap-6", "zh", "高质量数据集", "high-quality data sets"),
        (f"zh/{GAP}", "gap-12", "zh", "高质量数据集", "high-quality AI datasets"),
        (f"zh/{GAP}", "gap-12", "en", "high-quality AI datasets", "高质量数据集"),
    ],
)
def test_hovering_a_term_shows_its_counterpart(page, server, path, clause, column, term, counterpart):
    """gap-6 renders 高质量数据集 as 'high-quality data sets', gap-12 as 'high-quality AI datasets':
    each Chinese occurrence shows the rendering of its own clause."""
    page.goto(f"{server}/{path}")
    abbr = page.locator(f'section[aria-labelledby="{clause}"] .parallel-col[lang="{column}"] abbr', has_text=term)
    abbr.hover()
    assert tooltip_of(page, abbr) == counterpart
    page.mouse.move(0, 0)
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")


@pytest.mark.parametrize("column", ["en", "zh"])
def test_a_term_reached_with_the_keyboard_shows_its_counterpart(page, server, terms, column):
    page.goto(f"{server}/{GAP}")
    abbrs = page.locator(f'section[aria-labelledby="gap-10"] .parallel-col[lang="{column}"] abbr')
    first, second = abbrs.nth(0), abbrs.nth(1)
    first.focus()
    page.keyboard.press("Tab")
    assert second.evaluate("el => el === document.activeElement")
    lang = "en" if column == "en" else "zh"
    expected = clause_glosses(terms, "gap-10", lang)[second.inner_text()]
    assert tooltip_of(page, second) == expected
    assert page.locator(".md-tooltip2--active").count() == 1


@pytest.mark.parametrize(("lang", "heading"), [("en", "CAP-G2 heading"), ("zh", "CAP-G2小标题")])
def test_a_term_used_in_a_heading_names_the_clause_it_heads(terms, corpus, lang, heading):
    """A heading has no code a reader can find on the page: its place is the clause it heads."""
    strings = yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    entries = glossary_entries(terms, corpus, lang, strings["glossary"]["heading"])
    labels = [link.label for entry in entries for counterpart in entry.counterparts for link in counterpart.clauses]
    assert heading in labels
    assert not [label for label in labels if label.endswith("-TITLE")]
