"""The search index the build writes: entries by language, the other language unseen, policy
terms whole; and the pure functions behind it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from aigov.corpus import DataError
from aigov.search import (
    EXTRA_FIELD,
    SEARCH_SEPARATOR,
    compound_parts,
    index_page,
    indexed_words,
    language_indexes,
    page_entries,
    segment_chinese,
    toneless_words,
)

ROOT = Path(__file__).resolve().parent.parent
USER_DICT = ROOT / "data" / "jieba-userdict.txt"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
WORD = "\u200b"


@pytest.fixture(scope="module")
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(index: dict) -> dict[str, dict]:
    return {entry["location"]: entry for entry in index["docs"]}


@pytest.fixture(scope="module")
def user_dictionary():
    jieba.load_userdict(str(USER_DICT))


def test_every_glossary_term_is_in_the_user_dictionary():
    words = set(USER_DICT.read_text(encoding="utf-8").split())
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    missing = [run for term in glossary for run in HAN_RUN.findall(term["zh"]) if len(run) > 1 and run not in words]
    assert not missing
    assert {"人类命运共同体", "全球南方", "智能鸿沟", "以人为本", "智能向善", "可持续发展议程"} <= words


def test_the_search_plugin_reads_the_user_dictionary(index: dict, entries: dict):
    assert "extra" in index["config"]["fields"]
    text = entries["zh/documents/capacity-building-action-plan/#cap-g1"]["text"]
    assert f"{WORD}全球南方{WORD}" in text
    assert f"{WORD}智能鸿沟{WORD}" in entries["zh/documents/global-ai-governance-initiative/#ini-11"]["text"]


def test_every_entry_has_its_language(index: dict):
    for entry in index["docs"]:
        assert entry["lang"] == ("zh" if entry["location"].startswith("zh/") else "en"), entry["location"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_an_index_of_its_own_entries(site: Path, index: dict, lang: str):
    """What a page loads when search opens (material-search.js): its language's entries, in
    UTF-8, as the pages show them; then the unseen words of each, by location: together, the
    entries of the whole index."""
    path = site / "search" / f"search_index.{lang}.json"
    shown = json.loads(path.read_text(encoding="utf-8"))
    extra = json.loads(path.with_name(f"search_index.{lang}.extra.json").read_text(encoding="utf-8"))
    assert shown["config"] == index["config"]
    whole = [entry for entry in index["docs"] if entry["lang"] == lang]
    assert not [entry["location"] for entry in shown["docs"] if EXTRA_FIELD in entry]
    rejoined = [
        entry | ({EXTRA_FIELD: extra[entry["location"]]} if entry["location"] in extra else {}) for entry in shown["docs"]
    ]
    assert rejoined == whole
    clauses = [entry["location"] for entry in whole if re.search(r"documents/[^/]+/#(ini|shd|cap|gap)-", entry["location"])]
    assert clauses and set(clauses) <= set(extra)
    assert len(shown["docs"]) > 100
    assert path.stat().st_size < (site / "search" / "search_index.json").stat().st_size / 2


def test_an_entry_without_a_language_stops_the_split():
    index = {"config": {}, "docs": [{"location": "a/", "lang": "en"}, {"location": "b/#c"}]}
    with pytest.raises(DataError, match="b/#c"):
        language_indexes(index)


def test_a_clause_shows_its_language_and_is_found_by_the_other(entries: dict):
    zh = entries["zh/documents/global-ai-governance-action-plan/#gap-10"]
    en = entries["documents/global-ai-governance-action-plan/#gap-10"]
    assert "Advancing the governance of AI safety" not in zh["text"]
    assert "Advancing governance AI safety" in zh[EXTRA_FIELD]  # the words the worker indexes
    assert "人工智能" not in en["text"]
    assert f"{WORD}数据安全{WORD}" in en[EXTRA_FIELD]
    assert zh["title"].startswith("GAP-10") and en["title"] == "GAP-10 Action Plan, item 10"


def test_editorial_controls_are_not_indexed(entries: dict):
    clause = entries["documents/global-ai-governance-action-plan/#gap-10"]
    assert "Copy link" not in clause["text"]
    for lang in ("en", "zh"):
        strings = yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
        root = "zh/" if lang == "zh" else ""
        # The reader bar, and the term cards that the Terms switch shows (each a glossary entry).
        page = entries[f"{root}documents/global-ai-governance-action-plan/"]["text"].replace(WORD, "")
        for label in (strings["view_switch"]["label"], strings["reader"]["swap"], strings["terms"]["entry"]):
            assert label not in page, (lang, label)
        assert len(page) < 1000  # the page's introduction only
        glossary = entries[f"{root}glossary/"]["text"].replace(WORD, "")
        assert strings["terms"]["filter_label"] not in glossary


def indexed_despite_exclusion(excluded: Tag) -> str | None:
    """The first text inside an excluded element that Material's search parser would index:
    it ends the exclusion at the first closing tag of the element's name (an inner </div>), so
    text after an inner element of the same tag is indexed unless it is left out itself."""
    for inner in excluded.find_all(excluded.name):
        for text in inner.find_all_next(string=True):
            if excluded not in text.parents:
                break
            if inner in text.parents or not text.strip():
                continue
            parent = text.parent
            while parent is not excluded and not parent.has_attr("data-search-exclude"):
                parent = parent.parent
            if parent is excluded:
                return text.strip()
    return None


def test_what_search_leaves_out_stays_out(site: Path):
    leaks = []
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for excluded in page.select("[data-search-exclude]"):
            text = indexed_despite_exclusion(excluded)
            if text:
                leaks.append(f"{path.relative_to(site)}: {excluded.name}.{'.'.join(excluded.get('class') or [])}: {text[:40]}")
    assert not leaks


def test_themes_and_timeline_are_indexed_without_repeating_the_clauses(entries: dict):
    # One result per theme: its own page, by its name and description; the overview's section
    # on the theme and the page's headings per document are not indexed, nor the clauses.
    theme = entries["themes/open-source/"]
    assert theme["title"] == "Open source and open sharing"
    assert "open-source AI technology" in theme["text"]
    assert "We need to" not in theme["text"] and "开源" not in theme["text"]
    assert entries["zh/themes/open-source/"]["title"].replace(WORD, "") == "开源与开放共享"
    assert "Open source" not in entries["zh/themes/open-source/"]["text"]
    themes = [location for location in entries if location.startswith(("themes/", "zh/themes/"))]
    assert "themes/#open-source" not in themes and not any(location.startswith("themes/open-source/#") for location in themes)
    assert len(themes) == 2 * (1 + 28)  # the overview and each theme's page, in each language
    assert any(location.startswith("timeline/#year-") for location in entries)
    assert any(location.startswith("zh/timeline/#year-") for location in entries)


def test_compound_parts_find_the_words_inside_policy_terms(user_dictionary):
    segmented = segment_chinese("建立风险等级测试评估体系和科技伦理审查制度")
    assert f"{WORD}风险等级测试评估体系{WORD}" in segmented
    parts = compound_parts(segmented)
    assert {"测试", "评估", "伦理", "审查"} <= set(parts)
    assert "风险等级测试评估体系" not in parts
    assert compound_parts(segment_chinese("数据")) == []


def test_pinyin_is_found_without_its_tone_marks():
    # A reader types quan qiu nan fang, not quán qiú nán fāng (the glossary's pinyin).
    assert toneless_words("Global South 全球南方 quán qiú nán fāng lǜsè, quán") == ["quan", "qiu", "nan", "fang", "luse"]
    assert toneless_words("Global South 全球南方") == []
    entries = [{"location": "glossary/", "title": "Glossary", "text": "全球南方 quán qiú nán fāng"}]
    index_page(entries, "en", {})
    assert "quan qiu nan fang" in entries[0][EXTRA_FIELD]


def test_index_page_tags_entries_and_weighs_a_document_page_down(user_dictionary):
    entries = [
        {"location": "zh/documents/x/", "title": "文件", "text": ""},
        {"location": "zh/documents/x/#gap-1", "title": "GAP-1", "text": "<p>开源</p>"},
        {"location": "zh/documents/xy/#gap-2", "title": "other page", "text": ""},
    ]
    mine = page_entries(entries, "zh/documents/x/")
    assert [entry["location"] for entry in mine] == ["zh/documents/x/", "zh/documents/x/#gap-1"]
    index_page(mine, "zh", {"gap-1": "Open source"})
    assert mine[1]["lang"] == "zh" and mine[1][EXTRA_FIELD] == "Open source"
    assert mine[0]["boost"] < 1 and "boost" not in mine[1]
    assert "lang" not in entries[2]


def test_headings_and_tables_that_are_not_reader_content_are_not_indexed(entries: dict):
    # The editorial notes' headings over the repair tables bear the documents' titles: indexed,
    # they would be found for a document's name. The themes matrix is a table of counts.
    assert not [location for location in entries if "#repairs-" in location]
    assert "editorial-notes/#notes-on-the-text" in entries
    for overview in ("themes/", "zh/themes/"):
        assert not re.search(r"\d \d \d", entries[overview]["text"]), overview


def test_pages_that_gather_or_cite_clauses_weigh_less_than_the_clauses(entries: dict):
    # material-search.js ranks the entries of a page whose front matter sets search.boost below 1
    # after the clauses that hold the query as often.
    for lang in ("", "zh/"):
        for page in ("", "themes/", "themes/open-source/", "glossary/", "timeline/#year-2024", "editorial-notes/"):
            assert entries[lang + page].get("boost", 1) < 1, lang + page
        for page in ("about/#the-source", "data/", "documents/global-ai-governance-action-plan/#gap-10"):
            assert entries[lang + page].get("boost", 1) >= 1, lang + page


def test_the_hidden_field_holds_the_words_the_worker_indexes_and_no_more(user_dictionary):
    # Ends words where the search plugin's separator does, which the worker uses.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    assert config["plugins"]["search"]["separator"] == SEARCH_SEPARATOR
    assert indexed_words("—China is ready to build open-source communities (ITU), A/RES/78/311.") == (
        "China ready build open source communities ITU A/RES/78/311."
    )
    assert indexed_words(segment_chinese("（四）推动构建全球南方，2025年AI产业。")) == WORD.join(
        ["四", "推动", "构建", "全球南方", "2025", "年", "AI", "产业"]
    )


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
