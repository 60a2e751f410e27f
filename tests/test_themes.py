"""The themes: validation of data/themes.yml, and the links and counts they put on the site."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build
from scheme import CLAUSE_IDS, SLUGS, page_path

from aigov.corpus import DataError
from aigov.themes import load_themes, related_clauses, themes_of

LANGUAGES = ("zh", "en")
THEMES = ROOT / "data" / "themes.yml"


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def themes_path(lang: str) -> str:
    return ("" if lang == "en" else f"{lang}/") + "themes/index.html"


def broken_themes(tmp_path: Path, change) -> Path:
    """A copy of data/themes.yml with one change made to its parsed entries."""
    entries = yaml.safe_load(THEMES.read_text(encoding="utf-8"))
    change(entries)
    path = tmp_path / "data" / "themes.yml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def theme(entries: list[dict], theme_id: str) -> dict:
    return next(entry for entry in entries if entry["id"] == theme_id)


# Validation, without a build.


def test_the_curated_themes_load(corpus):
    themes = load_themes(THEMES, corpus)
    assert len(themes) == 28
    assert len({entry.id for entry in themes}) == 28


BROKEN = {
    "unknown clause": (
        lambda entries: theme(entries, "open-source")["clauses"].append("gap-99"),
        "data/themes.yml: theme 'open-source': unknown clause 'gap-99'",
    ),
    "heading id": (
        lambda entries: theme(entries, "ethics")["clauses"].append("shd-s2"),
        "data/themes.yml: theme 'ethics': 'shd-s2' is a heading, not a clause",
    ),
    "missing English name": (
        lambda entries: theme(entries, "misuse")["name"].pop("en"),
        "data/themes.yml: theme 'misuse': 'name' needs both 'zh' and 'en'",
    ),
    "missing Chinese description": (
        lambda entries: theme(entries, "misuse")["description"].pop("zh"),
        "data/themes.yml: theme 'misuse': 'description' needs both 'zh' and 'en'",
    ),
    "clause listed twice": (
        lambda entries: theme(entries, "military-use")["clauses"].append("ini-3"),
        "data/themes.yml: theme 'military-use': clause 'ini-3' is listed twice",
    ),
    "duplicate theme id": (
        lambda entries: entries.append(dict(theme(entries, "ethics"))),
        "data/themes.yml: theme 'ethics': duplicate theme id",
    ),
    "theme without clauses": (
        lambda entries: theme(entries, "ethics").update(clauses=[]),
        "data/themes.yml: theme 'ethics': 'clauses' must list at least one clause id",
    ),
    "theme without an id": (
        lambda entries: theme(entries, "ethics").pop("id"),
        "data/themes.yml: theme 24: needs an 'id'",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_themes_name_the_file_and_the_entry(tmp_path, corpus, case):
    change, message = BROKEN[case]
    path = broken_themes(tmp_path, change)
    with pytest.raises(DataError) as error:
        load_themes(path, corpus)
    assert message in str(error.value)


def test_the_build_fails_on_an_unknown_clause_in_a_theme(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "themes.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[ini-3]", "[ini-3, ini-99]"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/themes.yml: theme 'military-use': unknown clause 'ini-99'" in result.stdout + result.stderr


def test_every_clause_but_ini_p4_has_a_theme(corpus):
    themes = load_themes(THEMES, corpus)
    without = [clause for ids in CLAUSE_IDS.values() for clause in ids if not themes_of(themes, clause)]
    assert without == ["ini-p4"]


def test_related_clauses_are_in_other_documents_and_symmetric(corpus):
    themes = load_themes(THEMES, corpus)
    clauses = [clause for ids in CLAUSE_IDS.values() for clause in ids]
    for clause in clauses:
        for relation in related_clauses(themes, corpus, clause):
            assert not relation.clause_id.startswith(clause.split("-")[0] + "-"), (clause, relation.clause_id)
            assert relation.themes == tuple(t for t in themes_of(themes, clause) if relation.clause_id in t.clauses)
            back = {other.clause_id: other.themes for other in related_clauses(themes, corpus, relation.clause_id)}
            assert back[clause] == relation.themes, (clause, relation.clause_id)


# The built site.


def related_links(page: BeautifulSoup) -> dict[str, list[str]]:
    """Each clause's related-clause links, as the hrefs on the page."""
    return {
        clause.select_one(".clause-label")["id"]: [link["href"] for link in clause.select(".clause-related a")]
        for clause in page.select("section.clause")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_clause_links_resolve_and_are_symmetric(site, lang):
    pages = {document: soup_of(site, page_path(document, lang)) for document in CLAUSE_IDS}
    slugs = {slug: document for document, slug in SLUGS.items()}
    links = {}
    for document, page in pages.items():
        for clause, hrefs in related_links(page).items():
            targets = set()
            for href in hrefs:
                assert href.startswith("../") and "/#" in href, href
                slug, anchor = href[3:].split("/#")
                target = slugs[slug]
                assert target != document, (clause, href)
                assert pages[target].select_one(f".clause-label#{anchor}"), (clause, href)
                targets.add(anchor)
            links[clause] = targets
    assert sum(len(targets) for targets in links.values()) > 0
    for clause, targets in links.items():
        for target in targets:
            assert clause in links[target], f"{clause} lists {target}, but not the other way round"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_clause_labels_say_where_they_go(site, corpus, lang):
    page = soup_of(site, page_path("gap", lang))
    clause = page.select_one("section.clause:has(#gap-10)")
    labels = [link.get_text() for link in clause.select(".clause-related a")]
    info = corpus["ini"].info
    assert any(label.startswith(f"{info.short[lang]} {info.date.year}") and "INI-10" in label for label in labels)
    assert clause.select_one(".clause-themes").has_attr("data-search-exclude")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_links_resolve_to_sections_of_the_themes_page(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    sections = soup_of(site, themes_path(lang))
    for document in CLAUSE_IDS:
        page = soup_of(site, page_path(document, lang))
        for clause in page.select("section.clause"):
            clause_id = clause.select_one(".clause-label")["id"]
            hrefs = [link["href"] for link in clause.select(".clause-themes > p a")]
            assert hrefs == [f"../../themes/#{entry.id}" for entry in themes_of(themes, clause_id)]
            for href in hrefs:
                assert sections.select_one(f"h2#{href.split('#')[1]}"), (clause_id, href)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_matrix_counts_the_clauses_of_each_theme_and_document(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    page = soup_of(site, themes_path(lang))
    rows = page.select("table.themes-matrix tbody tr")
    assert [row.th.a["href"] for row in rows] == [f"#{entry.id}" for entry in themes]
    assert [th["scope"] for th in page.select("table.themes-matrix th")] == ["col"] * 5 + ["row"] * len(themes)
    documents = sorted(corpus, key=lambda document: corpus[document].info.date)
    for row, entry in zip(rows, themes):
        counts = [int(cell.get_text()) for cell in row.select("td")]
        expected = [sum(clause.startswith(f"{document}-") for clause in entry.clauses) for document in documents]
        assert counts == expected, entry.id
        heading = page.select_one(f"h2#{entry.id}")
        listed = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "h3":
                listed.append(sibling.select_one(".clause-code").get_text().lower())
        assert listed == [clause for document in documents for clause in CLAUSE_IDS[document] if clause in entry.clauses]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_clauses_link_to_their_clause_and_show_both_languages(site, lang):
    page = soup_of(site, themes_path(lang))
    slugs = {slug: document for document, slug in SLUGS.items()}
    other = "en" if lang == "zh" else "zh"
    tags = {"zh": "zh-Hans", "en": "en"}
    for heading in page.select("h3.theme-clause"):
        slug, anchor = heading.a["href"].removeprefix("../documents/").split("/#")
        target = soup_of(site, page_path(slugs[slug], lang))
        assert target.select_one(f".clause-label#{anchor}")
        columns = heading.find_next_sibling("div", class_="parallel-row").select(".parallel-col")
        assert [column["lang"] for column in columns] == [tags[lang], tags[other]]
        assert all(column.p and column.get_text(strip=True) for column in columns)


def test_search_indexes_neither_the_cross_references_nor_the_repeated_text(site):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "INI-P1 · " not in index
    assert "Initiative 2023, proposal 4" not in index
    assert "Open source and open sharing" in index
