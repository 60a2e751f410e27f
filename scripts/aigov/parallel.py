"""The view of a parallel document page: aligned rows with labels, citations and links, where
the document sits among the four and on the timeline; and the home page's list of documents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .clause_titles import clause_labels
from .clauses import Block
from .corpus import Corpus, CorpusDocument, DocumentInfo
from .glossary import term_cards
from .labels import clause_code, clause_name
from .links import TIMELINE_PAGE, Link, Target, compare_target, document_target
from .related import Related
from .themes import Theme, theme_target, themes_of
from .timeline import Event, document_event, events_citing

if TYPE_CHECKING:
    from .site import Locale, Site


# How much of a related clause's text its entry shows: English words, Chinese characters.
EXCERPT_WORDS = 14
EXCERPT_CHARACTERS = 30


@dataclass(frozen=True)
class RelatedEntry:
    """A related clause as a reader sees it before opening it: where it is (document, date,
    code), the kind of a confirmed relation, and the first words of its text."""

    clause_id: str
    target: Target
    label: str
    kind: str
    excerpt: str
    score: float


@dataclass(frozen=True)
class ParallelRow:
    """One aligned row: a heading or a clause in the page's language and the other one."""

    id: str
    primary: Block
    secondary: Block
    level: int
    code: str = ""
    title: str = ""
    citation: str = ""
    themes: tuple[Link, ...] = ()
    related: tuple[RelatedEntry, ...] = ()
    compare: Target | None = None  # the comparison view of the clause and its related clauses

    @property
    def is_heading(self) -> bool:
        return self.primary.is_heading


@dataclass(frozen=True)
class Position:
    """Where a document sits: the documents issued before and after it, and its timeline entry."""

    previous: CorpusDocument | None
    previous_target: Target | None
    next: CorpusDocument | None
    next_target: Target | None
    timeline: Target


@dataclass(frozen=True)
class EventLink:
    """A timeline event that a clause cites or answers, and its place on the timeline page."""

    event: Event
    target: Target


def theme_links(themes: Sequence[Theme], clause_id: str, lang: str) -> tuple[Link, ...]:
    """Links from a document page to the pages of the themes that list the clause."""
    return tuple(Link(target=theme_target(theme.id), label=theme.name[lang]) for theme in themes_of(themes, clause_id))


def excerpt(text: str, lang: str, ellipsis: str) -> str:
    """The first words of a text: EXCERPT_WORDS English words, EXCERPT_CHARACTERS Chinese characters."""
    if lang == "zh":
        return text if len(text) <= EXCERPT_CHARACTERS else text[:EXCERPT_CHARACTERS].rstrip("，、；：。") + ellipsis
    words = text.split()
    return text if len(words) <= EXCERPT_WORDS else " ".join(words[:EXCERPT_WORDS]).rstrip(",;:.") + ellipsis


def kind_label(related: Related, strings: Mapping[str, Any]) -> str:
    """What a confirmed relation is, said of the related clause (`restates this clause`); "" if computed."""
    if not related.kind:
        return ""
    return str(strings["related"]["kinds"][related.kind]["acts" if related.acts else "acted"])


def related_entry(related: Related, corpus: Corpus, locale: Locale) -> RelatedEntry:
    """A related clause's entry in the page's language."""
    words = locale.strings["related"]
    info = corpus.document_of(related.clause_id).info
    return RelatedEntry(
        clause_id=related.clause_id,
        target=document_target(info, related.clause_id),
        label=words["label"].format(
            short=info.short[locale.lang], date=locale.date(info.date), code=clause_code(related.clause_id)
        ),
        kind=kind_label(related, locale.strings),
        excerpt=excerpt(corpus.block(related.clause_id, locale.lang).text, locale.lang, words["ellipsis"]),
        score=related.score,
    )


def parallel_rows(
    document: CorpusDocument,
    locale: Locale,
    themes: Sequence[Theme],
    corpus: Corpus,
    related: Mapping[str, Sequence[Related]] = MappingProxyType({}),
) -> list[ParallelRow]:
    """Rows in text order; a clause label sits one level below the heading above it."""
    info = document.info
    strings = locale.strings
    lang = locale.lang
    rows = []
    label_level = 2
    for row in document.rows(lang):
        block = row.primary
        if block.is_heading:
            label_level = block.heading_level + 1
            rows.append(ParallelRow(id=block.id, primary=block, secondary=row.secondary, level=block.heading_level))
            continue
        name = clause_name(block.id, info.numbered, strings)
        code = clause_code(block.id)
        citation = strings["clause"]["citation"].format(title=info.title[lang], date=locale.date(info.date), name=name, code=code)
        rows.append(
            ParallelRow(
                id=block.id,
                primary=block,
                secondary=row.secondary,
                level=min(label_level, 6),
                code=code,
                title=strings["clause"]["title"].format(short=info.short[lang], name=name),
                citation=citation,
                themes=theme_links(themes, block.id, lang),
                related=tuple(related_entry(other, corpus, locale) for other in related.get(block.id, ())),
                compare=compare_target(info, block.id) if related.get(block.id) else None,
            )
        )
    return rows


def document_position(site: Site, document: CorpusDocument) -> Position:
    ordered = site.corpus.by_date
    index = ordered.index(document)
    previous = ordered[index - 1] if index > 0 else None
    following = ordered[index + 1] if index + 1 < len(ordered) else None
    event = document_event(site.events, document.info.id)
    return Position(
        previous=previous,
        previous_target=document_target(previous.info) if previous else None,
        next=following,
        next_target=document_target(following.info) if following else None,
        timeline=Target(TIMELINE_PAGE, event.id if event else ""),
    )


def clause_events(site: Site, document: CorpusDocument) -> dict[str, list[EventLink]]:
    """For each clause, the timeline events it cites or answers."""
    return {
        clause: [EventLink(event=event, target=Target(TIMELINE_PAGE, event.id)) for event in events_citing(site.events, clause)]
        for clause in document.aligned.clause_ids
    }


def document_view(site: Site, locale: Locale, document: CorpusDocument) -> dict[str, Any]:
    """Everything the parallel-document template needs."""
    info = document.info
    return {
        "document": info,
        "issued": locale.date(info.date),
        "announced": locale.date(info.announced) if info.announced else "",
        "wrappers": info.wrappers.get("en", []),
        "rows": parallel_rows(document, locale, site.themes, site.corpus, site.related),
        "position": document_position(site, document),
        "events_by_clause": clause_events(site, document),
        "cards": term_cards(site.glossary, site.corpus, document, locale.lang, locale.strings["glossary"]["heading"]),
        "labels": clause_labels(site.clause_titles, locale.lang, locale.strings),
    }


@dataclass(frozen=True)
class ListedDocument:
    """A document on the home page's list."""

    info: DocumentInfo
    target: Target
    issued: str
    clauses: int


def document_list(corpus: Corpus, locale: Locale) -> list[ListedDocument]:
    """The documents in date order, for the home page."""
    return [
        ListedDocument(
            info=document.info,
            target=document_target(document.info),
            issued=locale.date(document.info.date),
            clauses=len(document.aligned.clause_ids),
        )
        for document in corpus.by_date
    ]
