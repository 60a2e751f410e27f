"""The themes: validation of data/themes.yml, and the links and counts they put on the site."""

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from aigov.corpus import DataError, load_strings
from aigov.themes import ThemePageSource, check_theme_pages, load_themes, themes_of
from conftest import ROOT, copy_project, mkdocs_build, normalized, soup_of
from scheme import CLAUSE_IDS, SLUGS, page_path

LANGUAGES = ("zh", "en")
THEMES = ROOT / "data" / "themes.yml"


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
        "themes[11].clauses[6]: unknown clause 'gap-99'",
    ),
    "heading id": (
        lambda entries: theme(entries, "ethics")["clauses"].append("shd-s2"),
        "themes[23].clauses[7]: 'shd-s2' is a heading, not a clause",
    ),
    "missing English name": (
        lambda entries: theme(entries, "misuse")["name"].pop("en"),
        "themes[26].name.en: missing; it is required",
    ),
    "missing Chinese description": (
        lambda entries: theme(entries, "misuse")["description"].pop("zh"),
        "themes[26].description.zh: missing; it is required",
    ),
    "clause listed twice": (
        lambda entries: theme(entries, "military-use")["clauses"].append("ini-3"),
        "themes[27].clauses: 'ini-3' is listed twice",
    ),
    "duplicate theme id": (
        lambda entries: entries.append(dict(theme(entries, "ethics"))),
        "themes[28].id: 'ethics' is already the id of another theme",
    ),
    "theme without clauses": (
        lambda entries: theme(entries, "ethics").update(clauses=[]),
        "themes[23].clauses: has 0 items; needs at least 1",
    ),
    "theme without an id": (
        lambda entries: theme(entries, "ethics").pop("id"),
        "themes[23].id: missing; it is required",
    ),
}


@pytest.mark.build
@pytest.mark.parametrize("case", BROKEN)
def test_broken_themes_name_the_file_and_the_entry(tmp_path, corpus, case):
    change, message = BROKEN[case]
    path = broken_themes(tmp_path, change)
    with pytest.raises(DataError) as error:
        load_themes(path, corpus)
    assert re.search(r"data/themes\.yml:\d+: " + re.escape(message), str(error.value)), str(error.value)


@pytest.mark.build
def test_the_build_fails_on_an_unknown_clause_in_a_theme(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "themes.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[ini-3]", "[ini-3, ini-99]"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/themes.yml:256: themes[27].clauses[1]: unknown clause 'ini-99'" in result.stdout + result.stderr


def test_every_clause_but_ini_p4_has_a_theme(corpus):
    themes = load_themes(THEMES, corpus)
    without = [clause for ids in CLAUSE_IDS.values() for clause in ids if not themes_of(themes, clause)]
    assert without == ["ini-p4"]


# The built site.


def document_year(info, lang: str) -> str:
    """A document's short name and year as the page's language writes them: "《倡议》（2023年）"."""
    return load_strings(ROOT / "data", lang)["themes"]["document_year"].format(short=info.short[lang], year=info.date.year)


def theme_page_path(theme_id: str, lang: str) -> str:
    return ("" if lang == "en" else f"{lang}/") + f"themes/{theme_id}/index.html"


def documents_by_date(corpus) -> list[str]:
    return sorted(corpus, key=lambda document: corpus[document].info.date)


def listed_clauses(page: BeautifulSoup) -> dict[str, list[str]]:
    """A theme page's clause codes (lower-cased: the clause ids) under each document heading."""
    listed: dict[str, list[str]] = {}
    for heading in page.select("article h2"):
        listed[heading["id"]] = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "nav"):
                break
            if sibling.name == "h3":
                listed[heading["id"]].append(sibling.select_one(".clause-code").get_text().lower())
    return listed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_links_lead_to_the_theme_pages(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    for document in CLAUSE_IDS:
        page = soup_of(site, page_path(document, lang))
        for clause in page.select("section.clause"):
            clause_id = clause.select_one(".clause-label")["id"]
            hrefs = [link["href"] for link in clause.select(".clause-themes > p a")]
            assert hrefs == [f"../../themes/{entry.id}/" for entry in themes_of(themes, clause_id)]
            for href, entry in zip(hrefs, themes_of(themes, clause_id)):
                target = soup_of(site, theme_page_path(entry.id, lang))
                assert clause_id in [code for codes in listed_clauses(target).values() for code in codes], (clause_id, href)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_theme_has_a_page_in_both_languages_titled_with_its_name(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    published = sorted(path.parent.name for path in (site / theme_page_path("x", lang)).parent.parent.glob("*/index.html"))
    assert published == sorted(entry.id for entry in themes)
    for entry in themes:
        page = soup_of(site, theme_page_path(entry.id, lang))
        assert normalized(page.select_one("article h1").get_text()).removesuffix("¶") == entry.name[lang]
        assert page.title.get_text().startswith(entry.name[lang])
        assert page.select_one("article .theme-description").get_text() == entry.description[lang]
        assert page.select_one("article p.editorial").has_attr("data-search-exclude")
        assert page.select_one("article .theme-overview-link a")["href"] == "../"
        # outside the navigation on purpose: reached from the themes page and the document pages
        assert not page.select(f".md-nav a[href$='{entry.id}/']")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_theme_page_shows_its_clauses_by_document_in_date_order_with_the_texts_of_both_languages(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    other = "en" if lang == "zh" else "zh"
    tags = {"zh": "zh", "en": "en"}
    documents = documents_by_date(corpus)
    for entry in themes:
        page = soup_of(site, theme_page_path(entry.id, lang))
        expected = {
            document: [clause for clause in CLAUSE_IDS[document] if clause in entry.clauses]
            for document in documents
            if any(clause in entry.clauses for clause in CLAUSE_IDS[document])
        }
        assert listed_clauses(page) == expected, entry.id
        assert list(listed_clauses(page)) == [document for document in documents if document in expected]
        for heading in page.select("h3.theme-clause"):
            clause_id = heading.select_one(".clause-code").get_text().lower()
            document = corpus[clause_id.split("-")[0]]
            assert heading.a["href"] == f"../../documents/{document.info.slug}/#{clause_id}"
            assert heading.has_attr("data-search-exclude")
            row = heading.find_next_sibling("div", class_="parallel-row")
            columns = row.select(".parallel-col")
            assert [column["lang"] for column in columns] == [tags[lang], tags[other]]
            for column, version in zip(columns, (lang, other)):
                block = next(block for block in document.versions[version].blocks if block.id == clause_id)
                assert normalized(column.get_text()) == normalized(block.text), (entry.id, clause_id, version)
            assert row.has_attr("data-search-exclude") and all(column.has_attr("data-search-exclude") for column in columns)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_theme_page_heads_each_document_with_its_name_and_id_and_keeps_it_out_of_search(site, corpus, lang):
    page = soup_of(site, theme_page_path("development-and-safety", lang))
    headings = page.select("article h2")
    assert [heading["id"] for heading in headings] == ["ini", "shd", "gap"]
    for heading in headings:
        info = corpus[heading["id"]].info
        assert normalized(heading.get_text()).removesuffix("¶") == document_year(info, lang)
        assert heading.has_attr("data-search-exclude")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_pages_link_to_the_previous_and_next_theme_by_name(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    for index, entry in enumerate(themes):
        pager = soup_of(site, theme_page_path(entry.id, lang)).select_one("nav.theme-pager")
        assert pager.has_attr("data-search-exclude")
        links = {link["rel"][0]: link for link in pager.select("a")}
        neighbours = {
            "prev": themes[index - 1] if index else None,
            "next": themes[index + 1] if index + 1 < len(themes) else None,
        }
        assert set(links) == {rel for rel, neighbour in neighbours.items() if neighbour}
        for rel, link in links.items():
            assert link["href"] == f"../{neighbours[rel].id}/"
            assert normalized(link.get_text()).endswith(neighbours[rel].name[lang])
            assert (site / theme_page_path(neighbours[rel].id, lang)).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_matrix_links_each_count_to_its_document_on_the_theme_page(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    page = soup_of(site, themes_path(lang))
    rows = page.select("table.themes-matrix tbody tr")
    assert [row.th.a["href"] for row in rows] == [f"{entry.id}/" for entry in themes]
    assert [th["scope"] for th in page.select("table.themes-matrix th")] == ["col"] * 5 + ["row"] * len(themes)
    documents = documents_by_date(corpus)
    for row, entry in zip(rows, themes):
        cells = row.select("td")
        counts = [int(cell.get_text()) for cell in cells]
        expected = [sum(clause.startswith(f"{document}-") for clause in entry.clauses) for document in documents]
        assert counts == expected, entry.id
        listed = listed_clauses(soup_of(site, theme_page_path(entry.id, lang)))
        for cell, document, count in zip(cells, documents, counts):
            if not count:
                assert cell.a is None and "themes-matrix__none" in cell["class"]
                continue
            assert cell.a["href"] == f"{entry.id}/#{document}"
            assert cell.a["aria-label"].startswith(entry.name[lang]) and cell.a["aria-label"].endswith(
                f"{count}" if lang == "en" else f"{count}条"
            )
            assert len(listed[document]) == count, (entry.id, document)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_lists_each_themes_clause_codes_and_links_its_page(site, corpus, lang):
    themes = load_themes(THEMES, corpus)
    page = soup_of(site, themes_path(lang))
    documents = documents_by_date(corpus)
    for entry in themes:
        heading = page.select_one(f"h2#{entry.id}")  # old links to themes/#<id> still land
        assert normalized(heading.get_text()).removesuffix("¶") == entry.name[lang]
        assert heading.has_attr("data-search-exclude")
        summary = heading.find_next_sibling("ul", class_="theme-summary")
        hrefs = [link["href"] for link in summary.select("a")]
        assert hrefs == [
            f"../documents/{SLUGS[document]}/#{clause}"
            for document in documents
            for clause in CLAUSE_IDS[document]
            if clause in entry.clauses
        ]
        assert [link.get_text() for link in summary.select("a")] == [href.split("#")[1].upper() for href in hrefs]
        read = heading.find_next_sibling("p", class_="theme-read").a
        assert read["href"] == f"{entry.id}/"
        assert str(len(entry.clauses)) in read.get_text() or len(entry.clauses) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_has_no_clause_text(site, corpus, lang):
    page = soup_of(site, themes_path(lang))
    assert not page.select(".parallel-row, .parallel-col, h3.theme-clause")
    text = normalized(page.select_one("article").get_text())
    for document in corpus.values():
        for version in document.versions.values():
            for block in version.blocks:
                if not block.is_heading:
                    assert normalized(block.text)[:40] not in text, block.id


def test_search_indexes_neither_the_cross_references_nor_the_repeated_text(site):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "INI-P1 · " not in index
    assert "Initiative 2023, proposal 4" not in index
    assert "Open source and open sharing" in index


# Theme pages that are missing, unknown, doubled or misplaced fail the build, naming the file.


def stub(theme_id: str, path: str = "", **meta) -> ThemePageSource:
    path = path or f"themes/{theme_id}.en.md"
    uri = path.replace(".en.md", ".md")
    return ThemePageSource(path=f"docs/{path}", uri=uri, meta={"data_view": "theme", "theme": theme_id, **meta})


def test_theme_pages_are_checked_without_a_build(corpus):
    themes = load_themes(THEMES, corpus)
    pages = [stub(entry.id) for entry in themes]
    check_theme_pages(pages, themes, "en", "docs")
    cases = {
        "docs/themes/ethics.en.md: missing: theme 'ethics' needs a page in 'en'": [
            page for page in pages if page.meta["theme"] != "ethics"
        ],
        "docs/about/ethics.en.md: the page of theme 'ethics' must be docs/themes/ethics.en.md": [
            stub("ethics", "about/ethics.en.md") if page.meta["theme"] == "ethics" else page for page in pages
        ],
        "docs/themes/zz.en.md: theme 'ethics' already has a page, docs/themes/ethics.en.md": pages
        + [stub("ethics", "themes/zz.en.md")],
        "docs/themes/ethics.en.md: a page in docs/themes/ is a theme page": [
            stub("ethics", data_view="themes") if page.meta["theme"] == "ethics" else page for page in pages
        ],
    }
    for message, broken in cases.items():
        with pytest.raises(DataError) as error:
            check_theme_pages(broken, themes, "en", "docs")
        assert message in str(error.value)


OPEN_SOURCE_PAGE = Path("docs/themes/open-source.zh.md")


def broken_theme_pages(tmp_path: Path, change) -> str:
    """The log of a build of the project with one change made to its theme pages; it must fail."""
    project = copy_project(tmp_path / "project")
    change(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    return result.stdout + result.stderr


@pytest.mark.build
def test_the_build_fails_on_a_theme_page_naming_an_unknown_theme(tmp_path):
    log = broken_theme_pages(
        tmp_path, lambda project: (project / OPEN_SOURCE_PAGE).write_text("---\ndata_view: theme\ntheme: open-sauce\n---\n")
    )
    assert "docs/themes/open-source.zh.md: unknown theme 'open-sauce'" in log


@pytest.mark.build
def test_the_build_fails_on_a_theme_page_naming_no_theme(tmp_path):
    log = broken_theme_pages(tmp_path, lambda project: (project / OPEN_SOURCE_PAGE).write_text("---\ndata_view: theme\n---\n"))
    assert "docs/themes/open-source.zh.md: a theme page needs 'theme: <id>' in its front matter" in log


@pytest.mark.build
def test_the_build_fails_on_a_theme_page_without_the_theme_view(tmp_path):
    log = broken_theme_pages(tmp_path, lambda project: (project / OPEN_SOURCE_PAGE).write_text("---\ntheme: open-source\n---\n"))
    assert "docs/themes/open-source.zh.md: a page in docs/themes/ is a theme page" in log


@pytest.mark.build
def test_the_build_fails_on_a_theme_without_a_chinese_page(tmp_path):
    log = broken_theme_pages(tmp_path, lambda project: (project / OPEN_SOURCE_PAGE).unlink())
    assert "docs/themes/open-source.zh.md: missing: theme 'open-source' needs a page in 'zh'" in log


@pytest.mark.build
def test_the_build_fails_on_a_theme_added_without_pages(tmp_path):
    def change(project: Path) -> None:
        path = project / "data" / "themes.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries.append(dict(theme(entries, "ethics"), id="ethics-again"))
        path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")

    log = broken_theme_pages(tmp_path, change)
    assert "docs/themes/ethics-again.en.md: missing: theme 'ethics-again' needs a page in 'en'" in log


@pytest.mark.build
def test_the_build_fails_on_two_pages_for_one_theme(tmp_path):
    def change(project: Path) -> None:
        page = project / "docs" / "themes" / "misuse.en.md"
        page.write_text(page.read_text(encoding="utf-8").replace("theme: misuse", "theme: ethics"), encoding="utf-8")

    log = broken_theme_pages(tmp_path, change)
    assert "docs/themes/misuse.en.md: theme 'ethics' already has a page, docs/themes/ethics.en.md" in log
