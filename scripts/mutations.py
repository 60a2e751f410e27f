"""Break one input at a time in a copy of the project and show that each break is caught.

Each mutation of the catalogue changes one file of a fresh copy of the project (the first match
of a regular expression). Then, in order, until one of them refuses it:

- schema: the data file, read against its JSON Schema (data files only);
- build: `mkdocs build --strict` of the copy;
- test: the few tests that the mutation names (the fast ones that see what it breaks), run in
  the copy with pytest.

A mutation that none of them refuses is silent: the script lists it and exits with status 1.

    python scripts/mutations.py            # the whole catalogue (a few minutes)
    python scripts/mutations.py --list     # the catalogue, without running it
    python scripts/mutations.py --only raw  # the mutations whose name holds "raw"
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aigov.schema import DataError, read_data

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "data", "overrides", "scripts", "tests", "mkdocs.yml", "pyproject.toml")
STEPS = ("schema", "build", "test")

# The data files, the schema each is read against and the name of its top level in messages.
SCHEMAS = {
    "data/documents.yml": ("documents", "documents"),
    "data/repairs.yml": ("repairs", "repairs"),
    "data/timeline.yml": ("timeline", "events"),
    "data/themes.yml": ("themes", "themes"),
    "data/glossary.yml": ("glossary", "terms"),
    "data/relations.yml": ("relations", "relations"),
    "data/clause-titles.yml": ("clause-titles", "titles"),
    "data/strings/en.yml": ("strings", ""),
    "data/strings/zh.yml": ("strings", ""),
    "data/source/timeline-facts.yml": ("timeline-facts", "facts"),
}

GAP_EN = "docs/documents/global-ai-governance-action-plan.en.md"
GAP_ZH = "docs/documents/global-ai-governance-action-plan.zh.md"
SHD_EN = "docs/documents/shanghai-declaration.en.md"
INI_ZH = "docs/documents/global-ai-governance-initiative.zh.md"
# The tests that see the published pages' scripts and links, and the text of the pages.
SCRIPT_TESTS = ("tests/test_scripts.py",)


@dataclass(frozen=True)
class Mutation:
    """One wrong edit: the first match of `old` (a regular expression) in `file` becomes `new`
    (which may use the match's groups); `kind` is the kind of input, `tests` the tests to run
    if the build lets it through."""

    name: str
    kind: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...] = ()


def m(name: str, kind: str, file: str, old: str, new: str, tests: tuple[str, ...] = ()) -> Mutation:
    return Mutation(name, kind, file, old, new, tests)


def swap_after(first: str) -> str:
    """A pattern that matches the clause ending with `{ #first }` and the paragraph after it."""
    return rf"(?m)^([^\n]+\n\{{ #{first} \}}\n)\n([^\n]+\n\{{ #[a-z0-9-]+ \}}\n)"


CATALOGUE: tuple[Mutation, ...] = (
    # data/documents.yml: keys, dates, ids, text, URLs
    m("documents key misspelt", "data key", "data/documents.yml", r"  announced: 2023-10-18", "  anounced: 2023-10-18"),
    m("documents unknown key", "data key", "data/documents.yml", r"  numbered: proposal", "  numbered: proposal\n  pages: 3"),
    m("documents required key deleted", "data key", "data/documents.yml", r"  slug: shanghai-declaration\n", ""),
    m("issue date swapped day and month", "data date", "data/documents.yml", r"date: 2024-07-04", "date: 2024-04-07"),
    m("issue date a year off", "data date", "data/documents.yml", r"date: 2025-07-26", "date: 2024-07-26"),
    m("announcement date changed", "data date", "data/documents.yml", r"announced: 2024-09-25", "announced: 2024-09-24"),
    m("impossible date", "data date", "data/documents.yml", r"date: 2023-10-20", "date: 2023-02-30"),
    m("document id twice", "data id", "data/documents.yml", r"- id: cap", "- id: shd"),
    m("document id renamed", "data id", "data/documents.yml", r"- id: gap", "- id: gaap"),
    m("document slug renamed", "data id", "data/documents.yml", r"slug: shanghai-declaration", "slug: shanghai"),
    m(
        "document title changed",
        "data text",
        "data/documents.yml",
        r"en: Shanghai Declaration on Global AI Governance\n",
        "en: Shanghai Declaration on AI Governance\n",
    ),
    m("publication note changed", "data text", "data/documents.yml", r"Issue date: 4 July 2024", "Issue date: 5 July 2024"),
    m("summary with markup", "raw HTML", "data/documents.yml", r"(summary:\n    zh: [^\n]*\n    en: )A four", r"\1<b>A</b> four"),
    m("occasion with an http address", "URL", "data/documents.yml", r"in Shanghai\.\n", "in Shanghai, http://example.org.\n"),
    m("numbering unknown", "data text", "data/documents.yml", r"numbered: proposal", "numbered: article"),
    # data/relations.yml: ids, kinds, keys, pairs
    m("relation to an unknown clause", "data id", "data/relations.yml", r"other: ini-p3\}", "other: ini-99}"),
    m("relation within one document", "data id", "data/relations.yml", r"other: ini-p3\}", "other: shd-1-1}"),
    m(
        "relation given twice",
        "data id",
        "data/relations.yml",
        r"\{clause: shd-1-6, kind: restates, other: ini-1\}",
        "{clause: shd-3-1, kind: restates, other: ini-p3}",
    ),
    m(
        "relation kind unknown",
        "data text",
        "data/relations.yml",
        r"kind: restates, other: ini-p3",
        "kind: repeats, other: ini-p3",
    ),
    m("relation key misspelt", "data key", "data/relations.yml", r"\{clause: shd-3-1, kind", "{clase: shd-3-1, kind"),
    # data/clause-titles.yml: ids, keys, titles the source does not give
    m("clause title for an unknown clause", "data id", "data/clause-titles.yml", r"- clause: ini-p2\n", "- clause: ini-p99\n"),
    m("clause title given twice", "data id", "data/clause-titles.yml", r"- clause: ini-p2\n", "- clause: ini-p1\n"),
    m("clause title key misspelt", "data key", "data/clause-titles.yml", r"(- clause: ini-p2\n  )editorial:", r"\1editoral:"),
    m(
        "source title not the item's first sentence",
        "data text",
        "data/clause-titles.yml",
        r"(- clause: gap-1\n  source: )first-sentence",
        r"\1heading",
    ),
    # data/repairs.yml: ids of the repair target, text
    m("repair of an unknown clause", "repair id", "data/repairs.yml", r"clause: ini-2\n", "clause: ini-99\n"),
    m("repair of another clause", "repair id", "data/repairs.yml", r"clause: ini-2\n", "clause: ini-3\n"),
    m("repair of an unknown document", "repair id", "data/repairs.yml", r"- document: ini\n", "- document: inx\n"),
    m("repair in an unknown language", "repair id", "data/repairs.yml", r"lang: zh\n", "lang: fr\n"),
    m("repair key misspelt", "data key", "data/repairs.yml", r"  kind: dash\n", "  knd: dash\n"),
    m("repair kind unknown", "data text", "data/repairs.yml", r"  kind: dash\n", "  kind: retouch\n"),
    m("repair before not in the source", "data text", "data/repairs.yml", r"before: 一面向他国", "before: 一面向其他国"),
    m("repair after changed", "data text", "data/repairs.yml", r"after: ——面向他国", "after: —面向他国"),
    # data/timeline.yml: keys, dates, ids, URLs, markup
    m("timeline key misspelt", "data key", "data/timeline.yml", r"(新华社，2024年7月1日\n  )clauses:", r"\1clases:"),
    m("timeline date off by decades", "data date", "data/timeline.yml", r"date: 2015-09-25", "date: 2051-09-25"),
    m("timeline date a day off", "data date", "data/timeline.yml", r"date: 2024-03-21", "date: 2024-03-22"),
    m("timeline end changed", "data date", "data/timeline.yml", r"end: 2024-09-06", "end: 2024-09-07"),
    m("timeline issued changed", "data date", "data/timeline.yml", r"issued: 2023-10-20", "issued: 2023-10-21"),
    m("timeline document announced another day", "data date", "data/timeline.yml", r"date: 2024-09-25", "date: 2024-09-27"),
    m("timeline javascript: URL", "URL", "data/timeline.yml", r"url: https://undocs.org/A/RES/70/1", "url: javascript:alert(1)"),
    m(
        "timeline http: URL",
        "URL",
        "data/timeline.yml",
        r"url: https://press.un.org/en/2024/sgsm22368.doc.htm",
        "url: http://press.un.org/en/2024/sgsm22368.doc.htm",
    ),
    m(
        "timeline protocol-relative URL",
        "URL",
        "data/timeline.yml",
        r"url: https://undocs.org/A/RES/79/325",
        "url: //undocs.org/A/RES/79/325",
    ),
    m(
        "timeline source linked to another publisher's address",
        "URL",
        "data/timeline.yml",
        r"url: https://press.un.org/en/2024/sgsm22368.doc.htm",
        "url: https://undocs.org/A/RES/79/1",
        ("tests/test_timeline.py::test_events_are_sourced_dated_and_linked_as_required",),
    ),
    m("timeline unknown clause", "data id", "data/timeline.yml", r"clauses: \[cap-p1, gap-1\]", "clauses: [cap-p1, gap-99]"),
    m("timeline unknown document", "data id", "data/timeline.yml", r"document: shd", "document: sdh"),
    m("timeline event id twice", "data id", "data/timeline.yml", r"- id: a-res-78-265", "- id: a-res-70-1"),
    m("timeline event id renamed", "data id", "data/timeline.yml", r"- id: hlab-ai-final-report", "- id: hlab-report"),
    m("timeline symbol changed", "data text", "data/timeline.yml", r"symbol: A/RES/78/311", "symbol: A/RES/78/331"),
    m("timeline kind unknown", "data text", "data/timeline.yml", r"kind: meeting", "kind: summit"),
    m(
        "timeline title with a script",
        "script",
        "data/timeline.yml",
        r"en: UN General Assembly adopts the 2030",
        "en: <script>alert(1)</script> adopts the 2030",
    ),
    m(
        "timeline description with a javascript: address",
        "URL",
        "data/timeline.yml",
        r"the Agenda that",
        "the Agenda javascript:alert(1) that",
    ),
    # data/source/timeline-facts.yml: the verified dates
    m("fact date changed", "data date", "data/source/timeline-facts.yml", r"date: 2024-07-01", "date: 2024-07-10"),
    m(
        "fact key misspelt",
        "data key",
        "data/source/timeline-facts.yml",
        r"  source: UN resolution A/RES/70/1",
        "  sources: UN resolution A/RES/70/1",
    ),
    # data/themes.yml: ids, keys, text
    m("theme unknown clause", "data id", "data/themes.yml", r"clauses: \[ini-3\]", "clauses: [ini-33]"),
    m("theme naming a heading", "data id", "data/themes.yml", r"clauses: \[ini-3\]", "clauses: [ini-3, cap-g2-title]"),
    m("theme id renamed", "theme id", "data/themes.yml", r"- id: ethics\n", "- id: ethic\n"),
    m("theme id twice", "theme id", "data/themes.yml", r"- id: ethics\n", "- id: development-and-safety\n"),
    m("theme key misspelt", "data key", "data/themes.yml", r"  description:\n", "  descripton:\n"),
    m(
        "theme description with a javascript: address",
        "URL",
        "data/themes.yml",
        r"military field\.",
        "military field javascript:alert(1).",
    ),
    m("theme page naming an unknown theme", "theme id", "docs/themes/ethics.en.md", r"theme: ethics", "theme: ethic"),
    # data/glossary.yml
    m(
        "glossary term not in its clause",
        "data text",
        "data/glossary.yml",
        r"- en: commercialization\n      clauses: \[shd-1-2\]",
        "- en: commercialisation\n      clauses: [shd-1-2]",
    ),
    m("glossary unknown clause", "data id", "data/glossary.yml", r"clauses: \[shd-3-2\]", "clauses: [shd-3-9]"),
    m("glossary key misspelt", "data key", "data/glossary.yml", r"  pinyin: cheng guo", "  pinyn: cheng guo"),
    m(
        "glossary rendering with markup",
        "raw HTML",
        "data/glossary.yml",
        r"- en: commercialization",
        "- en: <i>commercialization</i>",
    ),
    # data/strings/{en,zh}.yml
    m("string deleted in Chinese", "string", "data/strings/zh.yml", r"  copy_link: [^\n]*\n", ""),
    m("string key misspelt in English", "string", "data/strings/en.yml", r"  copy_citation:", "  copy_citaton:"),
    m("string added in one language", "string", "data/strings/en.yml", r"(\n  copy_link: [^\n]*\n)", r"\1  share: Share\n"),
    m("string with a script", "script", "data/strings/en.yml", r"(\n  read_one:) [^\n]*", r"\1 <script>alert(1)</script>"),
    m("string emptied", "string", "data/strings/zh.yml", r"(\n  copy_citation:) [^\n]*", r'\1 ""'),
    m("string with a javascript: address", "URL", "data/strings/zh.yml", r"(\n  read_one:) [^\n]*", r"\1 javascript:alert(1)"),
    # mkdocs.yml
    m("nav_translations key misspelt", "mkdocs.yml", "mkdocs.yml", r"          Timeline: 时间线", "          Timline: 时间线"),
    m(
        "nav entry renamed without its translation",
        "mkdocs.yml",
        "mkdocs.yml",
        r"  - Glossary: glossary.md",
        "  - Glossary of terms: glossary.md",
    ),
    m("theme feature misspelt", "mkdocs.yml", "mkdocs.yml", r"    - search\.highlight", "    - search.higlight"),
    m("theme feature unknown", "mkdocs.yml", "mkdocs.yml", r"    - navigation\.top", "    - navigation.topp"),
    # the clauses' Markdown: the official text
    m("word deleted from a clause", "clause text", GAP_EN, r"global clean power", "global power"),
    m("word changed in a Chinese clause", "clause text", GAP_ZH, r"全球清洁电力", "全球电力"),
    m(
        "sentence deleted from a clause",
        "clause text",
        GAP_EN,
        r"We encourage dialogue and cooperation on energy-saving AI development to jointly identify optimal solutions\. ",
        "",
    ),
    m(
        "Chinese sentence deleted",
        "clause text",
        SHD_EN.replace(".en.", ".zh."),
        r"鼓励创新思维，支持跨学科研究合作，共同推动人工智能技术突破与向善发展。",
        "",
    ),
    m("clauses swapped in English", "clause order", GAP_EN, swap_after("gap-3"), r"\2\n\1"),
    m(
        "clause texts swapped, ids kept",
        "clause order",
        GAP_ZH,
        r"(?m)^([^\n]+)(\n\{ #gap-3 \}\n\n)([^\n]+)(\n\{ #gap-4 \})",
        r"\3\2\1\4",
    ),
    m("punctuation made half-width", "clause text", INI_ZH, r"，", ","),
    m("blank line between clauses deleted", "clause text", GAP_EN, r"(\{ #gap-8 \}\n)\n", r"\1"),
    m("clause id misspelt", "clause id", GAP_EN, r"\{ #gap-9 \}", "{ #gap-09 }"),
    m("clause id twice", "clause id", GAP_ZH, r"\{ #gap-11 \}", "{ #gap-10 }"),
    m("clause id of another document", "clause id", SHD_EN, r"\{ #shd-1-1 \}", "{ #gap-1-1 }"),
    m("stray unclosed div in a clause", "raw HTML", GAP_EN, r"1\\. Jointly", r"<div>1\\. Jointly"),
    m("stray bold in a Chinese clause", "raw HTML", GAP_ZH, r"加快数字基础设施建设", "<b>加快数字基础设施建设"),
    m("script element in a clause", "script", SHD_EN, r"(\{ #shd-p1 \}\n)", r"<script>alert(1)</script>\n\1"),
    m("javascript: link in a clause", "URL", GAP_EN, r"Global Digital Compact", "[Global Digital Compact](javascript:alert(1))"),
    m("emphasis added to a clause", "clause text", GAP_EN, r"digital infrastructure", "*digital* infrastructure"),
    m("heading changed", "clause text", SHD_EN, r"(## )[^\n{]+( \{ #shd-s1 \})", r"\1Development\2"),
    # the other pages' Markdown
    m(
        "script element on a page",
        "script",
        "docs/about.en.md",
        r"(# About this site \{ #about-this-site \}\n)",
        r"\1\n<script>alert(1)</script>\n",
        SCRIPT_TESTS,
    ),
    m("javascript: link on a page", "URL", "docs/about.zh.md", r"\n\n", "\n\n[来源](javascript:alert(1))\n\n", SCRIPT_TESTS),
    m(
        "event handler on a page",
        "script",
        "docs/about.en.md",
        r"(## The source \{ #the-source)( \})",
        r'\1 onclick="alert(1)"\2',
        SCRIPT_TESTS,
    ),
)


def mutate(project: Path, mutation: Mutation) -> None:
    path = project / mutation.file
    text = path.read_text(encoding="utf-8")
    match = re.search(mutation.old, text)
    if match is None:
        raise SystemExit(f"{mutation.name}: {mutation.old!r} is not in {mutation.file}: the catalogue is out of date")
    path.write_text(text[: match.start()] + match.expand(mutation.new) + text[match.end() :], encoding="utf-8")


def copy_project(destination: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        else:
            shutil.copy(source, destination / name)
    return destination


def schema_step(project: Path, mutation: Mutation) -> str | None:
    """The data file against its schema, as the build reads it first."""
    if mutation.file not in SCHEMAS:
        return None
    try:
        schema, root = SCHEMAS[mutation.file]
        read_data(project / mutation.file, schema, root)
    except DataError as error:
        return str(error)
    return None


def build_step(project: Path) -> str | None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SITE_URL", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment, check=False)
    if result.returncode == 0:
        return None
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("ERROR", "WARNING"))]
    return re.sub(r"^(ERROR|WARNING)\s+-\s+", "", lines[0]) if lines else f"exit status {result.returncode}"


def test_step(project: Path, tests: tuple[str, ...]) -> str | None:
    if not tests:
        return None
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not browser", *tests]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return None
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return failed[0] if failed else f"pytest exit status {result.returncode}"


def run(mutation: Mutation) -> tuple[str | None, str]:
    """The step that caught the mutation (None if none did), and what it said."""
    with tempfile.TemporaryDirectory(prefix="mutation-") as temp:
        project = copy_project(Path(temp))
        mutate(project, mutation)
        if message := schema_step(project, mutation):
            return "schema", message
        if message := build_step(project):
            return "build", message
        if message := test_step(project, mutation.tests):
            return "test", message
    return None, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the mutations whose name holds this text")
    parser.add_argument("--list", action="store_true", help="list the catalogue and stop")
    arguments = parser.parse_args()
    chosen = [mutation for mutation in CATALOGUE if not arguments.only or arguments.only in mutation.name]
    if arguments.list:
        for mutation in chosen:
            print(f"{mutation.kind:14} {mutation.file:52} {mutation.name}")
        print(f"{len(chosen)} mutations, {len({mutation.kind for mutation in chosen})} kinds of input")
        return 0
    caught_by = dict.fromkeys(STEPS, 0)
    silent = []
    started = time.monotonic()
    for number, mutation in enumerate(chosen, 1):
        step, message = run(mutation)
        if step is None:
            silent.append(mutation.name)
        else:
            caught_by[step] += 1
        print(
            f"{number:3}/{len(chosen)} {step or 'SILENT':6} {mutation.name}: {message.splitlines()[0][:160] if message else ''}",
            flush=True,
        )
    counts = ", ".join(f"{count} by the {step}" for step, count in caught_by.items())
    print(f"{len(chosen)} mutations in {time.monotonic() - started:.0f} s: {counts}; {len(silent)} silent")
    for name in silent:
        print(f"SILENT: {name}")
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
