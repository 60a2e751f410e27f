"""The date the sitemap gives every page: the day of the commit built, so that two builds of
one commit give the same sitemap and no page claims the build day as its change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def commit_day(project: Path) -> str | None:
    """The UTC day (YYYY-MM-DD) of the commit checked out in `project`, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": "UTC"},
            check=False,
        )
    except OSError:
        return None
    day = result.stdout.strip()
    return day if result.returncode == 0 and day else None
