"""Internal links: the views name where a link goes (a page's source file and an anchor), and
MkDocs turns that into a URL relative to the page being built. The same templates so give
directory URLs online (`../../themes/open-source/`) and file URLs in the offline copy
(`../themes/open-source.html`), and moving a page is a change to `nav` alone."""

from __future__ import annotations

from dataclasses import dataclass, replace

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from .corpus import DocumentInfo

# Pages that editorial links lead to, as docs/ names them without their language suffix.
THEMES_PAGE = "themes.md"
TIMELINE_PAGE = "timeline.md"
COMPARE_DIR = "compare"  # one comparison page per document: compare/<slug>.md


@dataclass(frozen=True)
class Target:
    """Where an internal link goes: a page's source file in docs/ without its language suffix
    (`documents/shanghai-declaration.md`), and an anchor on it, if any."""

    page: str
    anchor: str = ""

    def at(self, anchor: str) -> Target:
        """The same page, at `anchor`."""
        return replace(self, anchor=anchor)


@dataclass(frozen=True)
class Link:
    """An editorial link: where it goes and what it says."""

    target: Target
    label: str


def document_target(info: DocumentInfo, anchor: str = "") -> Target:
    """A document's page, or a clause on it."""
    return Target(info.src_uri, anchor)


def compare_target(info: DocumentInfo, clause_id: str) -> Target:
    """A clause's comparison with its related clauses, on its document's comparison page."""
    return Target(f"{COMPARE_DIR}/{info.slug}.md", clause_id)


def resolve(target: Target, files: Files, page_url: str) -> str:
    """The URL of `target` from the page at `page_url`, as MkDocs writes it: `files` are those of
    the language being built (mkdocs-static-i18n finds `documents/x.md` as `documents/x.zh.md`
    in the Chinese build). An unknown page fails the build, naming it."""
    file = files.get_file_from_path(target.page)
    if file is None or not file.is_documentation_page():
        raise PluginError(f"a link leads to '{target.page}', which is no page of docs/ in this language")
    url = get_relative_url(file.url, page_url)
    return f"{url}#{target.anchor}" if target.anchor else url
