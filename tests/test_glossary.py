"""The glossary: its data checked against the clauses, its pinyin with tone marks, its page in
each language's order with its jump list and "rendered differently" marks, and its terms marked
in both columns of the document pages with the id of their entry (tests/test_terms_browser.py
drives them in Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from aigov.corpus import DataError
from aigov.glossary import clause_phrases, glossary_entries, load_glossary, mark_terms, phrase_pattern, pinyin_key
from aigov.pinyin import toned_pinyin, toneless
from conftest import ROOT, copy_project, mkdocs_build
from published import term_cards

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


def test_every_term_a_clause_is_listed_under_occurs_in_that_clause_in_both_languages(corpus, terms):
    texts = {
        block.id: {lang: b.text for lang in ("zh", "en") for b in document.versions[lang].blocks if b.id == block.id}
        for document in corpus.values()
        for block in document.aligned.blocks
    }
    missing = [
        (term.zh, rendering.en, clause)
        for term in terms
        for rendering in term.renderings
        for clause in rendering.clauses
        if not (
            phrase_pattern(term.zh, "zh").search(texts[clause]["zh"])
            and phrase_pattern(rendering.en, "en").search(texts[clause]["en"])
        )
    ]
    assert missing == []
    assert sum(len(rendering.clauses) for term in terms for rendering in term.renderings) > 150


def test_marking_terms_keeps_the_text_marks_every_occurrence_and_nests_a_shorter_term():
    phrases = {"发展": ("term-fa-zhan",), "发展中国家": ("term-fa-zhan-zhong-guo-jia",)}
    marked = mark_terms("帮助发展中国家发展。", phrases, "zh", escape=False)
    assert re.sub(r"<[^>]+>", "", marked) == "帮助发展中国家发展。"
    assert marked == (
        '帮助<span class="glossary-term" data-terms="term-fa-zhan-zhong-guo-jia">'
        '<span class="glossary-term" data-terms="term-fa-zhan">发展</span>中国家</span>'
        '<span class="glossary-term" data-terms="term-fa-zhan">发展</span>。'
    )
    assert mark_terms("A <b> & AI divide", {"AI divide": ("term-x",)}, "en", escape=True).startswith("A &lt;b&gt; &amp; <span")
    assert mark_terms("AIDS", {"AI": ("term-x",)}, "en", escape=False) == "AIDS"
    # Two terms rendered alike share one mark; a phrase crossing a longer one is not marked.
    assert 'data-terms="a b"' in mark_terms("multiple stakeholders", {"multiple stakeholders": ("a", "b")}, "en", escape=False)
    assert mark_terms("智能向善发展", {"智能向善": ("a",), "善发": ("b",)}, "zh", escape=False).count("<span") == 1


def test_a_term_that_cannot_be_marked_fails_naming_the_file_the_term_and_the_clause(tmp_path, corpus):
    """“智能 in ini-3 crosses 智能向善: marked, it would break the longer term; unmarked, its
    counterpart would light up nothing."""
    data = entries()
    data.append({"zh": "“智能", "pinyin": "zhi neng", "renderings": [{"en": "principle", "clauses": ["ini-3"]}]})
    path, load = load_broken(tmp_path, corpus, data)
    message = r"terms\[60\]\.renderings\[0\]\.clauses\[0\]: '“智能' cannot be marked in the Chinese text of 'ini-3'"
    with pytest.raises(DataError, match=re.escape(str(path)) + r":\d+: " + message):
        load()


@pytest.mark.parametrize(
    ("term", "plain", "toned"),
    [
        ("成果转化", "cheng guo zhuan hua", "chéng guǒ zhuǎn huà"),
        ("千行百业", "qian hang bai ye", "qiān háng bǎi yè"),  # the glossary's háng, not pypinyin's xíng
        ("绿色转型", "lü se zhuan xing", "lǜ sè zhuǎn xíng"),
        ("人工智能+", "ren gong zhi neng jia", "rén gōng zhì néng jiā"),
        ("测试、评估", "ce shi ping gu", "cè shì píng gū"),
    ],
)
def test_pinyin_gets_tone_marks_as_the_glossary_reads_the_term(term, plain, toned):
    assert toned_pinyin(term, plain) == toned
    assert toneless(toned) == plain


def test_every_glossary_term_has_its_pinyin_with_tone_marks(terms):
    assert all(toneless(term.toned) == term.pinyin and term.toned != term.pinyin for term in terms)


def test_pinyin_that_is_no_reading_of_the_term_is_refused_naming_file_and_entry(tmp_path, corpus):
    data = entries()
    data[1]["pinyin"] = "cheng guo zhuan hu"
    path, load = load_broken(tmp_path, corpus, data)
    with pytest.raises(
        DataError, match=re.escape(str(path)) + r":\d+: terms\[1\]\.pinyin: 'cheng guo zhuan hu' is not the pinyin of '成果转化'"
    ):
        load()
    with pytest.raises(ValueError, match="'hu' for '化' is none of its readings"):
        toned_pinyin("成果转化", "cheng guo zhuan hu")
    with pytest.raises(ValueError, match="has 3 syllables"):
        toned_pinyin("成果转化", "cheng guo zhuan")


def glossary_page(site: Path, lang: str) -> BeautifulSoup:
    path = site / ("glossary" if lang == "en" else "zh/glossary") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_english_glossary_is_in_alphabetical_order_of_the_renderings(site, terms):
    shown = [dt.contents[0].strip() for dt in glossary_page(site, "en").select("dl.glossary dt")]
    renderings = {rendering.en for term in terms for rendering in term.renderings}
    assert sorted(shown) == sorted(renderings)
    assert shown == sorted(shown, key=str.casefold)


def test_the_chinese_glossary_is_in_pinyin_order(site, terms):
    shown = [
        (dt.contents[0].strip(), dt.select_one(".glossary-pinyin").get_text())
        for dt in glossary_page(site, "zh").select("dl.glossary dt")
    ]
    assert sorted(zh for zh, _ in shown) == sorted(term.zh for term in terms)
    assert dict(shown)["成果转化"] == "chéng guǒ zhuǎn huà"  # the pinyin shown has its tone marks
    keys = [pinyin_key(toneless(pinyin)) for _, pinyin in shown]
    assert keys == sorted(keys)
    # Dictionary order: lu before lü before lun.
    assert [zh for zh, _ in shown].index("绿色转型") < [zh for zh, _ in shown].index("伦理")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_glossary_line_shows_the_counterparts_and_links_their_clauses(site, terms, lang):
    page = glossary_page(site, lang)
    base = site / ("glossary" if lang == "en" else "zh/glossary")
    lines = {}
    for dt in page.select("dl.glossary dt"):
        term = dt.contents[0].strip()
        dds = dt.find_next_siblings("dd", class_=lambda name: name != "glossary-variants")
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
    """Each column marks the phrases the glossary lists for the clause, with the ids of their
    terms; none is a Tab stop or carries a title until the reader turns the terms on."""
    for document in corpus.values():
        path = site / ("" if lang == "en" else "zh") / "documents" / document.info.slug / "index.html"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not page.select(".glossary-term[tabindex], .glossary-term[title], abbr.glossary-term")
        for block in document.versions["en"].blocks:
            container = page.select_one(f'[data-clause="{block.id}"]')
            for column_lang in ("en", "zh"):
                (column,) = container.select(f'.parallel-col[lang="{column_lang}"]')
                marked: dict[str, set[str]] = {}
                for span in column.select(".glossary-term"):
                    marked.setdefault(initial_lower(span.get_text()), set()).update(span["data-terms"].split())
                expected = {
                    initial_lower(phrase): set(ids) for phrase, ids in clause_phrases(terms, block.id, column_lang).items()
                }
                assert marked == expected, (path, block.id, column_lang)


def card_of(cards: BeautifulSoup, term_id: str):
    return cards.select_one(f'.term-cards .term-card[data-term="{term_id}"]')


@pytest.mark.parametrize(
    ("lang", "entry"), [("en", "#en-transformation-of-research-outcomes"), ("zh", "#term-cheng-guo-zhuan-hua")]
)
def test_a_document_page_holds_the_card_of_each_term_it_uses(site, corpus, terms, lang, entry):
    path = site / ("" if lang == "en" else "zh") / "documents" / "global-ai-governance-action-plan" / "index.html"
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    used = {id_ for span in page.select(".glossary-term") for id_ in span["data-terms"].split()}
    assert not page.select(".term-card")  # published beside the page, loaded when Terms is on
    cards = term_cards(path)
    assert {card["data-term"] for card in cards.select(".term-card")} == used
    card = card_of(cards, "term-cheng-guo-zhuan-hua")
    assert card.select_one(".term-card__pinyin").get_text() == "chéng guǒ zhuǎn huà"
    items = {li.select_one("span[lang=en]").get_text(): li for li in card.select("li")}
    assert list(items) == ["commercialization", "transformation of research outcomes"]
    assert items["transformation of research outcomes"]["data-clauses"] == "gap-2"
    assert items["transformation of research outcomes"]["data-entry"].endswith("glossary/" + entry)
    assert [a.get_text() for a in items["commercialization"].select("a")] == ["SHD-1-2"]
    # A heading's capitals are the same wording: one line, with the heading's place among its clauses.
    cap = term_cards(site / "zh/documents/capacity-building-action-plan/index.html")
    infrastructure = [li.select_one("span[lang=en]").get_text() for li in card_of(cap, "term-shu-zi-ji-chu-she-shi").select("li")]
    assert "Digital Infrastructure" not in infrastructure and "digital infrastructure" in infrastructure


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_glossary_page_marks_every_term_rendered_differently_with_each_rendering_and_its_clauses(site, terms, lang):
    page = glossary_page(site, lang)
    marked = {dt.contents[0].strip() for dt in page.select("dl.glossary dt") if dt.select_one(".glossary-differs")}
    differing = [term for term in terms if len({r.en.casefold() for r in term.renderings}) > 1]
    assert len(differing) >= 30
    if lang == "zh":
        assert marked == {term.zh for term in differing}
        return
    assert marked == {r.en for term in differing for r in term.renderings}
    entry = page.select_one("#en-commercialization")
    (variants,) = entry.select(".glossary-variants")
    listed = {li.select_one("span[lang=en]").get_text(): [a.get_text() for a in li.select("a")] for li in variants.select("li")}
    assert listed == {"commercialization": ["SHD-1-2"], "transformation of research outcomes": ["GAP-2"]}


@pytest.mark.parametrize(("lang", "letters"), [("zh", "CDFGHJKLMNQRSTWXYZ"), ("en", None)])
def test_the_glossary_jump_list_leads_to_each_initial(site, terms, lang, letters):
    page = glossary_page(site, lang)
    jump = [(a.get_text(), a["href"]) for a in page.select("nav.glossary-jump a")]
    initials = sorted(
        {term.pinyin[0].upper() for term in terms} if lang == "zh" else {r.en[0].upper() for t in terms for r in t.renderings}
    )
    assert [letter for letter, _ in jump] == initials
    if letters:
        assert "".join(initials) == letters
    for letter, href in jump:
        group = page.select_one(href)
        assert group is not None, href
        shown = [dt.contents[0].strip() for dt in group.select("dt")]
        pinyin = {term.zh: term.pinyin for term in terms}
        assert all((pinyin[text] if lang == "zh" else text)[0].upper() == letter for text in shown)


@pytest.mark.parametrize("slug", ["global-ai-governance-action-plan", "shanghai-declaration"])
def test_the_single_file_says_it_does_not_highlight_the_terms(site, slug):
    page = BeautifulSoup((site / "downloads" / f"{slug}.html").read_text(encoding="utf-8"), "html.parser")
    notices = {p["lang"]: p.get_text() for p in page.select(".single-file-terms")}
    assert notices["en"].startswith("This file does not highlight the glossary terms")
    assert notices["zh"].startswith("本文件不标示术语对照")
    assert not page.select(".glossary-term")


@pytest.mark.parametrize(("lang", "heading"), [("en", "CAP-G2 heading"), ("zh", "CAP-G2小标题")])
def test_a_term_used_in_a_heading_names_the_clause_it_heads(terms, corpus, lang, heading):
    """A heading has no code a reader can find on the page: its place is the clause it heads."""
    strings = yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    entries = glossary_entries(terms, corpus, lang, strings["glossary"]["heading"])
    labels = [link.label for entry in entries for counterpart in entry.counterparts for link in counterpart.clauses]
    assert heading in labels
    assert not [label for label in labels if label.endswith("-TITLE")]
