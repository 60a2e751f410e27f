"""The corpus as open data: one record per clause, serialised as JSON and as CSV.

The text of a record is the clause's text as the site shows it (Block.text), so that the
downloads and the pages cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .corpus import LANGUAGES, CorpusDocument
from .related import Related
from .themes import Theme, reading_order, themes_of

DOWNLOADS_DIR = "downloads"
SCHEMA_FILE = "corpus.schema.json"
CSV_COLUMNS = (
    "id",
    "document",
    "document_title_zh",
    "document_title_en",
    "date",
    "section_id",
    "section_zh",
    "section_en",
    "position",
    "text_zh",
    "text_en",
    "themes",
    "related",
    "related_scores",
    "related_kinds",
    "url_zh",
    "url_en",
)
# A list in a CSV cell: ids joined by a space (ids never hold one).
LIST_SEPARATOR = " "
# In related_kinds, the place of a related clause whose relation is computed, not confirmed.
NO_KIND = "-"


def clause_url(slug: str, clause_id: str, lang: str, site_url: str) -> str:
    """The clause's address: relative to the site root, or absolute when the site URL is known."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    base = site_url.rstrip("/") + "/" if site_url else ""
    return f"{base}{prefix}documents/{slug}/#{clause_id}"


def sections(document: CorpusDocument) -> dict[str, dict[str, str] | None]:
    """For each clause of a document, the heading it sits under in both languages, or None."""
    headings = {lang: {block.id: block.text for block in document.versions[lang].blocks} for lang in LANGUAGES}
    current: dict[str, str] | None = None
    result: dict[str, dict[str, str] | None] = {}
    for block in document.aligned.blocks:
        if block.is_heading:
            current = {"id": block.id} | {lang: headings[lang][block.id] for lang in LANGUAGES}
        else:
            result[block.id] = current
    return result


def related_record(related: Related) -> dict[str, Any]:
    """A related clause in the open data: its id, its score and, if confirmed, its kind."""
    return {"id": related.clause_id, "score": related.score, "kind": related.kind_token or None}


def clause_records(
    corpus: Mapping[str, CorpusDocument],
    themes: Sequence[Theme],
    related: Mapping[str, Sequence[Related]],
    site_url: str = "",
) -> list[dict[str, Any]]:
    """One record per clause: documents by date, clauses in text order; its related clauses ranked."""
    section_of = {clause_id: section for document in corpus.values() for clause_id, section in sections(document).items()}
    text_of = {
        lang: {block.id: block.text for document in corpus.values() for block in document.versions[lang].blocks}
        for lang in LANGUAGES
    }
    records = []
    for document, clause_id in reading_order(corpus):
        info = document.info
        records.append(
            {
                "id": clause_id,
                "document": info.id,
                "document_title": {lang: info.title[lang] for lang in LANGUAGES},
                "date": info.date.isoformat(),
                "section": section_of[clause_id],
                "position": document.aligned.clause_ids.index(clause_id) + 1,
                "text": {lang: text_of[lang][clause_id] for lang in LANGUAGES},
                "themes": [theme.id for theme in themes_of(themes, clause_id)],
                "related": [related_record(other) for other in related[clause_id]],
                "url": {lang: clause_url(info.slug, clause_id, lang, site_url) for lang in LANGUAGES},
            }
        )
    return records


def to_json(records: list[dict[str, Any]]) -> str:
    """UTF-8 JSON, keys in record order, two-space indent, ending with a newline."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """A record flattened to CSV cells: nested languages become `_zh`/`_en` columns."""
    section = record["section"] or {"id": "", "zh": "", "en": ""}
    return {
        "id": record["id"],
        "document": record["document"],
        "document_title_zh": record["document_title"]["zh"],
        "document_title_en": record["document_title"]["en"],
        "date": record["date"],
        "section_id": section["id"],
        "section_zh": section["zh"],
        "section_en": section["en"],
        "position": str(record["position"]),
        "text_zh": record["text"]["zh"],
        "text_en": record["text"]["en"],
        "themes": LIST_SEPARATOR.join(record["themes"]),
        "related": LIST_SEPARATOR.join(other["id"] for other in record["related"]),
        "related_scores": LIST_SEPARATOR.join(f"{other['score']:.4f}" for other in record["related"]),
        "related_kinds": LIST_SEPARATOR.join(other["kind"] or NO_KIND for other in record["related"]),
        "url_zh": record["url"]["zh"],
        "url_en": record["url"]["en"],
    }


def to_csv(records: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted where needed) with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_row(record) for record in records)
    return buffer.getvalue()
