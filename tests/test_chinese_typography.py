"""Chinese that reads as Chinese: the interface strings, the editorial data and the non-clause
text of the built Chinese pages follow one typographic rule (README, "Editing the text").

- full-width punctuation next to Chinese: no half-width comma, full stop, colon or semicolon
  beside a Han character, no half-width bracket in a Chinese line;
- no space after full-width punctuation (nor before a closing one);
- no space between Han characters and Latin letters or digits;
- a document's title, full or short, takes 书名号 in a sentence or label; it stands bare only
  as the whole text of a heading, a navigation entry, a table cell or a link.

Clause text is exempt: it is the source's, and is checked against the source elsewhere. Also
every page has its own description in its own language, no heading id like `_1`, and the
Chinese content of a page carries one `lang` tag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from aigov.corpus import load_strings
from published import term_cards

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
FULL_WIDTH_OPENING = "（《“‘［〔【"
FULL_WIDTH_OTHER = "，。、；：？！）》”’］〕】"
ZH_TAG = "zh"

FAULTS = {
    "half-width punctuation beside a Han character": re.compile(
        rf"[{HAN}{FULL_WIDTH_OPENING}{FULL_WIDTH_OTHER}] *[,.:;!?]|[,.:;!?] *[{HAN}{FULL_WIDTH_OPENING}]"
    ),
    "half-width bracket in Chinese text": re.compile(rf"(?=.*[{HAN}])[^\n]*?[()\[\]]"),
    "space after full-width punctuation": re.compile(rf"[{FULL_WIDTH_OPENING}{FULL_WIDTH_OTHER}][ \u00a0\u3000]+\S"),
    "space before closing full-width punctuation": re.compile(rf"\S[ \u00a0\u3000]+[{FULL_WIDTH_OTHER}]"),
    "space between Chinese and Latin or digits": re.compile(rf"[{HAN}][ \u00a0]+[A-Za-z0-9]|[A-Za-z0-9][ \u00a0]+[{HAN}]"),
}

# "倡议" is also a verb ("中方倡议成立……") and the Initiative's proposals ("十一项倡议"): there it
# names no document.
NOT_TITLES = ("中方倡议", "项倡议")


def document_titles() -> list[str]:
    documents = yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))
    titles = [document[field]["zh"] for document in documents for field in ("title", "short")]
    return sorted(titles, key=len, reverse=True)


TITLES = document_titles()
STANDALONE_TITLE = re.compile(rf"^(?:{'|'.join(map(re.escape, TITLES))})(?:（\d{{4}}年）)?$")
# The theme's footer links name the previous and next pages by their navigation entries.
FOOTER_LABEL = re.compile("^(?:上一页|下一页)：")
BARE_TITLE = re.compile("|".join(map(re.escape, TITLES)))


def typography_faults(text: str) -> list[str]:
    """The breaches of the rule in `text`, each named with the line it is on."""
    faults = []
    for line in text.splitlines():
        line = line.strip()
        for name, pattern in FAULTS.items():
            if pattern.search(line):
                faults.append(f"{name}: {line!r}")
        if line and not STANDALONE_TITLE.match(FOOTER_LABEL.sub("", line)):
            unquoted = re.sub(r"《[^》]*》", "《》", line)
            for phrase in NOT_TITLES:
                unquoted = unquoted.replace(phrase, "")
            if match := BARE_TITLE.search(unquoted):
                faults.append(f"title {match.group()!r} without 书名号: {line!r}")
    return faults


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("上一份文件： 《倡议》（2023年）", "space after full-width punctuation"),
        ("倡议 2023", "space between Chinese and Latin or digits"),
        ("提取自 PDF 文件", "space between Chinese and Latin or digits"),
        ("《倡议》(2023年)", "half-width bracket in Chinese text"),
        ("第十条 [GAP-10]", "half-width bracket in Chinese text"),
        ("第十条［GAP-10］.", "half-width punctuation beside a Han character"),
        ("主题:开源", "half-width punctuation beside a Han character"),
        ("上海宣言序言第一段", "title '上海宣言' without 书名号"),
        ("阅读全球人工智能治理倡议", "title '全球人工智能治理倡议' without 书名号"),
    ],
)
def test_the_rule_finds_each_kind_of_fault(text, fault):
    assert any(found.startswith(fault) for found in typography_faults(text)), typography_faults(text)


@pytest.mark.parametrize(
    "text",
    [
        "《上海宣言》序言第一段",
        "上一份文件：《全球人工智能治理倡议》（2023年）",
        "提取自PDF文件",
        "全球人工智能治理倡议",
        "人工智能全球治理行动计划（2025年）",
        "同日，中方倡议成立世界人工智能合作组织。",
        "Global AI Governance Action Plan (2025)",
    ],
)
def test_the_rule_passes_good_text(text):
    assert typography_faults(text) == []


# Sample values for the placeholders of the interface strings, as the templates fill them.
SAMPLES = {
    "title": "全球人工智能治理倡议",
    "short": "倡议",
    "year": "2023",
    "count": "3",
    "total": "60",
    "term": "成果转化",
    "code": "GAP-10",
    "name": "第十条",
    "date": "2025年7月26日",
    "n_zh": "一",
    "s_zh": "二",
    "view": "中文",
    "theme": "开源与开放共享",
    "themes": "开源与开放共享；伦理与伦理审查",
    "description": "涉及开源的条款。",
    "summary": "两段序言和十三项行动。",
    "url": "https://example.org/zh/",
    "link": "undocs.org",
    "home": "全球人工智能治理文件",
    "clauses": "GAP-10、GAP-11",
    "citation": "《倡议》（2023年）第十条［GAP-10］",
    "month": "7",
    "month_number": "7",
    "day": "26",
    "text": "（二）推进“人工智能+”赋能千行百业",
    "place": "GAP-13",
    "version": "英文本",
    "kind": "重申本条",
    "language": "中文",
    "toggle": "编者注",
    "clause_title": "开展人工智能安全治理",
}


def strings_of(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for child, item in value.items():
            yield from strings_of(item, f"{key}.{child}" if key else str(child))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_of(item, f"{key}[{index}]")
    elif isinstance(value, str):
        yield key, value


def test_the_chinese_interface_strings_follow_the_rule():
    strings = load_strings(ROOT / "data", "zh")
    faults = []
    for key, text in strings_of(strings):
        filled = re.sub(r"\{(\w+)\}", lambda field: SAMPLES[field.group(1)], text)
        faults += [f"data/strings/zh.yml {key}: {fault}" for fault in typography_faults(filled)]
    assert faults == []


# The editorial fields of the data files (the official titles and quoted terms are the source's).
EDITORIAL_FIELDS = {
    "documents.yml": ("occasion", "summary"),
    "themes.yml": ("name", "description"),
    "timeline.yml": ("title", "description", "source"),
    "clause-titles.yml": ("editorial",),
}


@pytest.mark.parametrize("name", EDITORIAL_FIELDS)
def test_the_chinese_editorial_data_follows_the_rule(name):
    entries = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    faults = []
    for entry in entries:
        for field in EDITORIAL_FIELDS[name]:
            value = entry.get(field) or {}
            for part in value if isinstance(value, list) else [value]:  # a timeline event's sources are a list
                if text := part.get("zh"):
                    key = entry.get("id") or entry["clause"]
                    faults += [f"data/{name} {key}.{field}: {fault}" for fault in typography_faults(text)]
    assert faults == []


BLOCKS = (
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "summary",
    "caption",
    "div",
    "tr",
    "nav",
    "label",
    "button",
    "title",
    "blockquote",
)
ATTRIBUTES = (
    "aria-label",
    "title",
    "placeholder",
    "data-citation",
    "data-announce",
    "data-shown",
    "data-copied",
    "data-copy-failed",
    "data-citation-with-url",
    "alt",
)


def chinese_pages(site: Path) -> list[Path]:
    return sorted((site / "zh").rglob("*.html"))


def page_soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def interface_text(soup: BeautifulSoup) -> str:
    """The page's own Chinese text: body text and labelling attributes, one block a line,
    without clause text (the two columns of a clause or heading), code, scripts and the
    elements in another language (English quotations, pinyin)."""
    body = soup.body
    for element in body.select(".parallel-col, code, pre, script, style, svg, a.headerlink"):
        element.decompose()
    for element in body.find_all(lang=True):
        if element["lang"] != ZH_TAG:
            element.decompose()
    attributes = [str(element[name]) for element in body.find_all(True) for name in ATTRIBUTES if element.has_attr(name)]
    for element in body.find_all(BLOCKS):
        element.insert_before("\n")
        element.append("\n")
    head = [str(tag["content"]) for tag in soup.select('head meta[name="description"]')]
    return "\n".join([body.get_text(), *attributes, *head])


def test_the_built_chinese_pages_follow_the_rule(site):
    faults = []
    for path in chinese_pages(site):
        faults += [f"{path.relative_to(site)}: {fault}" for fault in typography_faults(interface_text(page_soup(path)))]
    assert faults == []


def test_citations_copied_from_a_chinese_page_are_chinese(site):
    page = page_soup(site / "zh/documents/global-ai-governance-action-plan/index.html")
    citation = page.select_one("section.clause:has(#gap-10)")["data-citation"]
    assert citation == "《人工智能全球治理行动计划》（2025年7月26日）第十条［GAP-10］"
    assert page.select_one("#reader-status")["data-citation-with-url"] == "{citation}。{url}"


def built_pages(site: Path) -> list[Path]:
    """Every page the site builds from Markdown, both languages (not the bilingual 404 page,
    nor the single-file downloads)."""
    return sorted(path for path in site.rglob("index.html") if "downloads" not in path.parts)


def page_language(site: Path, path: Path) -> str:
    return "zh" if path.relative_to(site).parts[0] == "zh" else "en"


def test_every_page_has_its_own_description_in_its_own_language(site):
    config = yaml.safe_load(re.sub(r"!ENV.*", "''", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    defaults = {config["site_description"]} | {
        language.get("site_description") for language in config["plugins"]["i18n"]["languages"]
    }
    descriptions: dict[str, Path] = {}
    for path in built_pages(site):
        description = page_soup(path).select_one('meta[name="description"]')["content"]
        assert description not in defaults, f"{path}: the site's default description"
        han = len(re.findall(f"[{HAN}]", description))
        if page_language(site, path) == "zh":
            assert han >= len(description) / 2, f"{path}: not Chinese: {description!r}"
        else:
            assert han == 0, f"{path}: not English: {description!r}"
        assert description not in descriptions, f"{path} has the description of {descriptions[description]}"
        descriptions[description] = path


def test_no_heading_has_a_numbered_id(site):
    numbered = [
        f"{path.relative_to(site)}: {heading.get('id')}"
        for path in built_pages(site)
        for heading in page_soup(path).select("h1, h2, h3, h4, h5, h6")
        if re.fullmatch(r"_\d+", heading.get("id", ""))
    ]
    assert numbered == []


@pytest.mark.parametrize("page", ["about", "data", "download", "editorial-notes", "glossary", "themes", "timeline", ""])
def test_a_page_has_the_same_heading_ids_in_both_languages(site, page):
    def ids(prefix: str) -> list[str]:
        soup = page_soup(site / prefix / page / "index.html")
        return [heading["id"] for heading in soup.select("article h1, article h2")]

    assert ids("") == ids("zh")


def test_the_chinese_content_of_a_page_has_one_lang_tag(site):
    mixed = {}
    for path in chinese_pages(site) + built_pages(site):
        soup = page_soup(path)
        tags = {
            element["lang"]
            for element in soup.find_all(lang=True)
            if re.search(f"[{HAN}]", element.get_text()) and element["lang"] != "en" and not element["lang"].endswith("-Latn")
        }
        if page_language(site, path) == "zh":
            tags.add(soup.html["lang"])
        if tags - {ZH_TAG}:
            mixed[str(path.relative_to(site))] = tags
    assert mixed == {}


def test_glossary_cards_show_the_term_as_the_glossary_writes_it(site):
    path = site / "zh/documents/capacity-building-action-plan/index.html"
    heading = page_soup(path).find(id="cap-g1-title")
    (term,) = heading.select(".glossary-term")
    cards = term_cards(path)
    card = cards.select_one(f'.term-card[data-term="{term["data-terms"]}"]')
    wordings = {li.select_one("span[lang=en]").get_text(): li["data-clauses"].split() for li in card.select("li")}
    assert "cap-g1-title" in wordings["digital infrastructure"]
    shown = [span.get_text() for span in cards.select(".term-card li > span[lang=en]")]
    assert "Digital Infrastructure" not in shown and "Data Security" not in shown


def test_written_form_prefers_the_glossary_case_over_a_heading_case():
    from aigov.glossary import Rendering, Term, clause_glosses

    term = Term(
        zh="数据安全",
        pinyin="shu ju an quan",
        renderings=(
            Rendering(en="Data Security", clauses=("cap-g4-title",)),
            Rendering(en="data security", clauses=("cap-g4", "gap-6")),
        ),
    )
    proper = Term(zh="全球南方", pinyin="quan qiu nan fang", renderings=(Rendering(en="Global South", clauses=("gap-11",)),))
    assert clause_glosses([term], "cap-g4-title", "zh") == {"数据安全": "data security"}
    assert clause_glosses([term], "cap-g4-title", "en") == {"Data Security": "数据安全"}
    assert clause_glosses([proper], "gap-11", "zh") == {"全球南方": "Global South"}
