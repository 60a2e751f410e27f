"""The timeline: dated events checked against the corpus, grouped by year."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import LANGUAGES, CorpusDocument
from .schema import FieldError, parse_entries

KINDS = ("document", "un-decision", "meeting")  # in the order of the page's filter; as data/timeline.schema.json


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


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value is not None else None


def parse_event(entry: dict[str, Any], corpus: Mapping[str, CorpusDocument]) -> Event:
    """One event, shaped as data/timeline.schema.json says, checked against the corpus: its
    document and clauses exist, and it ends after it begins. Raises FieldError."""
    date = datetime.date.fromisoformat(entry["date"])
    end = _date(entry.get("end"))
    if end and end <= date:
        raise FieldError(["end"], f"{end} is not after 'date' {date}")
    document = entry.get("document")
    if document is not None and document not in corpus:
        raise FieldError(["document"], f"unknown document '{document}'; known: {', '.join(corpus)}")
    known = {clause for doc in corpus.values() for clause in doc.aligned.clause_ids}
    for index, clause in enumerate(entry["clauses"]):
        if clause not in known:
            raise FieldError(["clauses", index], f"unknown clause '{clause}'")
    source = entry["source"]
    return Event(
        id=entry["id"],
        date=date,
        end=end,
        issued=_date(entry.get("issued")),
        kind=entry["kind"],
        document=document,
        title=entry["title"],
        description=entry["description"],
        source={lang: source[lang] for lang in LANGUAGES},
        url=source.get("url"),
        symbol=entry.get("symbol"),
        clauses=tuple(entry["clauses"]),
    )


def load_timeline(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Event]:
    """The events of data/timeline.yml in date order; ids are unique."""
    events = parse_entries(
        path, "timeline", "events", "id", lambda entry: parse_event(entry, corpus), "is already the id of another event"
    )
    return sorted(events, key=lambda event: event.date)


def by_year(events: Sequence[Event]) -> list[tuple[int, list[Event]]]:
    return [(year, list(group)) for year, group in itertools.groupby(events, key=lambda event: event.date.year)]


def events_citing(events: Sequence[Event], clause_id: str) -> list[Event]:
    """The events a clause cites or answers."""
    return [event for event in events if clause_id in event.clauses]


def document_event(events: Sequence[Event], document_id: str) -> Event | None:
    return next((event for event in events if event.document == document_id), None)
