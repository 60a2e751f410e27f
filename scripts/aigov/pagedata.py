"""What a document page's first visit does not need, published beside the page as a script
(documents/x/index.page-data.js) that the page's scripts load the first time the reader asks
for it: the term cards (Terms on: term-cards.js) and the cite dialog's body and entries (Cite:
cite.js). A script, not JSON: the offline copy's pages, opened from file://, may load a script
but not fetch a file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from .citation import script_json

PAGE_DATA_SUFFIX = ".page-data.js"
# reader.js reads the data from this global once the script has run.
PAGE_DATA_PREFIX = "window.aigovPageData = "
PAGE_DATA_END = ";\n"


def page_data_path(dest_uri: str) -> str:
    """The page data's place, beside its page: documents/x/index.html gives
    documents/x/index.page-data.js; the offline copy's documents/x.html, documents/x.page-data.js."""
    return str(PurePosixPath(dest_uri).with_suffix(PAGE_DATA_SUFFIX))


def page_data_script(cards: str, cite_dialog: str, citations: Mapping[str, Any]) -> str:
    """The script that hands a page its term cards and its cite dialog's body (HTML), and its
    citations (by clause id)."""
    data = {"cards": cards, "cite_dialog": cite_dialog, "citations": citations}
    return PAGE_DATA_PREFIX + script_json(data) + PAGE_DATA_END


def read_page_data(script: str) -> dict[str, Any]:
    """The data of a page data script, as page_data_script wrote it."""
    if not (script.startswith(PAGE_DATA_PREFIX) and script.endswith(PAGE_DATA_END)):
        raise ValueError("not a page data script")
    data: dict[str, Any] = json.loads(script[len(PAGE_DATA_PREFIX) : -len(PAGE_DATA_END)])
    return data
