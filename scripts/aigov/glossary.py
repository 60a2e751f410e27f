"""The bilingual glossary: checked against the clauses it cites, sorted for its page, and the
glossary terms of a clause marked up so that each shows its counterpart."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .clauses import Block
from .corpus import Corpus, CorpusDocument
from .labels import clause_code
from .links import Link, document_target
from .schema import FieldError, parse_entries

GLOSSARY_FILE = "glossary.yml"


@dataclass(frozen=True)
class Rendering:
    """An English rendering of a term and the clauses whose English text uses it."""

    en: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A Chinese term, its pinyin (for sorting) and its English renderings."""

    zh: str
    pinyin: str
    renderings: tuple[Rendering, ...]


@dataclass(frozen=True)
class Counterpart:
    """On the glossary page: a rendering in the other language and where it is used."""

    text: str
    pinyin: str
    clauses: tuple[Link, ...]


@dataclass(frozen=True)
class Entry:
    """A line of the glossary page: a term in the page's language and its counterparts."""

    text: str
    pinyin: str
    counterparts: tuple[Counterpart, ...]


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
    return Term(zh=zh, pinyin=entry["pinyin"], renderings=tuple(parsed))


def load_glossary(path: Path, corpus: Mapping[str, CorpusDocument]) -> list[Term]:
    """The terms of `path`; bad input raises DataError naming the file, the line and the field."""
    texts = clause_texts(corpus)
    return parse_entries(path, "glossary", "terms", "zh", lambda entry: parse_term(entry, texts), "is already a term")


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


def glossary_entries(terms: Sequence[Term], corpus: Corpus, lang: str, heading: str) -> list[Entry]:
    """The glossary page's lines: Chinese terms in pinyin order, or English renderings in
    alphabetical order (a rendering shared by two terms is one line with both). `heading`
    words the place of a term used in a heading."""

    def links(clauses: tuple[str, ...]) -> tuple[Link, ...]:
        return tuple(
            Link(target=document_target(corpus.document_of(id_).info, id_), label=place_label(corpus, id_, heading))
            for id_ in clauses
        )

    if lang == "zh":
        return [
            Entry(
                text=term.zh,
                pinyin=term.pinyin,
                counterparts=tuple(Counterpart(text=r.en, pinyin="", clauses=links(r.clauses)) for r in term.renderings),
            )
            for term in sorted(terms, key=lambda term: (pinyin_key(term.pinyin), term.zh))
        ]
    by_rendering: dict[str, list[Counterpart]] = {}
    for term in sorted(terms, key=lambda term: pinyin_key(term.pinyin)):
        for rendering in term.renderings:
            counterpart = Counterpart(text=term.zh, pinyin=term.pinyin, clauses=links(rendering.clauses))
            by_rendering.setdefault(rendering.en, []).append(counterpart)
    return [
        Entry(text=en, pinyin="", counterparts=tuple(by_rendering[en]))
        for en in sorted(by_rendering, key=lambda en: (en.casefold(), en))
    ]


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


def mark_terms(text: str, glosses: dict[str, str], lang: str, escape: bool) -> str:
    """`text` with the first occurrence of each glossed phrase wrapped, unchanged, in a focusable
    <abbr> whose title is its counterpart (once per block: every occurrence would be a tab stop);
    longer phrases win where two overlap.

    `escape` HTML-escapes the rest of the text, for a plain-text block rendered as HTML."""
    found: list[tuple[int, int, str]] = []
    for phrase in sorted(glosses, key=len, reverse=True):
        for match in phrase_pattern(phrase, lang).finditer(text):
            if all(match.end() <= start or match.start() >= end for start, end, _ in found):
                found.append((match.start(), match.end(), glosses[phrase]))
                break
    plain = html.escape if escape else str
    pieces, position = [], 0
    for start, end, title in sorted(found):
        pieces.append(plain(text[position:start]))
        pieces.append(f'<abbr class="glossary-term" title="{html.escape(title)}" tabindex="0">{plain(text[start:end])}</abbr>')
        position = end
    pieces.append(plain(text[position:]))
    return "".join(pieces)


def glossed(terms: Sequence[Term], block: Block, lang: str, as_html: bool = False) -> Markup:
    """A block's Markdown, or its text as HTML, with its glossary terms showing their counterparts:
    markup the code built, which a template puts in as it is."""
    source = block.text if as_html else block.markdown
    return Markup(mark_terms(source, clause_glosses(terms, block.id, lang), lang, escape=as_html))
