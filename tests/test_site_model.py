"""The site model: built once from the data, read-only, with the corpus's indexes; the locale of
a page; and views that are pure functions of them, reading no file while rendering."""

from __future__ import annotations

import builtins
import dataclasses
import datetime
import pathlib
import re

import pytest

from aigov.corpus import LANGUAGES
from aigov.links import Target
from aigov.parallel import document_view
from aigov.site import Site, load_site
from aigov.views import DATA_VIEWS
from conftest import ROOT


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(ROOT / "data", ROOT / "docs")


def test_the_corpus_keeps_the_order_of_documents_yml_and_knows_the_date_order(site: Site):
    corpus = site.corpus
    assert list(corpus) == ["ini", "shd", "cap", "gap"]
    dates = [document.info.date for document in corpus.by_date]
    assert dates == sorted(dates) and len(dates) == len(corpus)


def test_the_corpus_finds_the_document_of_every_clause_and_heading(site: Site):
    for document in site.corpus.values():
        for block in document.aligned.blocks:
            assert site.corpus.document_of(block.id) is document
    with pytest.raises(KeyError):
        site.corpus.document_of("gap-999")


def test_the_corpus_gives_a_block_by_id_and_language(site: Site):
    document = site.corpus["gap"]
    for lang in LANGUAGES:
        for block in document.versions[lang].blocks:
            assert site.corpus.block(block.id, lang) is block
    assert site.corpus.block("gap-10", "zh").text != site.corpus.block("gap-10", "en").text


def test_clause_ids_are_language_neutral_in_reading_order(site: Site):
    corpus = site.corpus
    expected = [clause for document in corpus.by_date for clause in document.versions["zh"].clause_ids]
    assert list(corpus.clause_ids) == expected
    assert expected == [clause for document in corpus.by_date for clause in document.versions["en"].clause_ids]
    assert not any(corpus.block(clause, "en").is_heading for clause in corpus.clause_ids)


def test_a_page_finds_its_document_by_its_place_in_docs(site: Site):
    assert site.corpus.page_document("documents/shanghai-declaration.md") is site.corpus["shd"]
    assert site.corpus.page_document("timeline.md") is None


def test_the_site_model_is_read_only(site: Site):
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.themes = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        site.corpus["gap"] = site.corpus["ini"]  # type: ignore[index]
    with pytest.raises(TypeError):
        site.locales["fr"] = site.locales["en"]  # type: ignore[index]
    assert isinstance(site.themes, tuple) and isinstance(site.events, tuple) and isinstance(site.glossary, tuple)


def test_a_locale_holds_its_language_the_other_its_tags_and_strings(site: Site):
    zh, en = site.locale("zh"), site.locale("en")
    assert (zh.lang, zh.other, en.lang, en.other) == ("zh", "en", "en", "zh")
    assert zh.tags == {"zh": "zh", "en": "en"}
    assert zh.strings["clause"]["permalink"] != en.strings["clause"]["permalink"]
    assert en.date(datetime.date(2025, 7, 26)) == "26 July 2025"
    assert zh.date(datetime.date(2025, 7, 26)) == "2025年7月26日"
    assert site.locale("zh") is zh  # the strings are parsed once, when the site is loaded


def test_views_read_no_file_while_rendering(site: Site, monkeypatch: pytest.MonkeyPatch):
    def no_file(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a view read a file: {args}")

    monkeypatch.setattr(builtins, "open", no_file)
    monkeypatch.setattr(pathlib.Path, "read_text", no_file)
    monkeypatch.setattr(pathlib.Path, "read_bytes", no_file)
    # the front matter that theme pages and comparison pages give their views
    meta = {"theme": site.themes[0].id, "document": next(iter(site.corpus))}
    for lang in LANGUAGES:
        locale = site.locale(lang)
        for name, view in DATA_VIEWS.items():
            assert isinstance(view(site, locale, meta), dict), name
        for document in site.corpus.values():
            document_view(site, locale, document)


def test_document_views_carry_link_targets_not_urls(site: Site):
    view = document_view(site, site.locale("en"), site.corpus["gap"])
    targets = [link.target for row in view["rows"] for link in (*row.themes, *row.related)]
    assert targets and all(isinstance(target, Target) for target in targets)
    assert {target.page.split("/")[0] for target in targets} == {"themes", "documents"}
    position = view["position"]
    assert position.timeline.page == "timeline.md" and position.timeline.anchor
    assert position.next_target is None and position.previous_target == Target("documents/capacity-building-action-plan.md")


def test_templates_escape_everything_but_the_markup_the_code_built():
    """One escaping policy: autoescape on; no template marks a value safe (the code's markup is
    Markup already: glossed blocks, the documents' Markdown)."""
    templates = [path for path in (ROOT / "overrides").rglob("*.html")]
    assert templates
    for path in templates:
        assert not re.search(r"\|\s*safe\b", path.read_text(encoding="utf-8")), path
    hooks = (ROOT / "scripts" / "site_hooks.py").read_text(encoding="utf-8")
    assert "env.autoescape = True" in hooks
