"""Derive the published paragraphs of each document from the extracted source text.

The pipeline is the documented repair of extraction damage, and nothing more:
heading and list markers are dropped (they carry no meaning in the extraction),
the listed repairs are applied in order, and Chinese text gets full-width
punctuation without stray spaces. Tests use it to check the Markdown sources
against the source; the editorial-notes page uses it to list every repair.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

PARAGRAPH_BREAK = "\n"

_MARKERS = re.compile(r"^(?:#+|-)\s+")
_BOLD = re.compile(r"^\*\*(.*)\*\*$")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef《》“”—"
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})


@dataclass(frozen=True)
class Repair:
    """One listed repair: `before` is replaced by `after` in one version of one document."""

    document: str
    lang: str
    clause: str
    kind: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    """One difference between the extracted and the published text of a paragraph."""

    before: str
    after: str


class SourceError(ValueError):
    """The source text does not match what the repairs or the metadata expect."""


def source_paragraphs(seed: str, first_line: int, last_line: int) -> list[str]:
    """The non-empty lines of a 1-based inclusive range, without markup markers."""
    paragraphs = []
    for line in seed.splitlines()[first_line - 1 : last_line]:
        text = _MARKERS.sub("", line.strip())
        text = _BOLD.sub(r"\1", text).strip()
        if text:
            paragraphs.append(text)
    return paragraphs


def apply_repairs(paragraphs: list[str], repairs: list[Repair]) -> list[str]:
    """Apply each listed repair once; each `before` must occur exactly once."""
    text = PARAGRAPH_BREAK.join(paragraphs)
    for repair in repairs:
        found = text.count(repair.before)
        if found != 1:
            raise SourceError(
                f"repair for {repair.clause} ({repair.lang}) expects {repair.before!r} "
                f"once in the source, found it {found} times"
            )
        text = text.replace(repair.before, repair.after)
    return text.split(PARAGRAPH_BREAK)


def chinese_typography(text: str) -> str:
    """Full-width punctuation and no spaces, as official Chinese typography has it."""
    text = text.translate(_HALF_TO_FULL)
    text = _curly_quotes(text)
    return _SPACE_IN_CHINESE.sub("", text)


def _curly_quotes(text: str) -> str:
    parts = text.split('"')
    if len(parts) % 2 == 0:
        raise SourceError(f"unbalanced straight quotes in {text[:40]!r}")
    quoted = [part if index % 2 == 0 else f"“{part}”" for index, part in enumerate(parts)]
    return "".join(quoted)


def published_paragraphs(
    seed: str, first_line: int, last_line: int, lang: str, repairs: list[Repair]
) -> list[str]:
    """The paragraphs of one version of a document as they must be published."""
    paragraphs = apply_repairs(source_paragraphs(seed, first_line, last_line), repairs)
    if lang == "zh":
        paragraphs = [chinese_typography(paragraph) for paragraph in paragraphs]
    return paragraphs


def typography_changes(paragraph: str) -> list[Change]:
    """Every change `chinese_typography` makes to a paragraph, with a little context."""
    after = chinese_typography(paragraph)
    matcher = difflib.SequenceMatcher(a=paragraph, b=after, autojunk=False)
    changes = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        a_from, b_from = max(a_start - 2, 0), max(b_start - 2, 0)
        changes.append(Change(paragraph[a_from : a_end + 2], after[b_from : b_end + 2]))
    return changes


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, for the in-order fidelity check."""
    pieces = re.split(r"(?<=[。！？；])|(?<=[.!?;:])\s+", text)
    return [piece.strip() for piece in pieces if piece and piece.strip()]
