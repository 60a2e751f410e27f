"""The installed Material for MkDocs still behaves as the site's code assumes: each assumption is
checked against the theme's own templates and sources (the source maps it ships), so that an
upgrade fails one named test here instead of many browser tests."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import material

THEME = Path(material.__file__).parent / "templates"
JAVASCRIPTS = THEME / "assets" / "javascripts"
ROOT = Path(__file__).resolve().parent.parent


@cache
def material_sources(bundle: str) -> dict[str, str]:
    """The TypeScript sources of one of the theme's scripts (`bundle` or `workers/search`), by
    path, from the source map shipped beside the minified script."""
    [source_map] = sorted(JAVASCRIPTS.glob(f"{bundle}.*.min.js.map"))
    data = json.loads(source_map.read_text(encoding="utf-8"))
    return {path.split("src/templates/assets/javascripts/", 1)[-1]: text for path, text in zip(data["sources"], data["sourcesContent"])}


def source(bundle: str, path: str) -> str:
    return material_sources(bundle)[path]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- Search internals: overrides/assets/javascripts/material-search.js (issue #15) -------------
# One test per assumption listed at the top of material-search.js.



def test_search_script_runs_before_the_theme_bundle():
    """1. The bundle is loaded in the `scripts` block of base.html, which main.html extends."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    block = base.split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert "assets/javascripts/bundle." in block
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    ours = main.split("{% block scripts %}", 1)[1]
    assert ours.index("material-search.js") < ours.index("{{ super() }}")


def test_search_config_toggle_field_and_result_list_are_in_the_theme_markup():
    """2, 3. The config names the search worker; the dialog opens through #__search or the field;
    the results are rendered into .md-search-result__list."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert 'id="__config"' in base and '"search": "assets/javascripts/workers/search.' in base
    assert 'id="__search"' in base
    search = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'class="md-search__input"' in search
    assert 'class="md-search-result__meta"' in search and 'class="md-search-result__list"' in search


def test_search_index_is_requested_with_xmlhttprequest_at_search_index_json():
    """4. Online, the bundle asks for search/search_index.json with XMLHttpRequest; offline
    (file://) it loads search/search_index.js as a script."""
    bundle = source("bundle", "bundle.ts")
    assert 'requestJSON<SearchIndex>(\n      new URL("search/search_index.json", config.base)' in bundle
    assert 'new URL("search/search_index.js", config.base)' in bundle
    request = source("bundle", "browser/request/index.ts")
    assert "new XMLHttpRequest()" in request and 'req.open("GET", `${url}`)' in request


def test_search_worker_message_numbers():
    """5. Messages { type, data }: 0 setup (data.docs), 1 ready, 2 query (a string), 3 result."""
    message = compact(source("bundle", "integrations/search/worker/message/index.ts"))
    assert "exportconstenumSearchMessageType{SETUP,READY,QUERY,RESULT}" in re.sub(r"/\*.*?\*/", "", message)
    setup = compact(source("bundle", "integrations/search/worker/_/index.ts"))
    assert "type:SearchMessageType.SETUP,data:{config,docs," in setup
    query = compact(source("bundle", "components/search/query/index.ts"))
    assert "type:SearchMessageType.QUERY,data:value" in query


def test_search_worker_is_started_with_new_worker_heard_through_message_events_and_told_through_post_message():
    """5. The bundle starts the worker the config names with new Worker(url), sends with
    worker.postMessage and hears fromEvent(worker, "message"), which adds a listener with
    addEventListener and reads event.data."""
    assert "const worker$ = setupSearchWorker(config.search, index$)" in source("bundle", "components/search/_/index.ts")
    assert "const worker$ = watchWorker<SearchMessage>(url)" in source("bundle", "integrations/search/worker/_/index.ts")
    worker = source("bundle", "browser/worker/index.ts")
    assert "url: string, worker = new Worker(url)" in worker
    assert 'fromEvent<MessageEvent<T>, T>(worker, "message", ev => ev.data)' in worker
    assert "worker.postMessage(data)" in worker


def test_search_results_are_groups_of_entries_with_the_page_added_at_score_zero():
    """5. The worker answers a query with items: one group per page, entries with location,
    title, text, score and terms; the page's own entry added with score 0 when only its
    sections matched; a page's entry scored with a bonus that a section does not get."""
    search = source("workers/search", "integrations/search/_/index.ts")
    assert "items.push({ ...doc, score: 0, terms: {} })" in search
    assert "const boost = +!doc.parent +" in search and "score: score * (1 + boost ** 2)," in search
    assert "items: [...groups.values()]," in search


def test_search_query_is_read_on_keyup_and_focus():
    """6. The query is read from the field on keyup and focus, not on input."""
    query = compact(source("bundle", "components/search/query/index.ts"))
    assert 'worker$.pipe(first(isSearchReadyMessage)),fromEvent(el,"keyup"),focus$' in query
    assert 'fromEvent(el,"input")' not in query


def test_search_result_rendering_heads_each_group_with_its_page_and_folds_weaker_sections():
    """7. A group's heading link is its entry without "#" (else the last entry); entries scoring
    below the group's first are folded; each link carries data-md-score."""
    render = source("bundle", "templates/search/index.tsx")
    assert "const threshold = result[0].score" in render
    assert 'return !l.includes("#")' in render and "const [article] = docs.splice(parent, 1)" in render
    assert "let index = docs.findIndex(doc => doc.score < threshold)" in render
    assert 'class="md-search-result__more"' in render
    assert "data-md-score={document.score.toFixed(2)}" in render


def test_search_enter_follows_the_best_scored_link():
    """7. Enter in the field follows the result link with the highest data-md-score."""
    search = source("bundle", "components/search/_/index.ts")
    assert 'article.getAttribute("data-md-score")!' in search
    assert "const [[best]] = [...anchors].sort(([, a], [, b]) => b - a)" in search and "best.click()" in search


def test_search_worker_cuts_chinese_with_the_index_and_adds_a_wildcard_to_each_word():
    """Why material-search.js cuts Chinese itself and ends each word with U+303B: the worker cuts
    a Han run with the index's words, never a word ending on the run's last character, and gives
    up on the run when a character begins no word; each word becomes a prefix query."""
    search = source("workers/search", "integrations/search/_/index.ts")
    assert "query = query.replace(/\\p{sc=Han}+/gu, value => {" in search
    assert "segment(value, this.index.invertedIndex)" in search
    segment = source("workers/search", "integrations/search/query/segment/index.ts")
    assert "for (let j = i + 1; j < query.length; j++) {" in segment
    assert 'if (segments.has(""))\n    return new Set([query])' in segment
    transform = source("workers/search", "integrations/search/query/transform/index.ts")
    assert ".map(term => /(^[+-]|[~^]\\d+$)/.test(term) ? term : `${term}*`)" in transform


def test_search_worker_loads_lunr_languages_from_the_setup_config():
    """The worker imports a Lunr language script for each language of config.lang but English."""
    main = source("workers/search", "integrations/search/worker/main/index.ts")
    assert "for (const lang of config.lang) {" in main
    assert 'if (lang !== "en")\n      scripts.push(`${base}/min/lunr.${lang}.min.js`)' in main
