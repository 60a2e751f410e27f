"""The template context of a parallel document page: aligned rows with labels and citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .clauses import Block
from .corpus import CorpusDocument, by_date, other_language
from .labels import Link, clause_code, clause_name, format_date
from .themes import Theme, related_clauses, themes_of


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
    themes: tuple[Link, ...] = ()
    related: tuple[Link, ...] = ()

    @property
    def is_heading(self) -> bool:
        return self.primary.is_heading


def theme_links(themes: list[Theme], clause_id: str, lang: str) -> tuple[Link, ...]:
    """Links from a document page to the pages of the themes that list the clause."""
    return tuple(Link(url=f"../../themes/{theme.id}/", label=theme.name[lang]) for theme in themes_of(themes, clause_id))


def related_links(
    themes: list[Theme], corpus: dict[str, CorpusDocument], clause_id: str, lang: str, strings: dict[str, Any]
) -> tuple[Link, ...]:
    """Links to the clauses of the other documents that share a theme, saying where each goes."""
    words = strings["themes"]
    return tuple(
        Link(
            url=f"../{relation.document.info.slug}/#{relation.clause_id}",
            label=words["related_label"].format(
                short=relation.document.info.short[lang],
                year=relation.document.info.date.year,
                code=clause_code(relation.clause_id),
                themes=words["separator"].join(theme.name[lang] for theme in relation.themes),
            ),
        )
        for relation in related_clauses(themes, corpus, clause_id)
    )


def parallel_rows(
    document: CorpusDocument, lang: str, strings: dict[str, Any], themes: list[Theme], corpus: dict[str, CorpusDocument]
) -> list[ParallelRow]:
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
                themes=theme_links(themes, block.id, lang),
                related=related_links(themes, corpus, block.id, lang, strings),
            )
        )
    return rows


def page_context(
    document: CorpusDocument, lang: str, strings: dict[str, Any], themes: list[Theme], corpus: dict[str, CorpusDocument]
) -> dict[str, Any]:
    """Everything the parallel-document template needs; `themes` and `corpus` give each clause its related clauses."""
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
        "rows": parallel_rows(document, lang, strings, themes, corpus),
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
        for document in by_date(documents)
    ]
