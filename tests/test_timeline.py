"""The timeline: data checks that fail loudly, the page, and the links between events and clauses."""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from aigov.corpus import DataError
from aigov.timeline import FACTS_FILE, load_facts, load_timeline
from conftest import ROOT, copy_project, mkdocs_build
from scheme import SLUGS

TIMELINE = ROOT / "data" / "timeline.yml"
FACTS = load_facts(ROOT / "data" / FACTS_FILE)
REQUIRED_LINKS = {
    "a-res-78-311": {"cap-p1"},
    "a-res-79-1": {"gap-p1", "gap-11"},
    "a-res-79-325": {"gap-11"},
    "first-ai-capacity-building-workshop": {"cap-a6"},
}


# Who publishes at each address the timeline links a source to: a source's link names its publisher
# (a release of Xinhua is not linked to the UN resolution it reports).
PUBLISHERS = {
    "undocs.org": "UN General Assembly resolution",
    "press.un.org": "UN press release",
    "unctad.org": "UNCTAD",
    "be.china-embassy.gov.cn": "Chinese embassy release",
    "www.fmprc.gov.cn": "Ministry of Foreign Affairs",
}


def entries():
    return yaml.safe_load(TIMELINE.read_text(encoding="utf-8"))


def write_broken(tmp_path: Path, change) -> Path:
    data = entries()
    change(data)
    path = tmp_path / "timeline.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=False), encoding="utf-8")
    return path


@pytest.mark.build
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data[3].update(date="2024-13-01"), r"events\[3\]\.date: '2024-13-01' is not an ISO date"),
        (lambda data: data[3].update(date="2024-02-30"), r"events\[3\]\.date: '2024-02-30' is not an ISO date"),
        (lambda data: data[3].update(kind="summit"), r"events\[3\]\.kind: 'summit' is not one of"),
        (lambda data: data[3].update(clauses=["cap-p9"]), r"events\[3\]\.clauses\[0\]: unknown clause 'cap-p9'"),
        (lambda data: data[3]["title"].pop("zh"), r"events\[3\]\.title\.zh: missing; it is required"),
        (lambda data: data[3]["description"].pop("en"), r"events\[3\]\.description\.en: missing; it is required"),
        (lambda data: data[5].update(end="2024-09-01"), r"events\[5\]\.end: 2024-09-01 is not after 'date' 2024-09-03"),
        (lambda data: data[1].update(document="xyz"), r"events\[1\]\.document: unknown document 'xyz'"),
    ],
)
def test_bad_events_fail_naming_the_file_and_the_entry(tmp_path, corpus, change, message):
    path = write_broken(tmp_path, change)
    with pytest.raises(DataError, match=re.escape(str(path)) + r":\d+: " + message):
        load_timeline(path, corpus, FACTS)


@pytest.mark.build
def test_the_build_fails_on_an_impossible_date(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "timeline.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-07-01", "date: 2024-06-31"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/timeline.yml:60: events[3].date: '2024-06-31' is not an ISO date, YYYY-MM-DD" in result.stdout + result.stderr


def test_events_are_sourced_dated_and_linked_as_required(corpus):
    events = {event.id: event for event in load_timeline(TIMELINE, corpus, FACTS)}
    for event_id, clauses in REQUIRED_LINKS.items():
        assert clauses <= set(events[event_id].clauses), event_id
    documents = {event.document: event for event in events.values() if event.kind == "document"}
    assert set(documents) == set(SLUGS)
    assert documents["ini"].date == datetime.date(2023, 10, 18) and documents["ini"].issued == datetime.date(2023, 10, 20)
    assert documents["cap"].issued == datetime.date(2024, 9, 27)
    for event in events.values():
        for source in event.sources:
            if source.url:
                publisher = PUBLISHERS[urlsplit(source.url).hostname]
                assert source.name["en"].startswith(publisher), (event.id, source)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_timeline_page_lists_every_event_by_year_with_working_links(site, corpus, lang):
    prefix = "" if lang == "en" else "zh/"
    page = BeautifulSoup((site / prefix / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    events = load_timeline(TIMELINE, corpus, FACTS)
    items = page.select("ol.timeline > li.timeline-event")
    assert [item["id"] for item in items] == [event.id for event in events]
    for item, event in zip(items, events):
        assert item.find("time")["datetime"] == event.date.isoformat()
        year = item.find_parent("ol").find_previous_sibling("h2")
        assert year["id"] == f"year-{event.date.year}"
        assert event.title[lang] in item.get_text()
        for link in item.select('a[href^="../documents/"]'):
            target, _, anchor = link["href"].removeprefix("../").partition("#")
            target_page = BeautifulSoup((site / prefix / target / "index.html").read_text(encoding="utf-8"), "html.parser")
            assert not anchor or target_page.find(id=anchor), link["href"]
        linked = {link["href"].partition("#")[2] for link in item.select('a[href*="#"]')}
        assert set(event.clauses) <= linked
        sources = item.select_one("p.editorial:last-child")
        expected = [(source.name[lang], source.url) for source in event.sources if source.url]
        if event.symbol:
            expected.append((event.symbol, f"https://undocs.org/{event.symbol}"))
        assert [(link.get_text(), link["href"]) for link in sources.select("a")] == expected
        for source in event.sources:
            assert source.name[lang] in sources.get_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_clauses_link_back_to_their_events_and_documents_to_their_neighbours(site, corpus, lang):
    prefix = "" if lang == "en" else "zh/"
    timeline = BeautifulSoup((site / prefix / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    events = load_timeline(TIMELINE, corpus, FACTS)
    ordered = sorted(corpus.values(), key=lambda document: document.info.date)
    for index, document in enumerate(ordered):
        path = site / prefix / "documents" / document.info.slug / "index.html"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for event in events:
            for clause in set(event.clauses) & set(document.versions[lang].clause_ids):
                section = page.find(id=clause).find_parent("section")
                assert section.select_one(f'a[href="../../timeline/#{event.id}"]'), (clause, event.id)
        position = page.select_one("nav.document-position")
        previous, following = position.select_one('a[rel="prev"]'), position.select_one('a[rel="next"]')
        assert (previous is None) == (index == 0) and (following is None) == (index == len(ordered) - 1)
        if previous:
            assert previous["href"] == f"../{ordered[index - 1].info.slug}/"
        timeline_link = position.select_one('a[href^="../../timeline/#"]')
        assert timeline.find(id=timeline_link["href"].partition("#")[2])


def test_the_kind_filter_works_from_the_keyboard_and_without_javascript_all_show(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/timeline/")
    total = page.locator(".timeline-event").count()
    page.get_by_role("button", name="UN decisions").focus()
    page.keyboard.press("Enter")
    kinds = page.eval_on_selector_all(".timeline-event", "items => items.filter(i => !i.hidden).map(i => i.dataset.kind)")
    assert kinds and set(kinds) == {"un-decision"}
    assert page.get_by_role("button", name="UN decisions").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="All events").click()
    assert page.locator(".timeline-event:visible").count() == total
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/zh/timeline/")
    assert page.locator(".timeline-event:visible").count() == total
    assert not page.locator(".timeline-filter").is_visible()
    context.close()
