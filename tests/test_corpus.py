"""The Markdown sources against the clause-id scheme and the source text (no build needed)."""

import hashlib
import re
from dataclasses import replace

import pytest
import yaml

from aigov.corpus import DataError
from aigov.fidelity import expected_version, repair_listing, repair_places
from aigov.source import SourceError, apply_repairs, chinese_typography, sentences, typography_changes, version_ranges
from conftest import ROOT
from scheme import CLAUSE_IDS

LANGUAGES = ("zh", "en")
ASCII_PUNCTUATION_IN_CHINESE = re.compile(r"[,:;()?!\"]|\s")
HAN = re.compile(r"[\u4e00-\u9fff]")
# A sentence ends with a full stop (or a colon, before a list), possibly inside closing quotes.
SENTENCE_END = re.compile(r"[。：.:][”’\"]?$")


@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_clause_ids_follow_the_scheme_in_both_languages(corpus, document):
    versions = corpus[document].versions
    assert versions["zh"].clause_ids == CLAUSE_IDS[document]
    assert versions["en"].clause_ids == CLAUSE_IDS[document]
    block_ids = [block.id for block in versions["zh"].blocks]
    assert len(block_ids) == len(set(block_ids))
    assert block_ids == [block.id for block in versions["en"].blocks]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_every_paragraph_of_the_source_is_published_in_order(corpus, source, repairs, document, lang):
    version = corpus[document].versions[lang]
    expected = expected_version(corpus[document].info, lang, source, repairs)
    assert version.title == expected.title
    assert [block.text for block in version.blocks] == expected.paragraphs


@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_chinese_text_has_full_width_punctuation_and_no_spaces(corpus, document):
    for block in corpus[document].versions["zh"].blocks:
        stray = ASCII_PUNCTUATION_IN_CHINESE.findall(block.text.replace("A/RES/78/311", ""))
        assert not stray, (block.id, stray)


def test_each_listed_repair_lands_in_the_clause_it_names(corpus, repairs):
    for repair in repairs:
        version = corpus[repair.document].versions[repair.lang]
        if repair.clause == "metadata":
            places = corpus[repair.document].info.wrappers[repair.lang]
        else:
            places = [block.text for block in version.blocks if block.id == repair.clause]
        assert places, repair
        after = chinese_typography(repair.after) if repair.lang == "zh" else repair.after
        assert any(after in place for place in places), repair


@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_each_listed_repair_was_found_in_the_source_lines_of_the_clause_it_names(corpus, source, repairs, document):
    placed = repair_places(corpus[document], source, repairs)
    assert len(placed) == len([repair for repair in repairs if repair.document == document])
    misplaced = [(repair.before, repair.clause, place) for repair, place in placed if repair.clause != place]
    assert not misplaced


def test_a_repair_listed_under_the_wrong_clause_fails_the_listing(corpus, source, repairs):
    moved = [replace(repair, clause="gap-3") if repair.before == "the\nconstruction" else repair for repair in repairs]
    with pytest.raises(DataError, match=r"'the\\nconstruction'.*names 'gap-3', but the source has it in 'gap-4'"):
        repair_listing(corpus["gap"], source, moved)


@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_the_repair_listing_covers_every_typography_change_in_chinese(corpus, source, repairs, document):
    listing = repair_listing(corpus[document], source, repairs)
    listed = [r for r in repairs if r.document == document and r.lang == "zh"]
    extracted = apply_repairs(source.paragraphs(document, "zh"), listed)[1:]
    blocks = corpus[document].versions["zh"].blocks
    changed = {block.id for block, text in zip(blocks, extracted) if chinese_typography(text) != text}
    assert {row.place for row in listing if row.kind == "typography"} - {"title"} == changed
    if document == "ini":
        assert any(row.place == "ini-8" and "问 责" in row.before and "问责" in row.after for row in listing)


def test_one_typography_fix_is_listed_once():
    changes = typography_changes("(八)中方愿同各国")
    assert [(change.before, change.after) for change in changes] == [("(八)中方", "（八）中方")]


def test_every_non_blank_line_of_the_source_lies_in_exactly_one_version_of_its_language(corpus, source):
    notes = yaml.safe_load((ROOT / "data" / "source" / "source.yml").read_text(encoding="utf-8"))
    lines = source.text.splitlines()
    outside = {entry["line"]: entry["text"] for entry in notes["outside_documents"]}
    assert {number: lines[number - 1] for number in outside} == outside
    owners: dict[int, list[tuple[str, str]]] = {}
    for (document, lang), (first, last) in source.ranges.items():
        for number in range(first, last + 1):
            owners.setdefault(number, []).append((document, lang))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if number in outside:
            assert number not in owners, number
            continue
        assert len(owners.get(number, [])) == 1, (number, line[:60], owners.get(number))
        ((document, lang),) = owners[number]
        has_han = bool(HAN.search(line))
        assert has_han == (lang == "zh"), (number, document, lang, line[:60])


def test_the_last_line_of_the_source_is_published_though_it_ends_without_a_line_break(corpus, source):
    assert not source.text.endswith("\n")
    last_line = source.text.rsplit("\n", 1)[-1]
    assert source.ranges[("gap", "en")][1] == len(source.text.splitlines())
    assert corpus["gap"].versions["en"].blocks[-1].text.endswith(last_line.strip())


def test_the_source_is_the_file_its_provenance_names(source):
    notes = yaml.safe_load((ROOT / "data" / "source" / "source.yml").read_text(encoding="utf-8"))
    assert (ROOT / "data" / "source" / notes["file"]).read_text(encoding="utf-8") == source.text
    assert hashlib.sha256(source.text.encode("utf-8")).hexdigest() == notes["sha256"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_every_version_and_every_clause_ends_with_the_end_of_a_sentence(corpus, source, repairs, document, lang):
    """A range or a clause that stops short ends mid-sentence: the last words are checked, not only line numbers."""
    expected = expected_version(corpus[document].info, lang, source, repairs)
    assert SENTENCE_END.search(expected.paragraphs[-1]), expected.paragraphs[-1][-60:]
    for block in corpus[document].versions[lang].blocks:
        if not block.is_heading:
            assert SENTENCE_END.search(block.text), (block.id, block.text[-60:])


def test_versions_are_found_by_their_titles_whatever_the_final_line_break():
    text = "# Heading\n\n# 甲\n\n一。\n\nA\n\nOne.\nTwo."
    assert version_ranges(text, [("zh", "甲"), ("en", "A")]) == [(3, 6), (7, 10)]
    assert version_ranges(text + "\n", [("zh", "甲"), ("en", "A")]) == [(3, 6), (7, 10)]
    with pytest.raises(SourceError, match="'B' is not a line of the source"):
        version_ranges(text, [("zh", "甲"), ("en", "B")])


def test_sentences_split_chinese_and_english():
    assert sentences("甲。乙；丙") == ["甲。", "乙；", "丙"]
    assert sentences("One. Two: three") == ["One.", "Two:", "three"]
