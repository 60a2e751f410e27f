"""Tie the published text to the source: where each version lies, the expected paragraphs, the repairs."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .clauses import Block, DocumentError
from .corpus import LANGUAGES, CorpusDocument, DataError, DocumentInfo
from .schema import located, read_data
from .source import (
    Repair,
    SourceError,
    chinese_typography,
    numbered_paragraphs,
    repaired_origins,
    sentences,
    source_paragraphs,
    trace_repairs,
    typography_changes,
    version_ranges,
)

SOURCE_FILE = Path("source") / "cstd-contribution.txt"
# The source's provenance and its lines that belong to no document.
SOURCE_NOTES_FILE = Path("source") / "source.yml"


@dataclass(frozen=True)
class Version:
    """One language version of a document as derived from the source."""

    title: str
    wrappers: list[str]
    paragraphs: list[str]


@dataclass(frozen=True)
class RepairRow:
    """One line of the published list of repairs. `place` is a block id, "title" or "metadata";
    `heading` is the heading's text by language when the place is a heading, which has no code."""

    document: str
    lang: str
    place: str
    kind: str
    before: str
    after: str
    heading: dict[str, str] | None = None


@dataclass(frozen=True)
class Source:
    """The extracted source text, and the 1-based inclusive line range of each version in it."""

    text: str
    ranges: dict[tuple[str, str], tuple[int, int]]

    def paragraphs(self, document: str, lang: str) -> list[str]:
        first, last = self.ranges[(document, lang)]
        return source_paragraphs(self.text, first, last)

    def lines(self, document: str, lang: str) -> list[int]:
        """The line of each of `paragraphs`, for messages."""
        first, last = self.ranges[(document, lang)]
        return [number for number, _ in numbered_paragraphs(self.text, first, last)]


def locate_versions(text: str, documents: Iterable[DocumentInfo]) -> Source:
    """Find every version by its title: the source holds all Chinese versions, then all English
    ones, each in the order of documents.yml."""
    documents = list(documents)
    titles = [(f"{info.id} ({lang})", info.title[lang]) for lang in ("zh", "en") for info in documents]
    keys = [(info.id, lang) for lang in ("zh", "en") for info in documents]
    try:
        ranges = version_ranges(text, titles)
    except SourceError as error:
        raise DataError(f"{SOURCE_FILE}: {error}") from error
    return Source(text=text, ranges=dict(zip(keys, ranges)))


def load_source(data_dir: Path, documents: Iterable[DocumentInfo]) -> Source:
    return locate_versions((data_dir / SOURCE_FILE).read_text(encoding="utf-8"), documents)


# Repairs outside a clause: of a version's title, or of its publication notes (`wrappers`).
REPAIR_PLACES = ("title", "metadata")


def load_repairs(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Repair]:
    """The repairs of data/repairs.yml, each naming a document, a language and a place in it that exist."""
    repairs = []
    for index, entry in enumerate(read_data(path, "repairs", root="repairs")):
        document = corpus.get(entry["document"])
        if document is None:
            raise located(
                path, "repairs", [index, "document"], f"unknown document '{entry['document']}'; known: {', '.join(corpus)}"
            )
        places = [*REPAIR_PLACES, *(block.id for block in document.versions[entry["lang"]].blocks)]
        if entry["clause"] not in places:
            raise located(
                path, "repairs", [index, "clause"], f"'{entry['clause']}' is no clause or heading of '{document.info.id}'"
            )
        repairs.append(Repair(**entry))
    return repairs


def _repairs_of(info: DocumentInfo, lang: str, repairs: list[Repair]) -> list[Repair]:
    return [repair for repair in repairs if repair.document == info.id and repair.lang == lang]


def _places(info: DocumentInfo, lang: str, document: CorpusDocument | None = None) -> list[str]:
    """What each repaired paragraph of a version is: its title, a publication note, then its blocks."""
    blocks = [block.id for block in document.versions[lang].blocks] if document else []
    return ["title", *["metadata"] * len(info.wrappers.get(lang, [])), *blocks]


def expected_version(info: DocumentInfo, lang: str, source: Source, repairs: list[Repair]) -> Version:
    """The version as it must be published: every paragraph of the source, repaired."""
    paragraphs, _ = trace_repairs(source.paragraphs(info.id, lang), _repairs_of(info, lang, repairs))
    if lang == "zh":
        paragraphs = [chinese_typography(paragraph) for paragraph in paragraphs]
    wrappers = info.wrappers.get(lang, [])
    if paragraphs[0] != info.title[lang]:
        raise DataError(f"{info.id} ({lang}): the source title {paragraphs[0]!r} differs from documents.yml")
    if paragraphs[1 : 1 + len(wrappers)] != wrappers:
        raise DataError(f"{info.id} ({lang}): the publication notes differ from documents.yml")
    return Version(title=paragraphs[0], wrappers=wrappers, paragraphs=paragraphs[1 + len(wrappers) :])


def repair_places(document: CorpusDocument, source: Source, repairs: list[Repair]) -> list[tuple[Repair, str]]:
    """Each listed repair of a document with the place its `before` was found in the source."""
    placed = []
    for lang in LANGUAGES:
        listed = _repairs_of(document.info, lang, repairs)
        _, landed = trace_repairs(source.paragraphs(document.info.id, lang), listed)
        places = _places(document.info, lang, document)
        placed += [(repair, places[index]) for repair, index in zip(listed, landed)]
    return placed


def repair_listing(document: CorpusDocument, source: Source, repairs: list[Repair]) -> list[RepairRow]:
    """Every repair made to a document: the listed ones, then the typography rule's changes."""
    info = document.info
    pairs = zip(document.versions["en"].blocks, document.versions["zh"].blocks)
    headings = {en.id: {"en": en.text, "zh": zh.text} for en, zh in pairs if en.is_heading}
    rows = []
    for repair, place in repair_places(document, source, repairs):
        if repair.clause != place:
            raise DataError(
                f"data/repairs.yml: the repair of {repair.before!r} ({info.id}, {repair.lang}) names "
                f"'{repair.clause}', but the source has it in '{place}'"
            )
        rows.append(RepairRow(info.id, repair.lang, place, repair.kind, repair.before, repair.after, headings.get(place)))
    repaired, _ = trace_repairs(source.paragraphs(info.id, "zh"), _repairs_of(info, "zh", repairs))
    for place, paragraph in zip(_places(info, "zh", document), repaired):
        for change in typography_changes(paragraph):
            rows.append(RepairRow(info.id, "zh", place, "typography", change.before, change.after, headings.get(place)))
    return rows


SOURCE_NAME = f"data/{SOURCE_FILE.as_posix()}"
_QUOTED = 70  # characters of a sentence quoted in a message


def check_published(document: CorpusDocument, source: Source, repairs: list[Repair]) -> None:
    """Each version publishes every paragraph of the source, repaired, in order, and nothing else:
    DocumentError names the file and line of the clause, the source's line, and the first
    sentence that differs (or the clause that stands in another's place)."""
    info = document.info
    for lang in LANGUAGES:
        version = document.versions[lang]
        expected = expected_version(info, lang, source, repairs)
        listed = _repairs_of(info, lang, repairs)
        origins = repaired_origins(source.paragraphs(info.id, lang), listed)
        lines = [source.lines(info.id, lang)[origin] for origin in origins][1 + len(expected.wrappers) :]
        if version.title != expected.title:
            raise DocumentError(f"{version.path}:1: the title differs from the source's, {SOURCE_NAME}:{lines[0]}")
        published = [block.text for block in version.blocks]
        for index, block in enumerate(version.blocks):
            if index >= len(expected.paragraphs):
                raise DocumentError(f"{version.path}:{block.line}: '{block.id}' is not in the source: it ends before this")
            if block.text != expected.paragraphs[index]:
                raise DocumentError(_difference(version.path, block, expected.paragraphs, published, index, lines))
        if len(published) < len(expected.paragraphs):
            missing = len(published)
            raise DocumentError(
                f"{version.path}: the source's paragraph at {SOURCE_NAME}:{lines[missing]} is not published: "
                f"{_quote(expected.paragraphs[missing])}"
            )


def _quote(text: str) -> str:
    return repr(text if len(text) <= _QUOTED else f"{text[: _QUOTED - 3]}...")


def _difference(path: str, block: Block, expected: list[str], published: list[str], index: int, lines: list[int]) -> str:
    """What is wrong with the block at `index`, which differs from the source's paragraph there."""
    where = f"{path}:{block.line}: '{block.id}'"
    source_at = f"{SOURCE_NAME}:{lines[index]}"
    if block.text in expected and expected[index] in published:
        elsewhere = expected.index(block.text)
        return (
            f"{where} is out of order: it holds the source's paragraph at {SOURCE_NAME}:{lines[elsewhere]}; "
            f"the source has here, at {source_at}, {_quote(expected[index])}"
        )
    ours, theirs = sentences(block.text), sentences(expected[index])
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    tag, a_from, a_to, b_from, b_to = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    if tag == "delete":
        return f"{where} adds sentence {a_from + 1}, which is not in the source ({source_at}): {_quote(ours[a_from])}"
    if tag == "insert":
        return f"{where} lacks sentence {b_from + 1} of the source ({source_at}): {_quote(theirs[b_from])}"
    return (
        f"{where} differs from the source ({source_at}) in sentence {b_from + 1}: "
        f"it reads {_quote(_from_difference(ours[a_from], theirs[b_from]))}; "
        f"the source has {_quote(_from_difference(theirs[b_from], ours[a_from]))}"
    )


def _from_difference(text: str, other: str) -> str:
    """`text` from a few characters before where it first differs from `other`."""
    common = next((index for index, (a, b) in enumerate(zip(text, other)) if a != b), min(len(text), len(other)))
    start = max(common - 20, 0)
    return ("..." if start else "") + text[start:]
