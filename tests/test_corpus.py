"""The Markdown sources against the clause-id scheme and the source text (no build needed)."""

import re

import pytest
from scheme import CLAUSE_IDS

from aigov.fidelity import expected_version, repair_listing
from aigov.source import apply_repairs, chinese_typography, sentences, source_paragraphs

LANGUAGES = ("zh", "en")
ASCII_PUNCTUATION_IN_CHINESE = re.compile(r"[,:;()?!\"]|\s")


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
def test_every_paragraph_of_the_source_is_published_in_order(corpus, seed, repairs, document, lang):
    version = corpus[document].versions[lang]
    expected = expected_version(corpus[document].info, lang, seed, repairs)
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
def test_the_repair_listing_covers_every_typography_change_in_chinese(corpus, seed, repairs, document):
    listing = repair_listing(corpus[document], seed, repairs)
    first, last = corpus[document].info.source_lines["zh"]
    listed = [r for r in repairs if r.document == document and r.lang == "zh"]
    extracted = apply_repairs(source_paragraphs(seed, first, last), listed)[1:]
    blocks = corpus[document].versions["zh"].blocks
    changed = {block.id for block, text in zip(blocks, extracted) if chinese_typography(text) != text}
    assert {row.place for row in listing if row.kind == "typography"} - {"title"} == changed
    if document == "ini":
        assert any(row.place == "ini-8" and "问 责" in row.before and "问责" in row.after for row in listing)


def test_sentences_split_chinese_and_english():
    assert sentences("甲。乙；丙") == ["甲。", "乙；", "丙"]
    assert sentences("One. Two: three") == ["One.", "Two:", "three"]
