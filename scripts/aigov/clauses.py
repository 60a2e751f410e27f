"""Parse a document's Markdown source into clauses and headings, and pair two versions.

A document source is plain Markdown: a `# Title`, then blocks separated by blank
lines. A clause is a paragraph whose last line is its id in attr_list syntax
(`{ #gap-10 }`); a heading is `## Text { #shd-s1 }`. Nothing else is allowed, so
that every sentence of the text belongs to exactly one identified block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID_LINE = re.compile(r"^\{ #([a-z0-9-]+) \}$")
_HEADING = re.compile(r"^(#{2,6}) (.+) \{ #([a-z0-9-]+) \}$")
_TITLE = re.compile(r"^# (.+)$")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


class DocumentError(ValueError):
    """A document source breaks the clause format; the message names file and clause."""


@dataclass(frozen=True)
class Block:
    """A clause or a heading of one language version, in Markdown."""

    id: str
    markdown: str
    heading_level: int = 0

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
    """Parse a document source; every block id must start with `prefix-`."""
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", source.strip()) if chunk.strip()]
    if not chunks or not (title := _TITLE.match(chunks[0])):
        raise DocumentError(f"{path}: the first line must be the document title '# ...'")
    blocks: list[Block] = []
    seen: set[str] = set()
    for chunk in chunks[1:]:
        block = _parse_block(chunk, path)
        if not block.id.startswith(f"{prefix}-"):
            raise DocumentError(f"{path}: clause '{block.id}' does not start with '{prefix}-'")
        if block.id in seen:
            raise DocumentError(f"{path}: duplicate clause id '{block.id}'")
        seen.add(block.id)
        blocks.append(block)
    return Document(path=path, title=title.group(1), blocks=tuple(blocks))


def _parse_block(chunk: str, path: str) -> Block:
    lines = chunk.splitlines()
    if heading := _HEADING.match(chunk):
        return Block(id=heading.group(3), markdown=heading.group(2), heading_level=len(heading.group(1)))
    id_line = _ID_LINE.match(lines[-1])
    if len(lines) < 2 or not id_line:
        preview = lines[0][:60]
        raise DocumentError(f"{path}: paragraph without a clause id line '{{ #id }}': {preview!r}")
    return Block(id=id_line.group(1), markdown="\n".join(lines[:-1]))


def pair_versions(primary: Document, secondary: Document) -> list[Row]:
    """Pair the blocks of two versions by id; both must hold the same ids in the same order."""
    secondary_ids = [block.id for block in secondary.blocks]
    primary_ids = [block.id for block in primary.blocks]
    for block_id in primary_ids:
        if block_id not in secondary_ids:
            raise DocumentError(f"{secondary.path}: clause '{block_id}' is missing (it is in {primary.path})")
    for block_id in secondary_ids:
        if block_id not in primary_ids:
            raise DocumentError(f"{primary.path}: clause '{block_id}' is missing (it is in {secondary.path})")
    if primary_ids != secondary_ids:
        misplaced = next(a for a, b in zip(primary_ids, secondary_ids) if a != b)
        raise DocumentError(f"{secondary.path}: clause '{misplaced}' is out of order compared with {primary.path}")
    rows = []
    for first, second in zip(primary.blocks, secondary.blocks):
        if first.heading_level != second.heading_level:
            raise DocumentError(f"{secondary.path}: '{first.id}' is a heading in one version only")
        rows.append(Row(primary=first, secondary=second))
    return rows
