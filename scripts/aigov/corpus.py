"""Load the documents' metadata, sources and interface strings from the project's data."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clauses import Block, Document, Row, pair_versions, parse_document
from .schema import DataError as DataError
from .schema import located, project_name, read_data

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"  # at the site root, the others under /<lang>/ (mkdocs.yml, i18n)


@dataclass(frozen=True)
class Source:
    """An official publication of a document, or the submission the site's text comes from;
    `confirmed` when its address was checked against a stored copy of the page."""

    kind: str  # text-zh, text-en, cstd-submission
    publisher: dict[str, str]
    url: str
    confirmed: bool
    note: dict[str, str]


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
    issuer: dict[str, str]
    sources: tuple[Source, ...]

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

    @property
    def aligned(self) -> Document:
        """The structure both versions share, checked on load: ids, their order, which are headings."""
        return self.versions[DEFAULT_LANGUAGE]

    def rows(self, lang: str) -> list[Row]:
        other = other_language(lang)
        return pair_versions(self.versions[lang], self.versions[other])


class Corpus(Mapping[str, CorpusDocument]):
    """The documents by id, in the order of documents.yml, with the indexes the views look up:
    date order, the document of each clause or heading, a block by id and language, and the
    language-neutral clause ids in reading order. Read-only once built."""

    def __init__(self, documents: Iterable[CorpusDocument]) -> None:
        self._documents = {document.info.id: document for document in documents}
        self.by_date: tuple[CorpusDocument, ...] = tuple(by_date(self._documents.values()))
        self.clause_ids: tuple[str, ...] = tuple(
            clause_id for document in self.by_date for clause_id in document.aligned.clause_ids
        )
        self._document_of = {block.id: document for document in self.by_date for block in document.aligned.blocks}
        self._blocks = {
            (block.id, lang): block
            for document in self.by_date
            for lang, version in document.versions.items()
            for block in version.blocks
        }
        self._by_src_uri = {document.info.src_uri: document for document in self.by_date}

    def __getitem__(self, document_id: str) -> CorpusDocument:
        return self._documents[document_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)

    def document_of(self, block_id: str) -> CorpusDocument:
        """The document that holds a clause or heading; KeyError for an unknown id."""
        return self._document_of[block_id]

    def block(self, block_id: str, lang: str) -> Block:
        """A clause or heading in one language; KeyError for an unknown id."""
        return self._blocks[(block_id, lang)]

    def has_block(self, block_id: str) -> bool:
        return block_id in self._document_of

    def page_document(self, src_uri: str) -> CorpusDocument | None:
        """The document whose page is `src_uri` (without language suffix), if any."""
        return self._by_src_uri.get(src_uri)


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
        stated = stated_issue_date(entry.get("wrappers", {}).get("en", []))
        if stated is None:
            raise located(path, "documents", [index, "wrappers"], "no English publication note states the 'Issue date: ...'")
        if entry["date"] != stated[0].isoformat():
            raise located(
                path, "documents", [index, "date"], f"{entry['date']} differs from the date its source text states, {stated[1]!r}"
            )
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
                issuer=entry["issuer"],
                sources=tuple(
                    Source(
                        kind=source["kind"],
                        publisher=source["publisher"],
                        url=source.get("url", ""),
                        confirmed=source["status"] == "confirmed",
                        note=source.get("note", {}),
                    )
                    for source in entry["sources"]
                ),
            )
        )
    return documents


_ISSUE_DATE = re.compile(r"^Issue date: (\d{1,2} [A-Z][a-z]+ \d{4})$")


def stated_issue_date(notes: list[str]) -> tuple[datetime.date, str] | None:
    """The issue date that a version's publication notes state ("Issue date: 20 October 2023"),
    with the note; the notes are the source's own lines (checked against it on load)."""
    for note in notes:
        if match := _ISSUE_DATE.match(note):
            return datetime.datetime.strptime(match.group(1), "%d %B %Y").date(), note
    return None


def load_strings(data_dir: Path, lang: str) -> dict[str, Any]:
    """The interface strings of a language, checked against data/strings.schema.json, which
    gives every language the same keys."""
    strings: dict[str, Any] = read_data(data_dir / "strings" / f"{lang}.yml", "strings")
    return strings


def load_corpus(data_dir: Path, docs_dir: Path) -> Corpus:
    """Every document with both versions parsed and their clauses paired."""
    documents = []
    for info in load_documents(data_dir / "documents.yml"):
        versions = {}
        for lang in LANGUAGES:
            path = info.source_file(docs_dir, lang)
            if not path.exists():
                raise DataError(f"{path}: missing: document '{info.id}' needs a version in '{lang}'")
            versions[lang] = parse_document(path.read_text(encoding="utf-8"), project_name(path), info.id)
        document = CorpusDocument(info=info, versions=versions)
        document.rows(LANGUAGES[0])
        documents.append(document)
    return Corpus(documents)
