"""Bad input fails the build loudly, naming the file and the clause."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from aigov.clauses import DocumentError, pair_versions, parse_document
from aigov.corpus import DataError
from aigov.site import load_site
from conftest import copy_project, mkdocs_build

ACTION_PLAN = Path("docs/documents/global-ai-governance-action-plan")


def test_a_duplicate_id_names_the_file_and_the_clause():
    source = "# Title\n\nOne.\n{ #gap-1 }\n\nTwo.\n{ #gap-1 }\n"
    with pytest.raises(DocumentError, match=r"plan\.en\.md:6: duplicate clause id 'gap-1' \(first at line 3\)"):
        parse_document(source, "plan.en.md", "gap")


def test_a_paragraph_without_an_id_is_refused():
    with pytest.raises(DocumentError, match="plan.zh.md:3: paragraph without a clause id"):
        parse_document("# 标题\n\n没有编号的段落。\n", "plan.zh.md", "gap")


def test_a_clause_missing_in_one_language_names_that_file():
    english = parse_document("# T\n\nOne.\n{ #gap-1 }\n\nTwo.\n{ #gap-2 }\n", "plan.en.md", "gap")
    chinese = parse_document("# 标题\n\n一。\n{ #gap-1 }\n", "plan.zh.md", "gap")
    with pytest.raises(DocumentError, match=r"plan\.zh\.md: clause 'gap-2' is missing"):
        pair_versions(english, chinese)


@pytest.mark.build
def test_the_build_fails_on_a_clause_missing_in_chinese(tmp_path):
    project = copy_project(tmp_path / "project")
    chinese = project / ACTION_PLAN.with_suffix(".zh.md")
    text = chinese.read_text(encoding="utf-8")
    start = text.index("十、开展人工智能安全治理")
    end = text.index("{ #gap-10 }") + len("{ #gap-10 }\n")
    chinese.write_text(text[:start] + text[end:], encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(
        r"docs/documents/global-ai-governance-action-plan\.zh\.md: clause 'gap-10' is missing; "
        r"docs/documents/global-ai-governance-action-plan\.en\.md:\d+ has it",
        result.stdout + result.stderr,
    ), result.stdout + result.stderr


@pytest.mark.build
def test_the_build_fails_on_a_duplicate_clause_id(tmp_path):
    project = copy_project(tmp_path / "project")
    english = project / ACTION_PLAN.with_suffix(".en.md")
    english.write_text(english.read_text(encoding="utf-8").replace("{ #gap-11 }", "{ #gap-10 }"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(
        r"docs/documents/global-ai-governance-action-plan\.en\.md:\d+: duplicate clause id 'gap-10' \(first at line \d+\)",
        result.stdout + result.stderr,
    ), result.stdout + result.stderr


def test_raw_html_in_a_clause_is_refused_naming_the_line():
    source = "# Title\n\nOne.\n{ #gap-1 }\n\nTwo <b>bold.\nThree.\n{ #gap-2 }\n"
    with pytest.raises(DocumentError, match=r"plan\.en\.md:6: clause 'gap-2' holds raw HTML '<b>bold"):
        parse_document(source, "plan.en.md", "gap")
    for raw in ("<script>alert(1)</script>", "</div>", "<!-- note -->", "&amp;", "&#60;"):
        with pytest.raises(DocumentError, match="holds raw HTML"):
            parse_document(f"# T\n\nOne {raw} two.\n{{ #gap-1 }}\n", "plan.en.md", "gap")
    assert parse_document("# T\n\nA < B and C > D & E.\n{ #gap-1 }\n", "plan.en.md", "gap").blocks[0].text


def test_a_missing_blank_line_between_clauses_is_named_as_such():
    source = "# Title\n\nOne.\n{ #gap-1 }\nTwo.\n{ #gap-2 }\n"
    with pytest.raises(DocumentError, match=r"plan\.en\.md:4: no blank line after clause 'gap-1'"):
        parse_document(source, "plan.en.md", "gap")
    with pytest.raises(DocumentError, match=r"plan\.en\.md:3: no blank line after the heading 'gap-s1'"):
        parse_document("# T\n\n## Part { #gap-s1 }\nOne.\n{ #gap-1 }\n", "plan.en.md", "gap")


def test_a_clause_out_of_order_names_both_files_and_lines():
    english = parse_document("# T\n\nOne.\n{ #gap-1 }\n\nTwo.\n{ #gap-2 }\n", "plan.en.md", "gap")
    chinese = parse_document("# 标题\n\n二。\n{ #gap-2 }\n\n一。\n{ #gap-1 }\n", "plan.zh.md", "gap")
    with pytest.raises(DocumentError, match=r"plan\.zh\.md:3: clause 'gap-2' is out of order: plan\.en\.md:3 has 'gap-1'"):
        pair_versions(english, chinese)


# The text against the source, checked by the build before any data that names the text.

PLAN_EN = "docs/documents/global-ai-governance-action-plan.en.md"
GAP_7_SENTENCE = "We encourage dialogue and cooperation on energy-saving AI development to jointly identify optimal solutions. "


def load_changed(tmp_path: Path, changes: dict[str, Callable[[str], str]]) -> str:
    """The message of load_site on a copy of the project with each file changed."""
    project = copy_project(tmp_path / "project")
    for name, change in changes.items():
        path = project / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises((DocumentError, DataError)) as error:
        load_site(project / "data", project / "docs")
    return str(error.value)


def swap_gap_3_and_4(text: str) -> str:
    chunks = text.split("\n\n")
    third = next(index for index, chunk in enumerate(chunks) if chunk.endswith("{ #gap-3 }"))
    chunks[third], chunks[third + 1] = chunks[third + 1], chunks[third]
    return "\n\n".join(chunks)


def test_a_deleted_sentence_is_reported_in_its_clause_not_as_a_glossary_problem(tmp_path):
    message = load_changed(tmp_path, {PLAN_EN: lambda text: text.replace(GAP_7_SENTENCE, "")})
    assert re.match(
        rf"{re.escape(PLAN_EN)}:27: 'gap-7' lacks sentence 4 of the source "
        r"\(data/source/cstd-contribution\.txt:392\): 'We encourage dialogue",
        message,
    ), message


def test_a_changed_word_is_reported_with_the_sentence_and_the_source_line(tmp_path):
    message = load_changed(tmp_path, {PLAN_EN: lambda text: text.replace("global clean power", "global power")})
    assert message.startswith(
        f"{PLAN_EN}:18: 'gap-4' differs from the source (data/source/cstd-contribution.txt:383) in sentence 3"
    )
    assert "global power" in message and "the source has '...struction of global clean power" in message


def test_two_clauses_swapped_in_both_languages_fail_the_build_model(tmp_path):
    plan = "docs/documents/global-ai-governance-action-plan"
    message = load_changed(tmp_path, {f"{plan}.en.md": swap_gap_3_and_4, f"{plan}.zh.md": swap_gap_3_and_4})
    assert re.match(
        rf"{re.escape(plan)}\.(en|zh)\.md:\d+: 'gap-4' is out of order: it holds the source's paragraph at "
        r"data/source/cstd-contribution\.txt:\d+; the source has here",
        message,
    ), message


def test_a_clause_added_after_the_last_is_not_in_the_source(tmp_path):
    message = load_changed(tmp_path, {PLAN_EN: lambda text: text + "\nOne more.\n{ #gap-99 }\n"})
    assert "docs/documents/global-ai-governance-action-plan.zh.md: clause 'gap-99' is missing" in message


def test_a_duplicate_document_id_is_named_as_such(tmp_path):
    message = load_changed(tmp_path, {"data/documents.yml": lambda text: text.replace("- id: cap", "- id: shd", 1)})
    assert re.match(r"data/documents\.yml:\d+: documents\[2\]\.id: 'shd' is already the id of another document", message)
