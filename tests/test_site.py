"""The built site: every clause is an anchor, every source sentence is on its page, in order."""

import pytest
from bs4 import BeautifulSoup

from aigov.alternates import language_roots
from aigov.fidelity import expected_version, repair_listing
from aigov.source import sentences
from conftest import normalized, soup_of
from scheme import CLAUSE_IDS, page_path

LANGUAGES = ("zh", "en")
LANG_TAGS = {"zh": "zh", "en": "en"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_every_clause_is_an_anchor_and_nothing_else_is_a_clause(site, document, lang):
    page = soup_of(site, page_path(document, lang))
    labelled = [heading["id"] for heading in page.select(".clause .clause-label")]
    assert labelled == CLAUSE_IDS[document]
    for clause_id in CLAUSE_IDS[document]:
        assert len(page.find_all(id=clause_id)) == 1, clause_id
        assert page.select_one(f'a[href="#{clause_id}"]'), clause_id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_every_source_sentence_is_on_the_page_in_order(site, corpus, source, repairs, document, lang):
    page = soup_of(site, page_path(document, lang))
    columns = page.select(f'.parallel-col[lang="{LANG_TAGS[lang]}"]')
    # No separator inside a column: inline elements (glossary <abbr>) sit within words.
    published = normalized(" ".join(column.get_text() for column in columns))
    expected = expected_version(corpus[document].info, lang, source, repairs)
    position = 0
    for paragraph in expected.paragraphs:
        for sentence in sentences(paragraph):
            found = published.find(normalized(sentence), position)
            assert found >= 0, f"{document} ({lang}) misses, or has out of order: {sentence!r}"
            position = found + len(sentence)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_each_clause_row_pairs_the_page_language_with_the_other(site, document, lang):
    page = soup_of(site, page_path(document, lang))
    other = "en" if lang == "zh" else "zh"
    for clause in page.select(".clause"):
        columns = clause.select(".parallel-col")
        assert [column["lang"] for column in columns] == [LANG_TAGS[lang], LANG_TAGS[other]]
        assert all(normalized(column.get_text()) for column in columns)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLAUSE_IDS)
def test_document_page_states_its_metadata(site, corpus, document, lang):
    info = corpus[document].info
    page = soup_of(site, page_path(document, lang))
    assert normalized(page.h1.get_text()).startswith(info.title[lang])
    meta = page.select_one(".document-meta")
    assert info.title["en" if lang == "zh" else "zh"] in meta.get_text()
    assert meta.select_one(f'time[datetime="{info.date.isoformat()}"]')
    assert info.occasion[lang] in meta.get_text()
    for wrapper in info.wrappers.get("en", []):
        assert wrapper in meta.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_editorial_notes_list_every_repair(site, corpus, source, repairs, lang):
    page = soup_of(site, ("" if lang == "en" else "zh/") + "editorial-notes/index.html")
    tables = page.select("table.repairs")
    assert len(tables) == len(corpus)
    for table, document in zip(tables, corpus.values()):
        listing = repair_listing(document, source, repairs)
        assert len(table.select("tbody tr")) == len(listing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_the_four_documents_in_date_order(site, corpus, lang):
    page = soup_of(site, "index.html" if lang == "en" else "zh/index.html")
    dates = [time["datetime"] for time in page.select(".document-list time")]
    assert dates == sorted(info.info.date.isoformat() for info in corpus.values())
    by_date = sorted(corpus.values(), key=lambda doc: doc.info.date)
    titles = [normalized(link.get_text()) for link in page.select(".document-card__title a")]
    assert titles == [doc.info.title[lang] for doc in by_date]
    other = "zh" if lang == "en" else "en"
    assert [normalized(title.get_text()) for title in page.select(".document-card__other")] == [
        doc.info.title[other] for doc in by_date
    ]
    counts = [normalized(meta.get_text()).split(" · ")[1] for meta in page.select(".document-card__meta")]
    clauses = [len(CLAUSE_IDS[doc.info.id]) for doc in by_date]
    assert counts == [f"{n} clauses" if lang == "en" else f"共{n}条" for n in clauses]
    reads = [link["href"] for link in page.select(".document-card__read a")]
    assert reads == [link["href"] for link in page.select(".document-card__title a")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_leads_to_the_pages_around_the_texts(site, lang):
    page = soup_of(site, "index.html" if lang == "en" else "zh/index.html")
    prefix = "" if lang == "en" else "zh/"
    links = [link["href"] for link in page.select(".home-pages a")]
    assert links == ["timeline/", "themes/", "glossary/", "data/", "download/"]
    assert all((site / prefix / link / "index.html").exists() for link in links)


def test_pages_load_no_font_or_script_from_another_host(site):
    for html in site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for element in page.select("link[href], script[src], img[src]"):
            address = element.get("href") or element.get("src")
            is_remote = address.startswith(("http:", "https:", "//"))
            assert not is_remote or element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]), (
                html,
                address,
            )


@pytest.mark.parametrize(("lang", "name"), [("en", "Permanent link"), ("zh", "永久链接")])
def test_heading_links_are_described_in_the_page_language_without_a_title(site, lang, name):
    """Described by aria-description (a label would be read in the heading's name) and shown by
    the site's CSS (data-tip): a title would have the theme set up a tooltip script for each
    heading link at every load."""
    pages = [path for path in site.rglob("index.html") if (path.relative_to(site).parts[0] == "zh") == (lang == "zh")]
    links = [
        link for path in pages for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a.headerlink")
    ]
    assert links
    described = {
        (link.get("aria-description"), link.get("data-tip"), link.get("title"), link.get("aria-label")) for link in links
    }
    assert described == {(name, name, None, None)}


def test_no_page_content_carries_a_title(site):
    """With content.tooltips on, the theme sets up a tooltip script for each element with a title
    in a page's content at every load; the site names its elements with data-tip instead."""
    titled = {
        str(path.relative_to(site)): [element.name for element in elements]
        for path in site.rglob("*.html")
        if (
            elements := BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
                '[data-md-component="content"] [title]'
            )
        )
    }
    assert titled == {}


def test_the_404_page_speaks_both_languages_and_leads_to_both_homes(site):
    page = soup_of(site, "404.html")
    assert page.html["lang"] == "en"
    assert [span["lang"] for span in page.select("article h1 span")] == ["en", "zh"]
    assert normalized(page.select_one("article h1").get_text()) == "Page not found · 页面不存在"
    homes = {paragraph["lang"]: paragraph.a["href"] for paragraph in page.select("article p[lang]")}
    assert homes == {"en": "/", "zh": "/zh/"}
    assert [link["href"] for link in page.select("a.md-select__link")] == ["/", "/zh/"]
    assert not (site / "zh" / "404.html").exists()


def test_language_homes_sit_below_the_site_path():
    assert language_roots(None) == {"en": "/", "zh": "/zh/"}
    assert language_roots("https://example.org/ai-governance/") == {"en": "/ai-governance/", "zh": "/ai-governance/zh/"}
