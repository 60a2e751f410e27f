"""Load the documents' metadata, sources and interface strings from the project's data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .clauses import Document, Row, pair_versions, parse_document
from .schema import DataError as DataError
from .schema import located, read_data

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"  # at the site root, the others under /<lang>/ (mkdocs.yml, i18n)


@dataclass(frozen=True)
class DocumentInfo:
    """Metadata of one document, shared by both language versions."""

    id: str
    slug: str
    date: datetime.date
    announced: datetime.date | None
    numbered: str
    title: dict[str, str]
    short: dict[str, str]
    occasion: dict[str, str]
    summary: dict[str, str]
    wrappers: dict[str, list[str]]

    @property
    def src_uri(self) -> str:
        """The page's path inside docs/ without the language suffix."""
        return f"documents/{self.slug}.md"

    def source_file(self, docs_dir: Path, lang: str) -> Path:
        return docs_dir / "documents" / f"{self.slug}.{lang}.md"


@dataclass(frozen=True)
class CorpusDocument:
    """A document with both language versions, checked to be aligned."""

    info: DocumentInfo
    versions: dict[str, Document]

    def rows(self, lang: str) -> list[Row]:
        other = other_language(lang)
        return pair_versions(self.versions[lang], self.versions[other])


def by_date(documents: Iterable[CorpusDocument]) -> list[CorpusDocument]:
    """The documents in the order they were issued."""
    return sorted(documents, key=lambda document: document.info.date)


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def load_documents(path: Path) -> list[DocumentInfo]:
    """The documents of data/documents.yml, checked against data/documents.schema.json."""
    entries = read_data(path, "documents", root="documents")
    documents: list[DocumentInfo] = []
    for index, entry in enumerate(entries):
        for key in ("id", "slug"):
            if any(getattr(other, key) == entry[key] for other in documents):
                raise located(path, "documents", [index, key], f"'{entry[key]}' is already the {key} of another document")
        documents.append(
            DocumentInfo(
                id=entry["id"],
                slug=entry["slug"],
                date=datetime.date.fromisoformat(entry["date"]),
                announced=datetime.date.fromisoformat(entry["announced"]) if "announced" in entry else None,
                numbered=entry.get("numbered", "item"),
                title=entry["title"],
                short=entry["short"],
                occasion=entry["occasion"],
                summary=entry["summary"],
                wrappers=entry.get("wrappers", {}),
            )
        )
    return documents


def load_strings(data_dir: Path, lang: str) -> dict[str, Any]:
    """The interface strings of a language, checked against data/strings.schema.json, which
    gives every language the same keys."""
    strings: dict[str, Any] = read_data(data_dir / "strings" / f"{lang}.yml", "strings")
    return strings


def load_corpus(data_dir: Path, docs_dir: Path) -> dict[str, CorpusDocument]:
    """Every document with both versions parsed and their clauses paired."""
    corpus = {}
    for info in load_documents(data_dir / "documents.yml"):
        versions = {}
        for lang in LANGUAGES:
            path = info.source_file(docs_dir, lang)
            if not path.exists():
                raise DataError(f"{path}: missing: document '{info.id}' needs a version in '{lang}'")
            versions[lang] = parse_document(path.read_text(encoding="utf-8"), str(path), info.id)
        document = CorpusDocument(info=info, versions=versions)
        document.rows(LANGUAGES[0])
        corpus[info.id] = document
    return corpus
