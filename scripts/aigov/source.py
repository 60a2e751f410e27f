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
_CONTEXT = 2  # characters shown around a typography change
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


def source_line(line: str) -> str:
    """A line of the extraction as text: without markup markers and surrounding space."""
    return _BOLD.sub(r"\1", _MARKERS.sub("", line.strip())).strip()


def source_paragraphs(seed: str, first_line: int, last_line: int) -> list[str]:
    """The non-empty lines of a 1-based inclusive range, without markup markers."""
    return [text for _, text in numbered_paragraphs(seed, first_line, last_line)]


def numbered_paragraphs(seed: str, first_line: int, last_line: int) -> list[tuple[int, str]]:
    """The non-empty lines of a 1-based inclusive range with their line numbers."""
    lines = seed.splitlines()[first_line - 1 : last_line]
    numbered = ((first_line + offset, source_line(line)) for offset, line in enumerate(lines))
    return [(number, text) for number, text in numbered if text]


def version_ranges(seed: str, titles: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Where each version lies, found from the text itself: from the line that is its title to
    the line before the next version's title, the last one to the end of the file (whether or
    not the file ends with a line break). `titles` are (name, title) pairs in file order."""
    lines = [source_line(line) for line in seed.splitlines()]
    starts = []
    position = 0
    for name, title in titles:
        if title not in lines[position:]:
            raise SourceError(f"{name}: the title {title!r} is not a line of the source after line {position}")
        position = lines.index(title, position) + 1
        starts.append(position)
    ends = [start - 1 for start in starts[1:]] + [len(lines)]
    return list(zip(starts, ends))


def apply_repairs(paragraphs: list[str], repairs: list[Repair]) -> list[str]:
    """Apply each listed repair once; each `before` must occur exactly once."""
    return trace_repairs(paragraphs, repairs)[0]


def trace_repairs(paragraphs: list[str], repairs: list[Repair]) -> tuple[list[str], list[int]]:
    """Apply the repairs in order; also say, for each, which repaired paragraph it landed in.

    Every character remembers the extracted paragraph it came from, so that a repair is placed
    by where its `before` was found, not by where its `after` happens to occur again.
    """
    text, origin, found_in = _trace(paragraphs, repairs)
    repaired_index: dict[int, int] = {}
    paragraph = 0
    for char, source in zip(text, origin):
        if char == PARAGRAPH_BREAK:
            paragraph += 1
        else:
            repaired_index.setdefault(source, paragraph)
    return text.split(PARAGRAPH_BREAK), [repaired_index[source] for source in found_in]


def repaired_origins(paragraphs: list[str], repairs: list[Repair]) -> list[int]:
    """For each repaired paragraph, the extracted paragraph its first character came from."""
    text, origin, _ = _trace(paragraphs, repairs)
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == PARAGRAPH_BREAK]
    return [origin[start] if start < len(origin) else origin[-1] for start in starts]


def _trace(paragraphs: list[str], repairs: list[Repair]) -> tuple[str, list[int], list[int]]:
    """The repaired text, the extracted paragraph of each of its characters, and the extracted
    paragraph where each repair's `before` was found."""
    text = PARAGRAPH_BREAK.join(paragraphs)
    origin = [index for index, paragraph in enumerate(paragraphs) for _ in paragraph + PARAGRAPH_BREAK][: len(text)]
    found_in = []
    for repair in repairs:
        found = text.count(repair.before)
        if found != 1:
            raise SourceError(
                f"repair for {repair.clause} ({repair.lang}) expects {repair.before!r} once in the source, found it {found} times"
            )
        start = text.index(repair.before)
        end = start + len(repair.before)
        found_in.append(origin[start])
        text = text[:start] + repair.after + text[end:]
        origin = origin[:start] + [origin[start]] * len(repair.after) + origin[end:]
    return text, origin, found_in


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


def typography_changes(paragraph: str) -> list[Change]:
    """Every change `chinese_typography` makes to a paragraph, with two characters of context;
    changes whose contexts touch are one change, so that "(八)中方" is listed once."""
    after = chinese_typography(paragraph)
    matcher = difflib.SequenceMatcher(a=paragraph, b=after, autojunk=False)
    edits = [opcode for opcode in matcher.get_opcodes() if opcode[0] != "equal"]
    groups: list[list[tuple[str, int, int, int, int]]] = []
    for edit in edits:
        if groups and edit[1] - groups[-1][-1][2] <= 2 * _CONTEXT:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    changes = []
    for group in groups:
        a_from, b_from = max(group[0][1] - _CONTEXT, 0), max(group[0][3] - _CONTEXT, 0)
        changes.append(Change(paragraph[a_from : group[-1][2] + _CONTEXT], after[b_from : group[-1][4] + _CONTEXT]))
    return changes


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, for the in-order fidelity check."""
    pieces = re.split(r"(?<=[。！？；])|(?<=[.!?;:])\s+", text)
    return [piece.strip() for piece in pieces if piece and piece.strip()]
