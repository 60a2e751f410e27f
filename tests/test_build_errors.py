"""Bad input fails the build loudly, naming the file and the clause."""

from pathlib import Path

import pytest

from aigov.clauses import DocumentError, pair_versions, parse_document
from conftest import copy_project, mkdocs_build

ACTION_PLAN = Path("docs/documents/global-ai-governance-action-plan")


def test_a_duplicate_id_names_the_file_and_the_clause():
    source = "# Title\n\nOne.\n{ #gap-1 }\n\nTwo.\n{ #gap-1 }\n"
    with pytest.raises(DocumentError, match=r"plan\.en\.md: duplicate clause id 'gap-1'"):
        parse_document(source, "plan.en.md", "gap")


def test_a_paragraph_without_an_id_is_refused():
    with pytest.raises(DocumentError, match="plan.zh.md: paragraph without a clause id"):
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
    assert "global-ai-governance-action-plan.zh.md: clause 'gap-10' is missing" in result.stdout + result.stderr


@pytest.mark.build
def test_the_build_fails_on_a_duplicate_clause_id(tmp_path):
    project = copy_project(tmp_path / "project")
    english = project / ACTION_PLAN.with_suffix(".en.md")
    english.write_text(english.read_text(encoding="utf-8").replace("{ #gap-11 }", "{ #gap-10 }"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "global-ai-governance-action-plan.en.md: duplicate clause id 'gap-10'" in result.stdout + result.stderr
