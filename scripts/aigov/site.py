"""The site model: everything the views read, loaded and checked once per build, then read-only;
and the locale a page is rendered in."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .clause_titles import CLAUSE_TITLES_FILE, ClauseTitle, load_clause_titles
from .corpus import LANGUAGES, Corpus, DataError, load_corpus, load_strings, other_language
from .downloads import Download
from .fidelity import Source, check_published, load_repairs, load_source
from .glossary import GLOSSARY_FILE, Term, load_glossary
from .labels import format_date
from .related import JIEBA_USER_DICT, RELATIONS_FILE, Confirmed, Related, load_relations, related_clauses
from .source import Repair, SourceError
from .themes import THEMES_FILE, Theme, load_themes
from .timeline import FACTS_FILE, Event, load_facts, load_timeline

TIMELINE_FILE = "timeline.yml"
REPAIRS_FILE = "repairs.yml"


@dataclass(frozen=True)
class Locale:
    """The language a page is rendered in, with what every view needs of it."""

    lang: str
    other: str
    tags: Mapping[str, str]  # BCP 47 tags for lang="...", by language
    strings: Mapping[str, Any]  # data/strings/<lang>.yml

    def date(self, date: datetime.date) -> str:
        """A date as this language writes it (the strings' date_format)."""
        return format_date(date, self.strings)


def make_locale(lang: str, strings: Mapping[str, Any]) -> Locale:
    return Locale(lang=lang, other=other_language(lang), tags=strings["lang_tags"], strings=strings)


@dataclass(frozen=True)
class Site:
    """The loaded corpus and curated data of one build, and a locale per language.
    `downloads` are measured from the published bytes, once the files are known (on_files)."""

    corpus: Corpus
    themes: tuple[Theme, ...]
    events: tuple[Event, ...]
    glossary: tuple[Term, ...]
    repairs: tuple[Repair, ...]
    source: Source  # the extracted source text (data/source/), against which repairs are listed
    clause_titles: Mapping[str, ClauseTitle]  # by clause id: what the contents list calls each clause
    locales: Mapping[str, Locale]
    relations: tuple[Confirmed, ...]  # confirmed by an editor (data/relations.yml)
    related: Mapping[str, tuple[Related, ...]]  # each clause's related clauses, ranked
    downloads: tuple[Download, ...] = field(default=())

    def locale(self, lang: str) -> Locale:
        return self.locales[lang]


def load_site(data_dir: Path, docs_dir: Path) -> Site:
    """Read and check every data file; DataError or DocumentError names the file and the entry."""
    corpus = load_corpus(data_dir, docs_dir)
    locales = {lang: make_locale(lang, MappingProxyType(load_strings(data_dir, lang))) for lang in LANGUAGES}
    # The text first: a clause that differs from the source is reported as such, not as a
    # glossary term or a theme that no longer finds its words.
    repairs = load_repairs(data_dir / REPAIRS_FILE, corpus)
    source = load_source(data_dir, [document.info for document in corpus.values()])
    try:
        for document in corpus.values():
            check_published(document, source, repairs)
    except SourceError as error:
        raise DataError(f"data/{REPAIRS_FILE}: {error}") from error
    themes = tuple(load_themes(data_dir / THEMES_FILE, corpus))
    glossary = tuple(load_glossary(data_dir / GLOSSARY_FILE, corpus))
    relations = tuple(load_relations(data_dir / RELATIONS_FILE, corpus))
    related = related_clauses(corpus, relations, themes, glossary, data_dir / JIEBA_USER_DICT)
    return Site(
        corpus=corpus,
        themes=themes,
        events=tuple(load_timeline(data_dir / TIMELINE_FILE, corpus, load_facts(data_dir / FACTS_FILE))),
        glossary=glossary,
        repairs=tuple(repairs),
        source=source,
        clause_titles=MappingProxyType(load_clause_titles(data_dir / CLAUSE_TITLES_FILE, corpus)),
        locales=MappingProxyType(locales),
        relations=relations,
        related=MappingProxyType(related),
    )
