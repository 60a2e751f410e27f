"""Tie the published text to the source: the expected paragraphs and the list of repairs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .corpus import CorpusDocument, DataError, DocumentInfo
from .schema import located, read_data
from .source import Repair, apply_repairs, chinese_typography, source_paragraphs, typography_changes

SOURCE_FILE = Path("source") / "cstd-contribution.txt"


@dataclass(frozen=True)
class Version:
    """One language version of a document as derived from the source."""

    title: str
    wrappers: list[str]
    paragraphs: list[str]


@dataclass(frozen=True)
class RepairRow:
    """One line of the published list of repairs."""

    document: str
    lang: str
    place: str
    kind: str
    before: str
    after: str


# Repairs outside a clause: of a version's title, or of its publication notes (`wrappers`).
REPAIR_PLACES = ("title", "metadata")


def load_repairs(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Repair]:
    """The repairs of data/repairs.yml, each naming a document, a language and a place in it that exist."""
    repairs = []
    for index, entry in enumerate(read_data(path, "repairs", root="repairs")):
        document = corpus.get(entry["document"])
        if document is None:
            raise located(path, "repairs", [index, "document"], f"unknown document '{entry['document']}'; known: {', '.join(corpus)}")
        places = [*REPAIR_PLACES, *(block.id for block in document.versions[entry["lang"]].blocks)]
        if entry["clause"] not in places:
            raise located(path, "repairs", [index, "clause"], f"'{entry['clause']}' is no clause or heading of '{document.info.id}'")
        repairs.append(Repair(**entry))
    return repairs


def _split_version(info: DocumentInfo, lang: str, paragraphs: list[str]) -> Version:
    wrappers = info.wrappers.get(lang, [])
    if paragraphs[0] != info.title[lang]:
        raise DataError(f"{info.id} ({lang}): the source title {paragraphs[0]!r} differs from documents.yml")
    if paragraphs[1 : 1 + len(wrappers)] != wrappers:
        raise DataError(f"{info.id} ({lang}): the publication notes differ from documents.yml")
    return Version(title=paragraphs[0], wrappers=wrappers, paragraphs=paragraphs[1 + len(wrappers) :])


def _repairs_of(info: DocumentInfo, lang: str, repairs: list[Repair]) -> list[Repair]:
    return [repair for repair in repairs if repair.document == info.id and repair.lang == lang]


def expected_version(info: DocumentInfo, lang: str, seed: str, repairs: list[Repair]) -> Version:
    """The version as it must be published: every paragraph of the source, repaired."""
    first, last = info.source_lines[lang]
    paragraphs = apply_repairs(source_paragraphs(seed, first, last), _repairs_of(info, lang, repairs))
    if lang == "zh":
        paragraphs = [chinese_typography(paragraph) for paragraph in paragraphs]
    return _split_version(info, lang, paragraphs)


def repair_listing(document: CorpusDocument, seed: str, repairs: list[Repair]) -> list[RepairRow]:
    """Every repair made to a document: the listed ones, then the typography rule's changes."""
    info = document.info
    rows = [
        RepairRow(info.id, repair.lang, repair.clause, repair.kind, repair.before, repair.after)
        for repair in repairs
        if repair.document == info.id
    ]
    first, last = info.source_lines["zh"]
    repaired = apply_repairs(source_paragraphs(seed, first, last), _repairs_of(info, "zh", repairs))
    places = ["title", *document.versions["zh"].blocks]
    for place, paragraph in zip(places, repaired):
        name = place if isinstance(place, str) else place.id
        for change in typography_changes(paragraph):
            rows.append(RepairRow(info.id, "zh", name, "typography", change.before, change.after))
    return rows
