"""The curated themes: checked against the corpus, the clauses that share them, the themes
overview and each theme's page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clauses import Block
from .corpus import CorpusDocument, DataError, DocumentInfo, by_date
from .labels import clause_code, clause_name
from .links import THEMES_PAGE, Link, Target, document_target
from .schema import FieldError, parse_entries

if TYPE_CHECKING:
    from .corpus import Corpus
    from .site import Locale

THEMES_FILE = "themes.yml"
THEME_VIEW = "theme"  # the data_view of a theme's page
THEME_PAGES_DIR = "themes"  # in docs/: one page per theme and language, themes/<id>.<lang>.md


@dataclass(frozen=True)
class Theme:
    """A theme and the clauses that address it, in reading order."""

    id: str
    name: dict[str, str]
    description: dict[str, str]
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class ThemeClause:
    """A clause as a theme lists it: code, label, link to its document page, text in both languages."""

    code: str
    label: str
    target: Target
    primary: Block
    secondary: Block


@dataclass(frozen=True)
class ThemeDocument:
    """A document's clauses in a theme, in text order."""

    info: DocumentInfo
    clauses: tuple[ThemeClause, ...]


@dataclass(frozen=True)
class ThemeSection:
    """A theme on the themes overview: its clause count per document (in date order, zeros
    included) and its clauses by document, as links."""

    theme: Theme
    target: Target  # the theme's own page
    counts: tuple[int, ...]
    documents: tuple[ThemeDocument, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ThemePage:
    """A theme's own page: its clauses by document, and the themes before and after it."""

    theme: Theme
    documents: tuple[ThemeDocument, ...]
    overview: Target
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class ThemePageSource:
    """A page of docs/ that is, or by its place should be, a theme page, as on_files finds it."""

    path: str  # as error messages name it: docs/themes/open-source.en.md
    uri: str  # its place in docs/ without the language: themes/open-source.md
    meta: dict[str, Any]


def reading_order(corpus: Mapping[str, CorpusDocument]) -> list[tuple[CorpusDocument, str]]:
    """Every clause with its document: documents by date, clauses in text order."""
    return [(document, clause_id) for document in by_date(corpus.values()) for clause_id in document.aligned.clause_ids]


def parse_theme(entry: dict[str, Any], corpus: Mapping[str, CorpusDocument]) -> Theme:
    """One theme, shaped as data/themes.schema.json says, its clauses checked against the corpus
    and put in reading order. Raises FieldError."""
    order = [clause_id for _, clause_id in reading_order(corpus)]
    headings = {block.id for document in corpus.values() for block in document.aligned.blocks if block.is_heading}
    for index, clause_id in enumerate(entry["clauses"]):
        if clause_id in headings:
            raise FieldError(["clauses", index], f"'{clause_id}' is a heading, not a clause")
        if clause_id not in order:
            raise FieldError(["clauses", index], f"unknown clause '{clause_id}'")
    return Theme(
        id=entry["id"],
        name=entry["name"],
        description=entry["description"],
        clauses=tuple(sorted(entry["clauses"], key=order.index)),
    )


def load_themes(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Theme]:
    """The themes of `path` in file order; bad input raises DataError naming the file, the line and the field."""
    return parse_entries(
        path, "themes", "themes", "id", lambda entry: parse_theme(entry, corpus), "is already the id of another theme"
    )


def themes_of(themes: Sequence[Theme], clause_id: str) -> list[Theme]:
    """The themes a clause addresses, in the order of the themes file."""
    return [theme for theme in themes if clause_id in theme.clauses]


def theme_clause(corpus: Corpus, clause_id: str, locale: Locale) -> ThemeClause:
    """A clause as a theme lists it, linked to its document page."""
    document = corpus.document_of(clause_id)
    info = document.info
    label = locale.strings["themes"]["clause_label"].format(
        short=info.short[locale.lang], year=info.date.year, name=clause_name(clause_id, info.numbered, locale.strings)
    )
    return ThemeClause(
        code=clause_code(clause_id),
        label=label,
        target=document_target(info, clause_id),
        primary=corpus.block(clause_id, locale.lang),
        secondary=corpus.block(clause_id, locale.other),
    )


def theme_documents(theme: Theme, corpus: Corpus, locale: Locale) -> tuple[ThemeDocument, ...]:
    """The documents, by date, that have clauses in the theme, each with those clauses in text order."""
    documents = []
    for document in corpus.by_date:
        ids = [clause_id for clause_id in document.aligned.clause_ids if clause_id in theme.clauses]
        if ids:
            clauses = tuple(theme_clause(corpus, clause_id, locale) for clause_id in ids)
            documents.append(ThemeDocument(info=document.info, clauses=clauses))
    return tuple(documents)


def theme_sections(themes: Sequence[Theme], corpus: Corpus, locale: Locale) -> list[ThemeSection]:
    """Every theme with its counts per document and its clauses, for the themes overview."""
    sections = []
    for theme in themes:
        documents = theme_documents(theme, corpus, locale)
        counts = {document.info.id: len(document.clauses) for document in documents}
        sections.append(
            ThemeSection(
                theme=theme,
                target=theme_target(theme.id),
                counts=tuple(counts.get(document.info.id, 0) for document in corpus.by_date),
                documents=documents,
            )
        )
    return sections


def theme_page(themes: Sequence[Theme], corpus: Corpus, theme: Theme, locale: Locale) -> ThemePage:
    """A theme's page: its clauses by document; previous and next in the themes file's order."""
    index = themes.index(theme)
    neighbours = [themes[index - 1] if index > 0 else None, themes[index + 1] if index + 1 < len(themes) else None]
    previous, following = (
        Link(target=theme_target(other.id), label=other.name[locale.lang]) if other else None for other in neighbours
    )
    return ThemePage(
        theme=theme,
        documents=theme_documents(theme, corpus, locale),
        overview=Target(THEMES_PAGE),
        previous=previous,
        next=following,
    )


def theme_target(theme_id: str) -> Target:
    """A theme's page, as docs/ names it without its language suffix: themes/<id>.md."""
    return Target(f"{THEME_PAGES_DIR}/{theme_id}.md")


def page_theme(meta: Mapping[str, Any], themes: Sequence[Theme]) -> Theme:
    """The theme that a theme page names in its front matter (`theme: open-source`)."""
    theme_id = meta.get("theme")
    if not isinstance(theme_id, str) or not theme_id:
        raise DataError(f"a theme page needs 'theme: <id>' in its front matter, naming a theme of data/{THEMES_FILE}")
    theme = next((theme for theme in themes if theme.id == theme_id), None)
    if theme is None:
        raise DataError(f"unknown theme '{theme_id}': data/{THEMES_FILE} has no theme of that id")
    return theme


def check_theme_pages(pages: list[ThemePageSource], themes: Sequence[Theme], lang: str, docs_dir: str) -> None:
    """Each theme has one page in `lang`, at docs/themes/<id>.<lang>.md; every page there is a
    theme page naming a known theme. Raises DataError naming the file."""
    found: dict[str, ThemePageSource] = {}
    for page in pages:
        try:
            if page.meta.get("data_view") != THEME_VIEW:
                raise DataError(
                    f"a page in {docs_dir}/{THEME_PAGES_DIR}/ is a theme page: its front matter needs 'data_view: {THEME_VIEW}'"
                )
            theme = page_theme(page.meta, themes)
            if theme.id in found:
                raise DataError(f"theme '{theme.id}' already has a page, {found[theme.id].path}")
            if page.uri != theme_target(theme.id).page:
                raise DataError(
                    f"the page of theme '{theme.id}' must be {docs_dir}/{THEME_PAGES_DIR}/{theme.id}.{lang}.md, where the links to it lead"
                )
        except DataError as error:
            raise DataError(f"{page.path}: {error}") from error
        found[theme.id] = page
    for theme in themes:
        if theme.id not in found:
            raise DataError(
                f"{docs_dir}/{THEME_PAGES_DIR}/{theme.id}.{lang}.md: missing: theme '{theme.id}' needs a page in "
                f"'{lang}', whose front matter is 'data_view: {THEME_VIEW}' and 'theme: {theme.id}'"
            )
