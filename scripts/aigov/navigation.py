"""What mkdocs.yml's navigation must agree with: mkdocs-static-i18n translates a navigation
title only when a `nav_translations` key spells it exactly, and ignores any other key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def nav_titles(nav: Any) -> set[str]:
    """Every title of a navigation as mkdocs.yml writes it (`- Documents: [...]`), at any depth."""
    titles: set[str] = set()
    if isinstance(nav, list):
        for item in nav:
            titles |= nav_titles(item)
    elif isinstance(nav, Mapping):
        for title, children in nav.items():
            titles.add(str(title))
            titles |= nav_titles(children)
    return titles


def unknown_nav_translations(nav: Any, translations: Mapping[str, str] | None) -> list[str]:
    """The `nav_translations` keys that name no title of `nav`, in the order written."""
    titles = nav_titles(nav)
    return [key for key in translations or {} if key not in titles]
