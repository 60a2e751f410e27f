"""The downloads: the zipped offline copy of the site, one HTML file per document, and the
list of what is published, with sizes and checksums, for the download page."""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clause_titles import ClauseTitle, clause_labels
from .corpus import Corpus, CorpusDocument, DataError, DocumentInfo
from .opendata import DOWNLOADS_DIR
from .parallel import parallel_rows

if TYPE_CHECKING:
    from .site import Locale

OFFLINE_COPY_PREFIX = "global-ai-governance-documents-offline"
# The open-data files another part of the build writes into downloads/.
DATA_FILES = ("corpus.json", "corpus.csv", "corpus.schema.json")
# A single file shows Chinese first, as the source does.
SINGLE_FILE_LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Download:
    """A published file: its path in the site, what it holds, the date of its text, its bytes."""

    path: str
    kind: str
    date: datetime.date
    size: int
    sha256: str
    document: DocumentInfo | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def size_label(self) -> str:
        return human_size(self.size)


@dataclass(frozen=True)
class BilingualRow:
    """A heading or clause of a single-file document: its id and both languages side by side;
    a clause's short title (data/clause-titles.yml, editorial ones in brackets) and its name."""

    id: str
    is_heading: bool
    level: int
    code: str
    clause_title: dict[str, str]
    clause_title_editorial: bool
    title: dict[str, str]
    text: dict[str, str]


def newest_text_date(documents: Iterable[DocumentInfo]) -> datetime.date:
    return max(info.date for info in documents)


def offline_copy_name(date: datetime.date) -> str:
    """The zip's name and the one folder it unpacks into, dated by the newest text."""
    return f"{OFFLINE_COPY_PREFIX}-{date.isoformat()}"


def single_file_path(info: DocumentInfo) -> str:
    return f"{DOWNLOADS_DIR}/{info.slug}.html"


def zip_folder(folder: Path, date: datetime.date) -> bytes:
    """Zip `folder` as one top folder of the same name, byte for byte the same on every run:
    entries sorted, every timestamp the date of the text, fixed permissions."""
    timestamp = (date.year, date.month, date.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", timestamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o100644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def describe(path: str, content: bytes, kind: str, date: datetime.date, document: DocumentInfo | None = None) -> Download:
    return Download(
        path=path,
        kind=kind,
        date=date,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        document=document,
    )


def published_downloads(contents: Mapping[str, bytes], corpus: Corpus) -> list[Download]:
    """What the download page lists, from the bytes published under downloads/: the offline copy,
    the documents in date order, then the open data. A file it cannot describe fails the build."""
    documents = [document.info for document in corpus.by_date]
    newest = newest_text_date(documents)
    listed = [
        describe(path, content, "offline", newest)
        for path, content in sorted(contents.items())
        if Path(path).name.startswith(OFFLINE_COPY_PREFIX) and path.endswith(".zip")
    ]
    listed += [
        describe(single_file_path(info), contents[single_file_path(info)], "document", info.date, info)
        for info in documents
        if single_file_path(info) in contents
    ]
    listed += [
        describe(f"{DOWNLOADS_DIR}/{name}", contents[f"{DOWNLOADS_DIR}/{name}"], "data", newest)
        for name in DATA_FILES
        if f"{DOWNLOADS_DIR}/{name}" in contents
    ]
    if unknown := sorted(set(contents) - {download.path for download in listed}):
        raise DataError(f"{', '.join(unknown)}: published, but the download page does not know what it holds")
    return listed


def human_size(size: int) -> str:
    """Decimal units, as file managers show them: 950 B, 48 kB, 1.6 MB."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB"


def single_document_rows(
    document: CorpusDocument, locales: Mapping[str, Locale], corpus: Corpus, titles: Mapping[str, ClauseTitle]
) -> list[BilingualRow]:
    """The document's rows with the clause titles and names of both languages, without the site's
    links to themes and related clauses, which a file on its own could not follow."""
    first, second = SINGLE_FILE_LANGUAGES
    labels = {lang: clause_labels(titles, lang, locales[lang].strings) for lang in SINGLE_FILE_LANGUAGES}
    pairs = zip(
        parallel_rows(document, locales[first], (), corpus),
        parallel_rows(document, locales[second], (), corpus),
    )
    return [
        BilingualRow(
            id=row.id,
            is_heading=row.is_heading,
            level=row.level,
            code=row.code,
            clause_title={lang: labels[lang][row.id].title for lang in SINGLE_FILE_LANGUAGES} if not row.is_heading else {},
            clause_title_editorial=not row.is_heading and labels[first][row.id].editorial,
            title={first: row.title, second: counterpart.title},
            text={first: row.primary.text, second: row.secondary.text},
        )
        for row, counterpart in pairs
    ]


def single_document_context(
    document: CorpusDocument, locales: Mapping[str, Locale], corpus: Corpus, titles: Mapping[str, ClauseTitle]
) -> dict[str, Any]:
    """Everything the single-file template needs, in both languages."""
    info = document.info
    return {
        "document": info,
        "languages": SINGLE_FILE_LANGUAGES,
        "tags": locales[SINGLE_FILE_LANGUAGES[0]].tags,
        "strings": {lang: locale.strings for lang, locale in locales.items()},
        "issued": {lang: locales[lang].date(info.date) for lang in SINGLE_FILE_LANGUAGES},
        "rows": single_document_rows(document, locales, corpus, titles),
    }
