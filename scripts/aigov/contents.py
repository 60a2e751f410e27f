"""A page's contents list (the theme's table of contents): the headings a reader sees.

A heading folded in a <details> element (a document's official sources, under "About this
document") is left out. The theme measures every listed heading as each page loads, and
measuring one in a closed fold makes the browser lay the fold out first (on a document page,
40 to 60 ms of style and layout at a phone's width, traced in Chromium); the position it gets
is not where the reader is, so the theme could mark it as the heading being read.
"""

from __future__ import annotations

import copy
from html.parser import HTMLParser

from mkdocs.structure.toc import AnchorLink, TableOfContents

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _FoldedHeadings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.depth += 1
        elif tag in _HEADINGS and self.depth:
            anchor = dict(attrs).get("id")
            if anchor:
                self.ids.add(anchor)

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self.depth:
            self.depth -= 1


def folded_heading_ids(html: str) -> set[str]:
    """The ids of the headings inside a <details> element of a page's HTML."""
    parser = _FoldedHeadings()
    parser.feed(html)
    parser.close()
    return parser.ids


def _without(links: list[AnchorLink], anchors: set[str]) -> list[AnchorLink]:
    kept = []
    for link in links:
        if link.id in anchors:
            continue
        entry = copy.copy(link)
        entry.children = _without(link.children, anchors)
        kept.append(entry)
    return kept


def contents_without(toc: TableOfContents, anchors: set[str]) -> TableOfContents:
    """The contents list without the entries for those anchors, nor those under them."""
    return TableOfContents(_without(list(toc), anchors))
