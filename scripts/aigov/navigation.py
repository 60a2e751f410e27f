"""What mkdocs.yml's navigation must agree with: mkdocs-static-i18n translates a navigation
title only when a `nav_translations` key spells it exactly, and ignores any other key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
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


# A feature that Material reads: `"name" in features` in its templates, or the name as a string
# in its bundle (`V("search.highlight")`); theme features are dotted names of these families.
_TEMPLATE_FEATURE = re.compile(r"""["']([a-z]+(?:\.[a-z]+)+)["'] in features""")
_BUNDLE_FEATURE = re.compile(r'"(?!search\.result)((?:announce|content|header|navigation|search|toc)(?:\.[a-z]+)+)"')


def theme_features(theme_dir: Path) -> set[str]:
    """The feature names Material's templates and bundle look for."""
    found: set[str] = set()
    for path in theme_dir.rglob("*.html"):
        found |= set(_TEMPLATE_FEATURE.findall(path.read_text(encoding="utf-8")))
    for path in (theme_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        found |= set(_BUNDLE_FEATURE.findall(path.read_text(encoding="utf-8")))
    return found


def unknown_theme_features(features: list[str], known: set[str]) -> list[str]:
    """The features of mkdocs.yml's `theme.features` that the theme never looks for (a misspelt
    one is silently off), in the order written."""
    return [feature for feature in features if feature not in known]
