"""What a document page publishes beside itself, read as its scripts read it: the page data
(scripts/aigov/pagedata.py), named by the page's .page-data element."""

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from aigov.pagedata import read_page_data


def page_data(page: Path) -> dict[str, Any]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return read_page_data((page.parent / soup.select_one(".page-data")["data-src"]).read_text(encoding="utf-8"))


def term_cards(page: Path) -> BeautifulSoup:
    """A document page's term cards, as HTML."""
    return BeautifulSoup(page_data(page)["cards"], "html.parser")


def cite_dialog(page: Path) -> BeautifulSoup:
    """A document page's cite dialog as its first Cite fills it: the dialog with its body."""
    return BeautifulSoup(f'<dialog id="cite-dialog">{page_data(page)["cite_dialog"]}</dialog>', "html.parser")
