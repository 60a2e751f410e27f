"""The template context of a parallel document page: aligned rows with labels and citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .clauses import Block
from .corpus import CorpusDocument, other_language
from .labels import clause_code, clause_name, format_date


@dataclass(frozen=True)
class ParallelRow:
    """One aligned row: a heading or a clause in the page's language and the other one."""

    id: str
    primary: Block
    secondary: Block
    level: int
    code: str = ""
    title: str = ""
    citation: str = ""

    @property
    def is_heading(self) -> bool:
        return self.primary.is_heading


def parallel_rows(document: CorpusDocument, lang: str, strings: dict[str, Any]) -> list[ParallelRow]:
    """Rows in text order; a clause label sits one level below the heading above it."""
    info = document.info
    rows = []
    label_level = 2
    for row in document.rows(lang):
        block = row.primary
        if block.is_heading:
            label_level = block.heading_level + 1
            rows.append(ParallelRow(id=block.id, primary=block, secondary=row.secondary, level=block.heading_level))
            continue
        name = clause_name(block.id, info.numbered, strings)
        code = clause_code(block.id)
        citation = strings["clause"]["citation"].format(
            title=info.title[lang], date=format_date(info.date, strings), name=name, code=code
        )
        rows.append(
            ParallelRow(
                id=block.id,
                primary=block,
                secondary=row.secondary,
                level=min(label_level, 6),
                code=code,
                title=strings["clause"]["title"].format(short=info.short[lang], name=name),
                citation=citation,
            )
        )
    return rows


def page_context(document: CorpusDocument, lang: str, strings: dict[str, Any]) -> dict[str, Any]:
    """Everything the parallel-document template needs."""
    other = other_language(lang)
    info = document.info
    return {
        "document": info,
        "lang": lang,
        "other": other,
        "tags": strings["lang_tags"],
        "strings": strings,
        "issued": format_date(info.date, strings),
        "announced": format_date(info.announced, strings) if info.announced else "",
        "wrappers": info.wrappers.get("en", []),
        "rows": parallel_rows(document, lang, strings),
    }


def document_list(documents: Iterable[CorpusDocument], lang: str, strings: dict[str, Any]) -> list[dict[str, Any]]:
    """The documents in date order, for the home page."""
    return [
        {
            "info": document.info,
            "url": f"documents/{document.info.slug}/",
            "issued": format_date(document.info.date, strings),
            "clauses": len(document.versions[lang].clause_ids),
        }
        for document in sorted(documents, key=lambda document: document.info.date)
    ]
