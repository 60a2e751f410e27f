"""The timeline: dated events checked against the corpus, grouped by year."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import LANGUAGES, CorpusDocument
from .schema import FieldError, located, parse_entries

KINDS = ("document", "un-decision", "meeting")  # in the order of the page's filter; as data/timeline.schema.json
FACTS_FILE = Path("source") / "timeline-facts.yml"
FACTS_NAME = f"data/{FACTS_FILE.as_posix()}"
CHECKED_AGAINST_FACTS = ("date", "end", "issued", "symbol")


@dataclass(frozen=True)
class Fact:
    """A verified date of one event, with its source (data/source/timeline-facts.yml)."""

    event: str
    values: dict[str, str]  # date, end, issued, symbol as given
    source: str


def load_facts(path: Path) -> dict[str, Fact]:
    """The verified facts by the event they date; one fact per event."""
    facts = parse_entries(
        path,
        "timeline-facts",
        "facts",
        "event",
        lambda entry: Fact(entry["event"], {key: entry[key] for key in CHECKED_AGAINST_FACTS if key in entry}, entry["source"]),
        "is already dated by another fact",
    )
    return {fact.event: fact for fact in facts}


@dataclass(frozen=True)
class Source:
    """One source of an event, named in both languages; its address, where the site links it."""

    name: dict[str, str]
    url: str | None


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
    sources: tuple[Source, ...]
    symbol: str | None
    clauses: tuple[str, ...]


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value is not None else None


def parse_event(entry: dict[str, Any], corpus: Mapping[str, CorpusDocument], facts: Mapping[str, Fact]) -> Event:
    """One event, shaped as data/timeline.schema.json says, checked against the corpus (its
    document and clauses exist; a document's dates are those of data/documents.yml) and against
    the verified facts (its dates and symbol); it ends after it begins. Raises FieldError."""
    date = datetime.date.fromisoformat(entry["date"])
    end = _date(entry.get("end"))
    if end and end <= date:
        raise FieldError(["end"], f"{end} is not after 'date' {date}")
    document = entry.get("document")
    if document is not None and document not in corpus:
        raise FieldError(["document"], f"unknown document '{document}'; known: {', '.join(corpus)}")
    if document is not None:
        check_document_dates(entry, corpus[document])
    check_against_fact(entry, facts)
    known = {clause for doc in corpus.values() for clause in doc.aligned.clause_ids}
    for index, clause in enumerate(entry["clauses"]):
        if clause not in known:
            raise FieldError(["clauses", index], f"unknown clause '{clause}'")
    return Event(
        id=entry["id"],
        date=date,
        end=end,
        issued=_date(entry.get("issued")),
        kind=entry["kind"],
        document=document,
        title=entry["title"],
        description=entry["description"],
        sources=tuple(Source({lang: source[lang] for lang in LANGUAGES}, source.get("url")) for source in entry["source"]),
        symbol=entry.get("symbol"),
        clauses=tuple(entry["clauses"]),
    )


def check_document_dates(entry: dict[str, Any], document: CorpusDocument) -> None:
    """A document's event is dated as data/documents.yml dates it: `date` the day it was
    announced (its issue date when it has no other), `issued` its issue date when they differ."""
    info = document.info
    expected = {"date": str(info.announced or info.date), "issued": str(info.date) if info.announced else None}
    for key, value in expected.items():
        if entry.get(key) != value:
            given = entry.get(key, "absent")
            says = f"'{value}'" if value else "none (it was issued the day it was announced)"
            raise FieldError([key], f"{given} differs from data/documents.yml, which gives '{info.id}' {says}")


def check_against_fact(entry: dict[str, Any], facts: Mapping[str, Fact]) -> None:
    """The event's dates and symbol are those of its verified fact."""
    fact = facts.get(entry["id"])
    if fact is None:
        raise FieldError(["id"], f"no fact of {FACTS_NAME} dates '{entry['id']}': add it there with its source")
    for key in CHECKED_AGAINST_FACTS:
        if entry.get(key) != fact.values.get(key):
            given, verified = entry.get(key, "absent"), fact.values.get(key, "none")
            raise FieldError([key], f"{given} differs from the verified fact in {FACTS_NAME}: {verified} ({fact.source})")


def load_timeline(path: Path, corpus: Mapping[str, CorpusDocument], facts: Mapping[str, Fact]) -> list[Event]:
    """The events of data/timeline.yml in date order; ids are unique; every fact dates an event."""
    events = parse_entries(
        path, "timeline", "events", "id", lambda entry: parse_event(entry, corpus, facts), "is already the id of another event"
    )
    dated = {event.id for event in events}
    for index, event_id in enumerate(facts):
        if event_id not in dated:
            cause = f"'{event_id}' is no event of data/{path.name}"
            raise located(path.parent / FACTS_FILE, "facts", [index, "event"], cause)
    return sorted(events, key=lambda event: event.date)


def by_year(events: Sequence[Event]) -> list[tuple[int, list[Event]]]:
    return [(year, list(group)) for year, group in itertools.groupby(events, key=lambda event: event.date.year)]


def events_citing(events: Sequence[Event], clause_id: str) -> list[Event]:
    """The events a clause cites or answers."""
    return [event for event in events if clause_id in event.clauses]


def document_event(events: Sequence[Event], document_id: str) -> Event | None:
    return next((event for event in events if event.document == document_id), None)
