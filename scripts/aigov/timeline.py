"""The timeline: dated events checked against the corpus, grouped by year."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import yaml

from .corpus import CorpusDocument, DataError, bilingual

KINDS = ("document", "un-decision", "meeting")


class _TextDatesLoader(yaml.SafeLoader):
    """Leaves dates as text, so that a malformed date is reported with its entry."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Event:
    id: str
    date: datetime.date
    end: datetime.date | None
    issued: datetime.date | None
    kind: str
    document: str | None
    title: dict[str, str]
    description: dict[str, str]
    source: dict[str, str]
    url: str | None
    symbol: str | None
    clauses: tuple[str, ...]


def _date(value: object, name: str, key: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{name}: '{key}' is not a valid ISO date (YYYY-MM-DD): {value!r}") from None



def parse_event(entry: dict, name: str, corpus: Mapping[str, CorpusDocument]) -> Event:
    """One event, checked: its dates, kind, document, clauses and both languages."""
    date = _date(entry.get("date"), name, "date")
    end = _date(entry["end"], name, "end") if "end" in entry else None
    issued = _date(entry["issued"], name, "issued") if "issued" in entry else None
    if end and end <= date:
        raise DataError(f"{name}: 'end' {end} is not after 'date' {date}")
    if entry.get("kind") not in KINDS:
        raise DataError(f"{name}: unknown kind {entry.get('kind')!r}; known: {', '.join(KINDS)}")
    document = entry.get("document")
    if (entry["kind"] == "document") != (document is not None) or (document and document not in corpus):
        raise DataError(f"{name}: a 'document' event names one known document, others none: {document!r}")
    known = {clause for doc in corpus.values() for clause in doc.aligned.clause_ids}
    for clause in entry.get("clauses") or []:
        if clause not in known:
            raise DataError(f"{name}: unknown clause '{clause}'")
    source = entry.get("source") or {}
    return Event(
        id=entry["id"],
        date=date,
        end=end,
        issued=issued,
        kind=entry["kind"],
        document=document,
        title=bilingual(entry, "title", name),
        description=bilingual(entry, "description", name),
        source=bilingual(entry, "source", name),
        url=source.get("url"),
        symbol=entry.get("symbol"),
        clauses=tuple(entry.get("clauses") or []),
    )


def load_timeline(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Event]:
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader) or []
    except yaml.YAMLError as error:
        raise DataError(f"{path}: not valid YAML: {error}") from error
    events, seen = [], set()
    for index, entry in enumerate(entries):
        name = f"{path}: event {entry.get('id', index + 1)!r}"
        if not entry.get("id") or entry["id"] in seen:
            raise DataError(f"{name}: needs an id of its own")
        seen.add(entry["id"])
        events.append(parse_event(entry, name, corpus))
    return sorted(events, key=lambda event: event.date)


def by_year(events: Sequence[Event]) -> list[tuple[int, list[Event]]]:
    return [(year, list(group)) for year, group in itertools.groupby(events, key=lambda event: event.date.year)]


def events_citing(events: Sequence[Event], clause_id: str) -> list[Event]:
    """The events a clause cites or answers."""
    return [event for event in events if clause_id in event.clauses]


def document_event(events: Sequence[Event], document_id: str) -> Event | None:
    return next((event for event in events if event.document == document_id), None)
