"""The open-data downloads: valid against their schema, one record per clause, the same text as
the pages show, the CSV the same as the JSON, and every field documented."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
from bs4 import BeautifulSoup

from aigov.glossary import load_glossary
from aigov.opendata import CSV_COLUMNS, clause_records, clause_url, to_json
from aigov.related import JIEBA_USER_DICT, load_relations, related_clauses
from aigov.themes import load_themes

ROOT = Path(__file__).resolve().parent.parent
LANG_TAGS = {"en": "en", "zh": "zh"}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def records(site: Path) -> list[dict]:
    return json.loads((site / "downloads" / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema(site: Path) -> dict:
    return json.loads((site / "downloads" / "corpus.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def soups() -> dict[Path, BeautifulSoup]:
    """Parsed pages, shared by the tests of this module."""
    return {}


def page_soup(soups: dict[Path, BeautifulSoup], path: Path) -> BeautifulSoup:
    if path not in soups:
        soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soups[path]


def test_the_json_validates_against_its_draft_2020_12_schema(records, schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(records)] == []


def test_the_schema_rejects_a_record_that_breaks_it(records, schema):
    broken = [dict(records[0], position=0, text={"zh": records[0]["text"]["zh"]})]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
    assert len(errors) == 2


def test_one_record_per_clause_in_reading_order(records, corpus):
    documents = sorted(corpus.values(), key=lambda document: document.info.date)
    expected = [clause_id for document in documents for clause_id in document.versions["en"].clause_ids]
    assert [record["id"] for record in records] == expected
    assert len(records) == 68  # 15 + 22 + 16 + 15 clauses; headings are not records
    for record in records:
        document = corpus[record["document"]]
        assert record["position"] == document.versions["en"].clause_ids.index(record["id"]) + 1
        assert record["date"] == document.info.date.isoformat()
        assert record["document_title"] == {"en": document.info.title["en"], "zh": document.info.title["zh"]}


def test_the_json_is_written_once_at_the_site_root_from_the_data(site, corpus):
    themes = load_themes(ROOT / "data" / "themes.yml", corpus)
    glossary = load_glossary(ROOT / "data" / "glossary.yml", corpus)
    relations = load_relations(ROOT / "data" / "relations.yml", corpus)
    related = related_clauses(corpus, relations, themes, glossary, ROOT / "data" / JIEBA_USER_DICT)
    assert (site / "downloads" / "corpus.json").read_bytes() == to_json(clause_records(corpus, themes, related)).encode("utf-8")
    assert (site / "downloads" / "corpus.schema.json").read_bytes() == (ROOT / "data" / "corpus.schema.json").read_bytes()
    assert not (site / "zh" / "downloads").exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_text_is_the_text_each_page_shows(records, site, soups, lang):
    """Both columns of both language pages: the clause's text, whitespace-normalised alike."""
    for record in records:
        url = record["url"][lang]
        path, anchor = url.split("#")
        clause = page_soup(soups, site / path / "index.html").find("section", attrs={"aria-labelledby": anchor})
        assert clause is not None, url
        for text_lang, tag in LANG_TAGS.items():
            (column,) = clause.select(f'.parallel-col[lang="{tag}"]')
            assert normalise(column.get_text()) == normalise(record["text"][text_lang]), (url, text_lang)


def test_the_section_is_the_heading_above_the_clause(records, site, soups):
    for record in records:
        page = page_soup(soups, site / record["url"]["en"].split("#")[0] / "index.html")
        heading = page.find(id=record["id"]).find_previous(class_="parallel-row--heading")
        if record["section"] is None:
            assert heading is None, record["id"]
            continue
        assert heading.find(id=True)["id"] == record["section"]["id"]
        shown = {
            column["lang"]: normalise(column.get_text()).removesuffix("¶").strip() for column in heading.select(".parallel-col")
        }
        assert shown == {LANG_TAGS[lang]: normalise(record["section"][lang]) for lang in LANG_TAGS}


def test_themes_match_the_themes_data(records, corpus):
    themes = load_themes(ROOT / "data" / "themes.yml", corpus)
    for record in records:
        assert record["themes"] == [theme.id for theme in themes if record["id"] in theme.clauses]


def test_related_clauses_are_ranked_confirmed_first_with_their_kinds(records, corpus):
    """Related clauses are in other documents, once each; the confirmed ones (data/relations.yml)
    come first, each group by score; every confirmed relation is in both records, its kind
    said of the related clause (`restates` in the earlier clause's record, `restated` in the
    later's); computed scores are the same both ways."""
    relations = {(r.clause, r.other): r.kind for r in load_relations(ROOT / "data" / "relations.yml", corpus)}
    by_id = {record["id"]: record for record in records}
    for record in records:
        ids = [other["id"] for other in record["related"]]
        assert len(ids) == len(set(ids))
        confirmed = [other["kind"] is not None for other in record["related"]]
        assert confirmed == sorted(confirmed, reverse=True), record["id"]
        for group in (True, False):
            scores = [other["score"] for other, flag in zip(record["related"], confirmed) if flag is group]
            assert scores == sorted(scores, reverse=True), record["id"]
        for other in record["related"]:
            assert by_id[other["id"]]["document"] != record["document"]
            back = next(o for o in by_id[other["id"]]["related"] if o["id"] == record["id"])
            assert back["score"] == other["score"]
    for (clause, other), kind in relations.items():
        assert [r["kind"] for r in by_id[other]["related"] if r["id"] == clause] == [kind]
        assert [r["kind"] for r in by_id[clause]["related"] if r["id"] == other] == [
            {"restates": "restated", "develops": "developed", "implements": "implemented", "refers": "referred"}[kind]
        ]


def test_a_clause_url_is_relative_to_the_root_or_absolute_with_a_site_url():
    assert (
        clause_url("global-ai-governance-action-plan", "gap-10", "en", "") == "documents/global-ai-governance-action-plan/#gap-10"
    )
    assert (
        clause_url("global-ai-governance-action-plan", "gap-10", "zh", "")
        == "zh/documents/global-ai-governance-action-plan/#gap-10"
    )
    assert clause_url("shanghai-declaration", "shd-1-1", "zh", "https://example.org/ai") == (
        "https://example.org/ai/zh/documents/shanghai-declaration/#shd-1-1"
    )


def flatten(record: dict) -> dict[str, str]:
    section = record["section"] or {}
    return {
        "id": record["id"],
        "document": record["document"],
        "document_title_zh": record["document_title"]["zh"],
        "document_title_en": record["document_title"]["en"],
        "date": record["date"],
        "section_id": section.get("id", ""),
        "section_zh": section.get("zh", ""),
        "section_en": section.get("en", ""),
        "position": str(record["position"]),
        "text_zh": record["text"]["zh"],
        "text_en": record["text"]["en"],
        "themes": " ".join(record["themes"]),
        "related": " ".join(other["id"] for other in record["related"]),
        "related_scores": " ".join(f"{other['score']:.4f}" for other in record["related"]),
        "related_kinds": " ".join(other["kind"] or "-" for other in record["related"]),
        "url_zh": record["url"]["zh"],
        "url_en": record["url"]["en"],
    }


def test_the_csv_holds_the_same_records_as_the_json(site, records):
    """Read with the standard csv module (pandas would add numpy and pandas to the test setup)."""
    raw = (site / "downloads" / "corpus.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n")
    with (site / "downloads" / "corpus.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = list(reader)
    assert rows == [flatten(record) for record in records]


@pytest.mark.parametrize("page", ["data/index.html", "zh/data/index.html"])
def test_the_data_page_documents_every_field_and_links_the_files(site, schema, page):
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    codes = {code.get_text() for code in soup.select("article table code")}
    properties = schema["$defs"]["clause"]["properties"]
    for name in properties:
        nested = name in {"document_title", "text", "url"}
        assert ({f"{name}.zh", f"{name}.en"} if nested else {name}) <= codes, name
    assert set(CSV_COLUMNS) <= codes
    base = f"http://site/{page.removesuffix('index.html')}"
    targets = {urljoin(base, link["href"]).removeprefix("http://site/") for link in soup.select("article a[download]")}
    assert targets == {"downloads/corpus.json", "downloads/corpus.csv", "downloads/corpus.schema.json"}
    assert all((site / target).is_file() for target in targets)
