"""The site's own scripts and style sheets as published: without their comments and spaces. The
sources under overrides/ keep their comments for whoever maintains them; a reader's first visit
loads neither (about 8 KiB gzip less on a document page). Vendored files stay as they come.
A page's HTML is published without the indentation and blank lines its templates leave between
tags (about 0.5 KiB gzip less on a document page)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

ASSETS_DIR = "assets"
VENDOR_DIR = "vendor"
MINIFIERS: dict[str, Callable[[str], str]] = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified(text: str, suffix: str) -> str:
    """`text`, a script (.js) or a style sheet (.css), without comments and needless spaces."""
    return MINIFIERS[suffix](text).strip() + "\n"


def own_assets(custom_dir: Path) -> list[Path]:
    """The site's own scripts and style sheets, relative to the theme's custom_dir (overrides/)."""
    return sorted(
        path.relative_to(custom_dir)
        for path in (custom_dir / ASSETS_DIR).rglob("*")
        if path.suffix in MINIFIERS and VENDOR_DIR not in path.relative_to(custom_dir).parts
    )


def minify_assets(site_dir: Path, custom_dir: Path) -> list[Path]:
    """Replace each of the site's own assets that the build copied into `site_dir` by its
    minified source; the paths replaced. The source is read, not the copy: minifying is done
    once, however many language builds have copied the file."""
    replaced = []
    for relative in own_assets(custom_dir):
        published = site_dir / relative
        if published.is_file():
            source = (custom_dir / relative).read_text(encoding="utf-8")
            published.write_text(minified(source, relative.suffix), encoding="utf-8")
            replaced.append(relative)
    return replaced


# Elements whose text is kept as written: white space may show there (pre, textarea, code and
# kbd are pre-wrap in the theme) or be part of a script or a style sheet.
_AS_WRITTEN = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.S | re.I)
_BETWEEN_TAGS = re.compile(r"(?<=>)[ \t\r\n\f]*\n[ \t\r\n\f]*(?=<)")


def without_template_indentation(html: str) -> str:
    """A page's HTML with each run of white space between two tags that holds a line break cut
    to that line break: the browser shows any such run as one space, or none. Attribute values,
    text and the elements kept as written are left alone."""
    kept = [(element.start(), element.end()) for element in _AS_WRITTEN.finditer(html)]
    starts = [start for start, _ in kept]

    def cut(run: re.Match[str]) -> str:
        at = bisect.bisect_right(starts, run.start()) - 1
        inside = at >= 0 and run.start() < kept[at][1]
        return run.group(0) if inside else "\n"

    return _BETWEEN_TAGS.sub(cut, html)
