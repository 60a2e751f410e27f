"""What the offline copy leaves out of the theme's files: what none of its pages, scripts or
style sheets reaches (tests/test_offline.py checks that every file left is reached)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

# The search worker imports Lunr's language scripts (and wordcut.js, tinyseg.js) for the setup's
# languages but English; material-search.js sets English alone, so it imports none of them.
LUNR_DIR = "assets/javascripts/lunr"
# Pages opened from file:// read the index inlined as search/search_index.js, never the JSON.
SECOND_INDEX = "search/search_index.json"
# The single files inline their style sheet; no page of the copy links it.
INLINED_STYLESHEET = "assets/stylesheets/single-document.css"
# The theme's default icon, which mkdocs.yml replaces (theme.favicon).
DEFAULT_FAVICON = "assets/images/favicon.png"
# Source maps serve only the browser's developer tools; their comments would name missing files.
SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)\s*$")


def prune_offline_copy(site_dir: Path) -> list[str]:
    """Remove from a built offline copy the files it never uses; the removed paths, sorted."""
    removed = []
    if (site_dir / LUNR_DIR).is_dir():
        removed += [path.relative_to(site_dir).as_posix() for path in (site_dir / LUNR_DIR).rglob("*") if path.is_file()]
        shutil.rmtree(site_dir / LUNR_DIR)
    for path in [site_dir / SECOND_INDEX, site_dir / INLINED_STYLESHEET, site_dir / DEFAULT_FAVICON, *site_dir.rglob("*.map")]:
        if path.is_file():
            removed.append(path.relative_to(site_dir).as_posix())
            path.unlink()
    for path in [*site_dir.rglob("*.js"), *site_dir.rglob("*.css")]:
        content = path.read_bytes()
        if (stripped := SOURCE_MAP_COMMENT.sub(b"", content)) != content:
            path.write_bytes(stripped + b"\n")
    return sorted(removed)
