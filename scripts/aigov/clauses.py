"""Parse a document's Markdown source into clauses and headings, and pair two versions.

A document source is plain Markdown: a `# Title`, then blocks separated by blank
lines. A clause is a paragraph whose last line is its id in attr_list syntax
(`{ #gap-10 }`); a heading is `## Text { #shd-s1 }`. Nothing else is allowed, so
that every sentence of the text belongs to exactly one identified block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ID_LINE = re.compile(r"^\{ #([a-z0-9-]+) \}$")
_HEADING = re.compile(r"^(#{2,6}) (.+) \{ #([a-z0-9-]+) \}$")
_TITLE = re.compile(r"^# (.+)$")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
# Raw HTML (a tag, a comment, a character reference): the official texts hold none, and Markdown
# would pass it to the page as it is.
_RAW_HTML = re.compile(r"<[A-Za-z/!?]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_CHUNK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


class DocumentError(ValueError):
    """A document source breaks the clause format; the message names file and clause."""


@dataclass(frozen=True)
class Block:
    """A clause or a heading of one language version, in Markdown."""

    id: str
    markdown: str
    heading_level: int = 0
    line: int = field(default=0, compare=False)  # where the block starts in its file, for messages

    @property
    def is_heading(self) -> bool:
        return self.heading_level > 0

    @property
    def text(self) -> str:
        """The text without Markdown escapes, as a reader sees it."""
        return _MARKDOWN_ESCAPE.sub(r"\1", self.markdown)


@dataclass(frozen=True)
class Document:
    """One language version of a document."""

    path: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def clause_ids(self) -> list[str]:
        return [block.id for block in self.blocks if not block.is_heading]


@dataclass(frozen=True)
class Row:
    """A clause or heading in the page's language and its counterpart."""

    primary: Block
    secondary: Block


def parse_document(source: str, path: str, prefix: str) -> Document:
    """Parse a document source; every block id must start with `prefix-`. Errors name the file
    and the line, `docs/documents/x.en.md:12: ...`."""
    chunks = [(source.count("\n", 0, match.start()) + 1, match.group().strip()) for match in _CHUNK.finditer(source)]
    if not chunks or not (title := _TITLE.match(chunks[0][1])):
        raise DocumentError(f"{path}:1: the first line must be the document title '# ...'")
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    for line, chunk in chunks[1:]:
        block = _parse_block(chunk, path, line)
        if block.id in seen:
            raise DocumentError(f"{path}:{line}: duplicate clause id '{block.id}' (first at line {seen[block.id]})")
        if not block.id.startswith(f"{prefix}-"):
            raise DocumentError(f"{path}:{line}: clause '{block.id}' does not start with '{prefix}-', the id of this document")
        seen[block.id] = line
        blocks.append(block)
    return Document(path=path, title=title.group(1), blocks=tuple(blocks))


def _parse_block(chunk: str, path: str, line: int) -> Block:
    """A paragraph starting at `line` of `path`: a heading, or a clause ending with its id line."""
    lines = chunk.splitlines()
    if heading := _HEADING.match(lines[0]):
        if len(lines) > 1:
            raise DocumentError(f"{path}:{line}: no blank line after the heading '{heading.group(3)}'")
        return Block(id=heading.group(3), markdown=heading.group(2), heading_level=len(heading.group(1)), line=line)
    id_line = _ID_LINE.match(lines[-1])
    if len(lines) < 2 or not id_line:
        raise DocumentError(f"{path}:{line}: paragraph without a clause id line '{{ #id }}': {lines[0][:60]!r}")
    for offset, text in enumerate(lines[:-1]):
        if inner := _ID_LINE.match(text):
            raise DocumentError(
                f"{path}:{line + offset}: no blank line after clause '{inner.group(1)}': "
                f"the next paragraph runs into it, up to '{{ #{id_line.group(1)} }}'"
            )
        if _HEADING.match(text):
            raise DocumentError(f"{path}:{line + offset}: no blank line before the heading {text!r}")
    markdown = "\n".join(lines[:-1])
    if raw := _RAW_HTML.search(markdown):
        raise DocumentError(
            f"{path}:{line + markdown.count(chr(10), 0, raw.start())}: clause '{id_line.group(1)}' holds raw HTML "
            f"{markdown[raw.start() : raw.start() + 20]!r}: the official texts have none"
        )
    return Block(id=id_line.group(1), markdown=markdown, line=line)


def pair_versions(primary: Document, secondary: Document) -> list[Row]:
    """Pair the blocks of two versions by id; both must hold the same ids in the same order."""
    for has, lacks in ((primary, secondary), (secondary, primary)):
        ids = {block.id for block in lacks.blocks}
        if missing := next((block for block in has.blocks if block.id not in ids), None):
            raise DocumentError(f"{lacks.path}: clause '{missing.id}' is missing; {has.path}:{missing.line} has it")
    for first, second in zip(primary.blocks, secondary.blocks):
        if first.id != second.id:
            raise DocumentError(
                f"{secondary.path}:{second.line}: clause '{second.id}' is out of order: "
                f"{primary.path}:{first.line} has '{first.id}' in its place"
            )
        if first.heading_level != second.heading_level:
            raise DocumentError(f"{secondary.path}:{second.line}: '{first.id}' is a heading in one version only")
    return [Row(primary=first, secondary=second) for first, second in zip(primary.blocks, secondary.blocks)]
