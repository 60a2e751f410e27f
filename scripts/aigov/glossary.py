"""The bilingual glossary: checked against the clauses it cites, sorted for its page, and the
glossary terms of a clause marked up in both columns with the id of their entry, so that a term
pointed at lights up its counterpart in the other column (overrides/assets/javascripts/terms.js)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .clauses import Block
from .corpus import Corpus, CorpusDocument
from .labels import clause_code
from .links import Link, Target, document_target
from .pinyin import toned_pinyin, toneless
from .schema import FieldError, located, parse_entries

GLOSSARY_FILE = "glossary.yml"
GLOSSARY_PAGE = "glossary.md"


@dataclass(frozen=True)
class Rendering:
    """An English rendering of a term and the clauses whose English text uses it."""

    en: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A Chinese term, its pinyin (toneless, for sorting; and with tone marks, for readers), its
    English renderings and its id (the anchor of its entry, which marks it in the clauses)."""

    zh: str
    pinyin: str
    renderings: tuple[Rendering, ...]
    toned: str = ""
    id: str = ""

    @property
    def rendered_differently(self) -> bool:
        """More than one English wording (a heading's capitals are the same wording)."""
        return len({rendering.en.casefold() for rendering in self.renderings}) > 1


@dataclass(frozen=True)
class Counterpart:
    """On the glossary page: a rendering in the other language and where it is used."""

    text: str
    pinyin: str
    clauses: tuple[Link, ...]


@dataclass(frozen=True)
class Variant:
    """One English rendering of a term rendered differently, and the clauses that use it."""

    en: str
    clauses: tuple[Link, ...]


@dataclass(frozen=True)
class Entry:
    """A line of the glossary page: a term in the page's language, its counterparts, its anchor,
    its letter in the jump list, and, for a term rendered differently, each of its renderings
    (on the English page, where a line is one rendering)."""

    text: str
    pinyin: str
    counterparts: tuple[Counterpart, ...]
    anchor: str = ""
    letter: str = ""
    differs: bool = False
    variants: tuple[tuple[str, tuple[Variant, ...]], ...] = ()

    @property
    def filter_text(self) -> str:
        """What the glossary's filter box matches: both languages and the pinyin, toned and
        toneless, each without spaces (a query may or may not space its syllables)."""
        words = [self.text, self.pinyin, *(c.text for c in self.counterparts), *(c.pinyin for c in self.counterparts)]
        words += [toneless(word) for word in words]
        return " ".join(dict.fromkeys(word.replace(" ", "").casefold() for word in words if word))


def phrase_pattern(phrase: str, lang: str) -> re.Pattern[str]:
    """Where `phrase` occurs as words: Chinese anywhere; English as whole words, and also with
    its initial letter's case swapped (a rendering may open a sentence), nothing more lenient."""
    if lang == "zh":
        return re.compile(re.escape(phrase))
    initial = f"[{re.escape(phrase[0].lower())}{re.escape(phrase[0].upper())}]"
    before = r"(?<!\w)" if re.match(r"\w", phrase[0]) else ""
    after = r"(?!\w)" if re.match(r"\w", phrase[-1]) else ""
    return re.compile(before + initial + re.escape(phrase[1:]) + after)


def clause_texts(corpus: Mapping[str, CorpusDocument]) -> dict[str, dict[str, str]]:
    """The text of every clause and heading by id, in each language."""
    return {
        block.id: {lang: next(b.text for b in document.versions[lang].blocks if b.id == block.id) for lang in ("zh", "en")}
        for document in corpus.values()
        for block in document.aligned.blocks
    }


def parse_term(entry: dict[str, Any], texts: dict[str, dict[str, str]]) -> Term:
    """One term, shaped as data/glossary.schema.json says, checked against the text: each
    rendering once, and occurring with the term in the clauses it names. Raises FieldError."""
    zh = entry["zh"]
    parsed: list[Rendering] = []
    for index, rendering in enumerate(entry["renderings"]):
        en = rendering["en"]
        if any(other.en == en for other in parsed):
            raise FieldError(["renderings", index, "en"], f"'{en}' is listed twice")
        for place, clause_id in enumerate(rendering["clauses"]):
            where: list[str | int] = ["renderings", index, "clauses", place]
            if clause_id not in texts:
                raise FieldError(where, f"unknown clause '{clause_id}'")
            if not phrase_pattern(zh, "zh").search(texts[clause_id]["zh"]):
                raise FieldError(where, f"'{zh}' does not occur in the Chinese text of '{clause_id}'")
            if not phrase_pattern(en, "en").search(texts[clause_id]["en"]):
                raise FieldError(where, f"'{en}' does not occur in the English text of '{clause_id}'")
        parsed.append(Rendering(en=en, clauses=tuple(rendering["clauses"])))
    try:
        toned = toned_pinyin(zh, entry["pinyin"])
    except ValueError as error:
        raise FieldError(["pinyin"], f"'{entry['pinyin']}' is not the pinyin of '{zh}': {error}") from None
    return Term(zh=zh, pinyin=entry["pinyin"], renderings=tuple(parsed), toned=toned)


def unique_anchors(names: Sequence[str], prefix: str) -> list[str]:
    """An anchor for each name, in order: `prefix` and its words joined by hyphens, numbered
    from the second time an anchor comes up."""
    anchors: list[str] = []
    for name in names:
        anchor = prefix + "-".join(re.findall(r"[a-z0-9]+", toneless(name).replace("ü", "v").casefold()))
        number = 2
        while (candidate := anchor if number == 2 else f"{anchor}-{number - 1}") in anchors:
            number += 1
        anchors.append(candidate)
    return anchors


def load_glossary(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Term]:
    """The terms of `path`, each with its id; bad input raises DataError naming the file, the
    line and the field, and so does a term that the marking of a clause would not show (its
    phrase crosses a longer one's)."""
    texts = clause_texts(corpus)
    parsed = parse_entries(path, "glossary", "terms", "zh", lambda entry: parse_term(entry, texts), "is already a term")
    ids = unique_anchors([term.pinyin for term in parsed], "term-")
    terms = [replace(term, id=id_) for term, id_ in zip(parsed, ids, strict=True)]
    for problem in unmarked_terms(terms, corpus):
        raise located(path, "terms", problem[0], problem[1])
    return terms


def pinyin_key(pinyin: str) -> tuple[list[str], str]:
    """Sort key in dictionary order: syllable by syllable, ü as u (lu, lü, lun), then lü after lu."""
    return [syllable.replace("ü", "u") for syllable in pinyin.split()], pinyin


def place_label(corpus: Corpus, block_id: str, heading: str) -> str:
    """A clause's code; for a heading, which has none a reader can find, the code of the clause
    it heads in the `heading` wording ("CAP-G2 heading")."""
    blocks = corpus.document_of(block_id).aligned.blocks
    position = next(index for index, block in enumerate(blocks) if block.id == block_id)
    if not blocks[position].is_heading:
        return clause_code(block_id)
    headed = next(block.id for block in blocks[position:] if not block.is_heading)
    return heading.format(code=clause_code(headed))


def clause_links(corpus: Corpus, clauses: tuple[str, ...], heading: str) -> tuple[Link, ...]:
    """Links to the clauses that use a rendering; `heading` words the place of a heading."""
    return tuple(
        Link(target=document_target(corpus.document_of(id_).info, id_), label=place_label(corpus, id_, heading))
        for id_ in clauses
    )


def glossary_entries(terms: Sequence[Term], corpus: Corpus, lang: str, heading: str) -> list[Entry]:
    """The glossary page's lines: Chinese terms in pinyin order, under their pinyin initial, or
    English renderings in alphabetical order, under their initial (a rendering shared by two
    terms is one line with both). `heading` words the place of a term used in a heading."""

    def links(clauses: tuple[str, ...]) -> tuple[Link, ...]:
        return clause_links(corpus, clauses, heading)

    if lang == "zh":
        return [
            Entry(
                text=term.zh,
                pinyin=term.toned,
                counterparts=tuple(Counterpart(text=r.en, pinyin="", clauses=links(r.clauses)) for r in term.renderings),
                anchor=term.id,
                letter=term.pinyin[0].upper(),
                differs=term.rendered_differently,
            )
            for term in sorted(terms, key=lambda term: (pinyin_key(term.pinyin), term.zh))
        ]
    by_rendering: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda term: pinyin_key(term.pinyin)):
        for rendering in term.renderings:
            by_rendering.setdefault(rendering.en, []).append(term)
    anchors = rendering_anchors(terms)
    entries = []
    for en in sorted(by_rendering, key=lambda en: (en.casefold(), en)):
        users = by_rendering[en]
        counterparts = tuple(
            Counterpart(
                text=term.zh,
                pinyin=term.toned,
                clauses=links(next(r.clauses for r in term.renderings if r.en == en)),
            )
            for term in users
        )
        variants = tuple(
            (term.zh, tuple(Variant(en=r.en, clauses=links(r.clauses)) for r in term.renderings))
            for term in users
            if term.rendered_differently
        )
        entries.append(
            Entry(
                text=en,
                pinyin="",
                counterparts=counterparts,
                anchor=anchors[en],
                letter=en[0].upper(),
                differs=bool(variants),
                variants=variants,
            )
        )
    return entries


def written_form(term: Term, rendering: Rendering) -> str:
    """A rendering as the glossary writes it in running text: a heading's capitals
    ("Digital Infrastructure") give way to the term's rendering in lower case, if it has one."""
    same_words = [other.en for other in term.renderings if other.en.casefold() == rendering.en.casefold()]
    return min(same_words, key=lambda text: sum(letter.isupper() for letter in text))


def clause_glosses(terms: Sequence[Term], clause_id: str, lang: str) -> dict[str, str]:
    """The glossary phrases of a clause in `lang`, each with the counterpart it shows."""
    glosses: dict[str, list[str]] = {}
    for term in terms:
        for rendering in term.renderings:
            if clause_id in rendering.clauses:
                phrase, counterpart = (term.zh, written_form(term, rendering)) if lang == "zh" else (rendering.en, term.zh)
                if counterpart not in glosses.get(phrase, []):
                    glosses.setdefault(phrase, []).append(counterpart)
    return {phrase: " / ".join(counterparts) for phrase, counterparts in glosses.items()}


def clause_phrases(terms: Sequence[Term], clause_id: str, lang: str) -> dict[str, tuple[str, ...]]:
    """The glossary phrases of a clause in `lang`, each with the ids of the terms it renders
    (two terms may share an English rendering)."""
    phrases: dict[str, list[str]] = {}
    for term in terms:
        for rendering in term.renderings:
            if clause_id in rendering.clauses:
                ids = phrases.setdefault(term.zh if lang == "zh" else rendering.en, [])
                if term.id not in ids:
                    ids.append(term.id)
    return {phrase: tuple(ids) for phrase, ids in phrases.items()}


@dataclass(frozen=True)
class Mark:
    """An occurrence of a glossary phrase in a text, and the ids of the terms it renders."""

    start: int
    end: int
    terms: tuple[str, ...]


def find_marks(text: str, phrases: Mapping[str, tuple[str, ...]], lang: str) -> list[Mark]:
    """Every occurrence of each phrase in `text`, in text order, an outer one before those it
    holds: a phrase within a longer one is marked inside it (向善 in 智能向善), one that crosses a
    longer one is not."""
    found: list[Mark] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        for match in phrase_pattern(phrase, lang).finditer(text):
            start, end = match.span()
            if all(end <= m.start or start >= m.end or m.start <= start and end <= m.end for m in found):
                found.append(Mark(start, end, phrases[phrase]))
    return sorted(found, key=lambda mark: (mark.start, -mark.end))


def mark_terms(text: str, phrases: Mapping[str, tuple[str, ...]], lang: str, escape: bool) -> str:
    """`text` with each occurrence of a glossary phrase wrapped, unchanged, in a span naming the
    terms it renders (`data-terms`). Not focusable, no title: terms.js makes them reachable
    when the reader turns the terms on, and the text reads once.

    `escape` HTML-escapes the rest of the text, for a plain-text block rendered as HTML."""
    plain = html.escape if escape else str
    pieces: list[str] = []
    position = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            pieces.append(plain(text[position:end]) + "</span>")
            position = end

    for mark in find_marks(text, phrases, lang):
        close_until(mark.start)
        pieces.append(plain(text[position : mark.start]))
        pieces.append(f'<span class="glossary-term" data-terms="{" ".join(mark.terms)}">')
        position = mark.start
        open_ends.append(mark.end)
    close_until(len(text))
    pieces.append(plain(text[position:]))
    return "".join(pieces)


LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def unmarked_terms(terms: Sequence[Term], corpus: Mapping[str, CorpusDocument]) -> Iterator[tuple[list[str | int], str]]:
    """Where a clause's term would not be marked in one of its columns, so that its counterpart
    in the other would light up nothing: the field of data/glossary.yml listing the clause, and why."""
    for document in corpus.values():
        for lang, version in document.versions.items():
            for block in version.blocks:
                phrases = clause_phrases(terms, block.id, lang)
                for source in dict.fromkeys((block.markdown, block.text)):
                    marked = {id_ for mark in find_marks(source, phrases, lang) for id_ in mark.terms}
                    for index, term in enumerate(terms):
                        for number, rendering in enumerate(term.renderings):
                            if block.id in rendering.clauses and term.id not in marked:
                                phrase = term.zh if lang == "zh" else rendering.en
                                yield (
                                    [index, "renderings", number, "clauses", rendering.clauses.index(block.id)],
                                    f"'{phrase}' cannot be marked in the {LANGUAGE_NAMES[lang]} text of '{block.id}' "
                                    "(it crosses a longer term there), so its counterpart would light up nothing",
                                )


def glossed(terms: Sequence[Term], block: Block, lang: str, as_html: bool = False) -> Markup:
    """A block's Markdown, or its text as HTML, with its glossary terms marked: markup the code
    built, which a template puts in as it is."""
    source = block.text if as_html else block.markdown
    return Markup(mark_terms(source, clause_phrases(terms, block.id, lang), lang, escape=as_html))


def rendering_anchors(terms: Sequence[Term]) -> dict[str, str]:
    """The anchor of each English rendering's line on the English glossary page."""
    renderings = sorted({r.en for term in terms for r in term.renderings}, key=lambda en: (en.casefold(), en))
    return dict(zip(renderings, unique_anchors(renderings, "en-"), strict=True))


@dataclass(frozen=True)
class CardRendering:
    """On a term's card: one English wording (a heading's capitals folded into it), the clauses
    that use it, and its glossary entry in the page's language."""

    en: str
    clause_ids: tuple[str, ...]
    clauses: tuple[Link, ...]
    entry: Target


@dataclass(frozen=True)
class Card:
    """What a term's popover shows on a document page: both terms, the pinyin with tone marks,
    and every rendering with the clauses that use it (terms.js puts the clause's own first)."""

    id: str
    zh: str
    pinyin: str
    renderings: tuple[CardRendering, ...]


def term_cards(terms: Sequence[Term], corpus: Corpus, document: CorpusDocument, lang: str, heading: str) -> list[Card]:
    """The cards of the terms a document uses, in glossary order."""
    used = set(document.aligned.clause_ids) | {block.id for block in document.aligned.blocks}
    anchors = rendering_anchors(terms)
    cards = []
    for term in terms:
        if not any(used.intersection(r.clauses) for r in term.renderings):
            continue
        wordings: dict[str, list[str]] = {}
        for rendering in term.renderings:
            wordings.setdefault(written_form(term, rendering), []).extend(rendering.clauses)
        renderings = tuple(
            CardRendering(
                en=en,
                clause_ids=tuple(ids),
                clauses=clause_links(corpus, tuple(ids), heading),
                entry=Target(GLOSSARY_PAGE, term.id if lang == "zh" else anchors[en]),
            )
            for en, ids in wordings.items()
        )
        cards.append(Card(id=term.id, zh=term.zh, pinyin=term.toned, renderings=renderings))
    return cards
