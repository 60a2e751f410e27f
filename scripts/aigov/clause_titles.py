"""The short title of every clause (data/clause-titles.yml): the source's own where it gives
one, taken from the text, otherwise the editors' own, marked as editorial where it is shown."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clauses import Block
from .corpus import LANGUAGES, Corpus
from .labels import clause_code
from .schema import FieldError, located, parse_entries

CLAUSE_TITLES_FILE = "clause-titles.yml"

# An item's or heading's number as the sources write it: "1. ", "一、", "（一）".
_NUMBER = re.compile(r"^(\d+\.\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
# A first sentence: up to the first full stop ("." before a space, or "。").
_FIRST_SENTENCE = re.compile(r"^(?P<sentence>.+?)(\.\s|。)")
_LONGEST_SOURCE_TITLE = 80  # characters: longer, the "first sentence" is not a title


@dataclass(frozen=True)
class ClauseTitle:
    """A clause's short title in each language, and whether the editors wrote it."""

    clause: str
    text: Mapping[str, str]
    editorial: bool


def unnumbered(text: str) -> str:
    """A title without the number the source puts before it."""
    return _NUMBER.sub("", text.strip(), count=1)


def first_sentence_title(block: Block) -> str:
    """A numbered item's title: its first sentence, without its number and full stop."""
    text = block.text.strip()
    match = _FIRST_SENTENCE.match(unnumbered(text))
    if not _NUMBER.match(text) or not match or len(match.group("sentence")) > _LONGEST_SOURCE_TITLE:
        raise FieldError(["source"], f"'{block.id}' does not open with a number and a title sentence")
    return match.group("sentence")


def heading_title(corpus: Corpus, clause_id: str, lang: str) -> str:
    """The title of the heading that heads this clause alone, without its number."""
    blocks = corpus.document_of(clause_id).versions[lang].blocks
    index = next(index for index, block in enumerate(blocks) if block.id == clause_id)
    alone = index + 1 == len(blocks) or blocks[index + 1].is_heading
    if index == 0 or not blocks[index - 1].is_heading or not alone:
        raise FieldError(["source"], f"'{clause_id}' has no heading of its own just before it")
    return unnumbered(blocks[index - 1].text)


def parse_clause_title(entry: dict[str, Any], corpus: Corpus) -> ClauseTitle:
    """One entry, shaped as data/clause-titles.schema.json says, checked against the corpus. Raises FieldError."""
    clause_id = entry["clause"]
    if not corpus.has_block(clause_id):
        raise FieldError(["clause"], f"unknown clause '{clause_id}'")
    if corpus.block(clause_id, LANGUAGES[0]).is_heading:
        raise FieldError(["clause"], f"'{clause_id}' is a heading, not a clause")
    if ("source" in entry) == ("editorial" in entry):
        given = "both" if "source" in entry else "neither"
        raise FieldError([], f"'{clause_id}' needs either 'source' or 'editorial', not {given}")
    if "editorial" in entry:
        return ClauseTitle(clause=clause_id, text=dict(entry["editorial"]), editorial=True)
    if entry["source"] == "heading":
        text = {lang: heading_title(corpus, clause_id, lang) for lang in LANGUAGES}
    else:
        text = {lang: first_sentence_title(corpus.block(clause_id, lang)) for lang in LANGUAGES}
    return ClauseTitle(clause=clause_id, text=text, editorial=False)


def load_clause_titles(path: Path, corpus: Corpus) -> dict[str, ClauseTitle]:
    """Every clause's title by clause id; an unknown clause, or a clause without a title, fails
    with a DataError naming the file, the line and the clause."""
    titles = parse_entries(
        path, "clause-titles", "titles", "clause", lambda entry: parse_clause_title(entry, corpus), "already has a title"
    )
    by_clause = {title.clause: title for title in titles}
    for document in corpus.by_date:
        for clause_id in document.aligned.clause_ids:
            if clause_id not in by_clause:
                raise located(path, "titles", [], f"clause '{clause_id}' ({document.info.slug}) has no title")
    return by_clause


@dataclass(frozen=True)
class ClauseLabel:
    """How a page in one language names a clause: its title as shown (an editorial one set
    apart as the strings say) and its entry in the contents list."""

    title: str
    editorial: bool
    toc_label: str


def clause_labels(titles: Mapping[str, ClauseTitle], lang: str, strings: Mapping[str, Any]) -> dict[str, ClauseLabel]:
    """Each clause's label on a page in `lang`, by clause id."""
    words = strings["reader"]
    labels = {}
    for clause_id, title in titles.items():
        shown = words["editorial_title"].format(clause_title=title.text[lang]) if title.editorial else title.text[lang]
        toc_label = words["toc_label"].format(code=clause_code(clause_id), clause_title=shown)
        labels[clause_id] = ClauseLabel(title=shown, editorial=title.editorial, toc_label=toc_label)
    return labels
