"""Load the documents' metadata, sources and interface strings from the project's data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .clauses import Document, Row, pair_versions, parse_document

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"  # at the site root, the others under /<lang>/ (mkdocs.yml, i18n)
REQUIRED_BILINGUAL = ("title", "short", "occasion", "summary")


class DataError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


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


def bilingual(entry: dict[str, Any], key: str, name: str) -> dict[str, str]:
    """A value that an entry must give, non-empty, in both languages."""
    value = entry.get(key)
    complete = isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)
    if not complete:
        raise DataError(f"{name}: '{key}' needs both 'zh' and 'en'")
    return {lang: value[lang] for lang in LANGUAGES}


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DataError(f"{path}: not valid YAML: {error}") from error


def load_documents(path: Path) -> list[DocumentInfo]:
    documents = []
    for index, entry in enumerate(read_yaml(path) or []):
        name = f"{path}: document {entry.get('id', index + 1)!r}"
        texts = {key: bilingual(entry, key, name) for key in REQUIRED_BILINGUAL}
        for key in ("date", "announced"):
            if key in entry and not isinstance(entry[key], datetime.date):
                raise DataError(f"{name}: '{key}' must be an ISO date (YYYY-MM-DD), got {entry[key]!r}")
        documents.append(
            DocumentInfo(
                id=entry["id"],
                slug=entry["slug"],
                date=entry["date"],
                announced=entry.get("announced"),
                numbered=entry.get("numbered", "item"),
                title=texts["title"],
                short=texts["short"],
                occasion=texts["occasion"],
                summary=texts["summary"],
                wrappers=entry.get("wrappers", {}),
            )
        )
    return documents


def load_strings(data_dir: Path, lang: str) -> dict[str, Any]:
    return read_yaml(data_dir / "strings" / f"{lang}.yml")


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
