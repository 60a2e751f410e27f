"""The mutation catalogue (scripts/mutations.py): every wrong edit of one input is refused by the
schema, the build or a test. The whole run takes minutes: it is marked slow, and runs in CI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from mutations import CATALOGUE, SCHEMAS

# The kinds of input the catalogue must break, each at least once.
KINDS = {
    "data key",
    "data date",
    "data id",
    "data text",
    "repair id",
    "theme id",
    "string",
    "mkdocs.yml",
    "URL",
    "raw HTML",
    "script",
    "clause text",
    "clause order",
    "clause id",
}


def test_the_catalogue_breaks_every_kind_of_input_in_every_data_file():
    assert len(CATALOGUE) >= 60
    assert {mutation.kind for mutation in CATALOGUE} == KINDS
    assert set(SCHEMAS) <= {mutation.file for mutation in CATALOGUE}
    assert len({mutation.name for mutation in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.parametrize("mutation", CATALOGUE, ids=lambda mutation: mutation.name)
def test_each_mutation_applies_to_the_current_files(mutation):
    """A mutation whose text is gone would break nothing: the catalogue follows the files."""
    assert re.search(mutation.old, (ROOT / mutation.file).read_text(encoding="utf-8")), mutation.old


@pytest.mark.build
@pytest.mark.slow
def test_no_mutation_of_the_catalogue_is_silent():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "mutations.py")], capture_output=True, text=True, check=False, cwd=ROOT
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(rf"^{len(CATALOGUE)} mutations in \d+ s: .*; 0 silent$", summary), summary
