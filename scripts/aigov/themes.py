"""The curated themes: checked against the corpus, and the clauses that share them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clauses import Block
from .corpus import CorpusDocument, DataError, bilingual, other_language, read_yaml
from .labels import clause_code, clause_name

THEMES_FILE = "themes.yml"
_THEME_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Theme:
    """A theme and the clauses that address it, in reading order."""

    id: str
    name: dict[str, str]
    description: dict[str, str]
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Relation:
    """A clause of another document and the themes it shares with the clause at hand."""

    document: CorpusDocument
    clause_id: str
    themes: tuple[Theme, ...]


@dataclass(frozen=True)
class ThemeClause:
    """A clause as the themes page lists it: code, label, link and text in both languages."""

    code: str
    label: str
    url: str
    primary: Block
    secondary: Block


@dataclass(frozen=True)
class ThemeSection:
    """A theme on the themes page: its clause count per document (in date order) and its clauses."""

    theme: Theme
    counts: tuple[int, ...]
    clauses: tuple[ThemeClause, ...]


def reading_order(corpus: dict[str, CorpusDocument]) -> list[tuple[CorpusDocument, str]]:
    """Every clause with its document: documents by date, clauses in text order."""
    documents = sorted(corpus.values(), key=lambda document: document.info.date)
    return [(document, clause_id) for document in documents for clause_id in document.versions["en"].clause_ids]



def parse_theme(entry: Any, name: str, corpus: dict[str, CorpusDocument]) -> Theme:
    """One theme, checked: its names, descriptions and clauses, put in reading order."""
    if not isinstance(entry, dict):
        raise DataError(f"{name}: must be a mapping with id, name, description and clauses")
    order = [clause_id for _, clause_id in reading_order(corpus)]
    headings = {block.id for document in corpus.values() for block in document.versions["en"].blocks if block.is_heading}
    clauses = entry.get("clauses")
    if not isinstance(clauses, list) or not clauses:
        raise DataError(f"{name}: 'clauses' must list at least one clause id")
    seen: set[str] = set()
    for clause_id in clauses:
        if not isinstance(clause_id, str):
            raise DataError(f"{name}: unknown clause {clause_id!r}")
        if clause_id in headings:
            raise DataError(f"{name}: '{clause_id}' is a heading, not a clause")
        if clause_id not in order:
            raise DataError(f"{name}: unknown clause {clause_id!r}")
        if clause_id in seen:
            raise DataError(f"{name}: clause '{clause_id}' is listed twice")
        seen.add(clause_id)
    return Theme(
        id=entry["id"],
        name=bilingual(entry, "name", name),
        description=bilingual(entry, "description", name),
        clauses=tuple(sorted(clauses, key=order.index)),
    )


def load_themes(path: Path, corpus: dict[str, CorpusDocument]) -> list[Theme]:
    """The themes of `path` in file order; a bad entry raises DataError naming the file and the theme."""
    entries = read_yaml(path) or []
    if not isinstance(entries, list):
        raise DataError(f"{path}: must be a list of themes")
    themes: list[Theme] = []
    for index, entry in enumerate(entries):
        theme_id = entry.get("id") if isinstance(entry, dict) else None
        name = f"{path}: theme {theme_id or index + 1!r}"
        if not isinstance(theme_id, str) or not _THEME_ID.match(theme_id):
            raise DataError(f"{name}: needs an 'id' of lower-case letters, digits and hyphens")
        if any(theme.id == theme_id for theme in themes):
            raise DataError(f"{name}: duplicate theme id")
        themes.append(parse_theme(entry, name, corpus))
    return themes


def themes_of(themes: list[Theme], clause_id: str) -> list[Theme]:
    """The themes a clause addresses, in the order of the themes file."""
    return [theme for theme in themes if clause_id in theme.clauses]


def related_clauses(themes: list[Theme], corpus: dict[str, CorpusDocument], clause_id: str) -> list[Relation]:
    """The clauses of the other documents that share a theme with `clause_id`, in reading order.

    Symmetric by construction: B is related to A through a theme exactly when both are in it.
    """
    order = reading_order(corpus)
    own = next(document.info.id for document, other_id in order if other_id == clause_id)
    shared = themes_of(themes, clause_id)
    relations = []
    for document, other_id in order:
        if document.info.id == own:
            continue
        common = tuple(theme for theme in shared if other_id in theme.clauses)
        if common:
            relations.append(Relation(document=document, clause_id=other_id, themes=common))
    return relations


def theme_clause(document: CorpusDocument, clause_id: str, lang: str, strings: dict[str, Any]) -> ThemeClause:
    """A clause as the themes page lists it, linked from /themes/ to its document page."""
    info = document.info
    primary, secondary = (
        next(block for block in document.versions[version].blocks if block.id == clause_id)
        for version in (lang, other_language(lang))
    )
    label = strings["themes"]["clause_label"].format(
        short=info.short[lang], year=info.date.year, name=clause_name(clause_id, info.numbered, strings)
    )
    return ThemeClause(
        code=clause_code(clause_id),
        label=label,
        url=f"../documents/{info.slug}/#{clause_id}",
        primary=primary,
        secondary=secondary,
    )


def theme_sections(
    themes: list[Theme], corpus: dict[str, CorpusDocument], lang: str, strings: dict[str, Any]
) -> list[ThemeSection]:
    """Every theme with its counts per document and its clauses, for the themes page."""
    documents = sorted(corpus.values(), key=lambda document: document.info.date)
    order = reading_order(corpus)
    return [
        ThemeSection(
            theme=theme,
            counts=tuple(sum(clause_id in document.versions[lang].clause_ids for clause_id in theme.clauses) for document in documents),
            clauses=tuple(theme_clause(document, clause_id, lang, strings) for document, clause_id in order if clause_id in theme.clauses),
        )
        for theme in themes
    ]
