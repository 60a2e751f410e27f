"""Search index entries for both languages: each page's entries carry their language, and the
words that find a section without being shown in its result.

Material's search plugin indexes a page's own text, its Chinese cut into words by jieba and
joined by zero-width spaces. A clause's other-language column is left out of that text (the
result shows the page's language) and added here, with the parts of the Chinese compounds
that the user dictionary keeps whole (伦理 inside 科技伦理审查) and pinyin without its tone marks
(quan qiu nan fang for quán qiú nán fāng), in the field `extra`. That field
is never shown: it holds only the words the search worker indexes, without punctuation or the
English words its pipeline drops (a page loads its index when search opens, on slow links too).

A page loads its own language's index when search opens (search_index.<lang>.json), the
entries as the pages show them, and the field `extra` of its entries once that is built
(search_index.<lang>.extra.json): a third of the bytes, and of the worker's build, come after
search is ready.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import jieba

from .corpus import LANGUAGES, CorpusDocument, DataError

EXTRA_FIELD = "extra"
WORD_SEPARATOR = "\u200b"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Where the search worker's words end: the `separator` of the search plugin in mkdocs.yml.
SEARCH_SEPARATOR = (
    r'[\s\u200b\-()\[\]"\u201c\u201d\u2018\u2019,;:!?\u2014\u2026'
    r"\u3001\u3002\u300a\u300b\u300c\u300d\uff08\uff09\uff0c\uff1a\uff1b\uff01\uff1f]+"
)
# The English words Lunr's stop-word filter, the one step of the worker's pipeline, never
# indexes (lunr.stopWordFilter, as Material 9.8.1 bundles it).
LUNR_STOP_WORDS = frozenset(
    """a able about across after all almost also am among an and any are as at be because been but by
    can cannot could dear did do does either else ever every for from get got had has have he her
    hers him his how however i if in into is it its just least let like likely may me might most
    must my neither no nor not of off often on only or other our own rather said say says she
    should since so some than that the their them then there these they this tis to too twas us
    wants was we were what when where which while who whom why will with would yet you your""".split()
)


def segment_chinese(text: str) -> str:
    """The text with each Chinese run cut into words, as Material's search plugin cuts it."""
    return _HAN_RUN.sub(lambda run: WORD_SEPARATOR + WORD_SEPARATOR.join(jieba.cut(run.group(0))) + WORD_SEPARATOR, text).strip(
        WORD_SEPARATOR
    )


def compound_parts(segmented: str) -> list[str]:
    """The dictionary words inside the Chinese words of a segmented text, once each, in order,
    leaving out those that the text holds as words of their own."""
    words = _HAN_RUN.findall(segmented)
    present = set(words)
    parts: dict[str, None] = {}
    for word in words:
        if len(word) > 2:
            parts.update((part, None) for part in jieba.cut_for_search(word) if len(part) > 1 and part not in present)
    return list(parts)


def toneless_words(text: str) -> list[str]:
    """The words written with tone marks or other accents (pinyin: quán qiú), without them, once
    each, in order: a reader types pinyin without its tones."""
    words: dict[str, None] = {}
    for word in re.split(SEARCH_SEPARATOR, text):
        plain = "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char))
        if plain != word:
            words[plain] = None
    return list(words)


def indexed_words(text: str) -> str:
    """The words of a text that the search worker indexes, in order: no punctuation, no stop
    words; Chinese words joined by zero-width spaces (read as one run when matching a phrase),
    other words by spaces."""
    words = [word for word in re.split(SEARCH_SEPARATOR, text) if word and word.lower() not in LUNR_STOP_WORDS]
    joined = words[:1]
    for before, word in zip(words, words[1:], strict=False):
        han = _HAN_RUN.match(word[0]) or _HAN_RUN.match(before[-1])
        joined.append((WORD_SEPARATOR if han else " ") + word)
    return "".join(joined)


def other_language_texts(document: CorpusDocument, lang: str) -> dict[str, str]:
    """Each clause and heading id of a document page, with its text in the other language."""
    return {row.primary.id: row.secondary.text for row in document.rows(lang)}


def page_entries(entries: Iterable[dict[str, Any]], page_url: str) -> list[dict[str, Any]]:
    """The index entries of one page: the page itself and its sections."""
    return [entry for entry in entries if entry["location"].split("#")[0] == page_url]


# Material shows a page's own entry as the heading of its group of results and folds away the
# sections that score below it; a document's title would outweigh the clauses it heads.
DOCUMENT_PAGE_BOOST = 0.1


def index_page(entries: Iterable[dict[str, Any]], lang: str, other_texts: Mapping[str, str]) -> None:
    """Tag a page's entries with its language and fill their `extra` field, in place; on a
    document page (one with other-language texts), weigh the page's own entry down."""
    for entry in entries:
        entry["lang"] = lang
        anchor = entry["location"].partition("#")[2]
        if other_texts and not anchor:
            entry["boost"] = DOCUMENT_PAGE_BOOST
        extra = []
        if anchor in other_texts:
            extra.append(indexed_words(segment_chinese(other_texts[anchor])))
        extra.extend(compound_parts(f"{entry['title']} {entry['text']} {' '.join(extra)}"))
        extra.extend(toneless_words(entry["text"]))
        if extra:
            entry[EXTRA_FIELD] = " ".join(extra)


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def language_indexes(index: Mapping[str, Any]) -> dict[str, str]:
    """The whole search index split by language, as JSON files by name: a page loads its own
    language's entries without their field `extra` (`search_index.<lang>.json`), then that
    field of each, by location (`search_index.<lang>.extra.json`). UTF-8, not Material's escapes."""
    untagged = [entry["location"] for entry in index["docs"] if entry.get("lang") not in LANGUAGES]
    if untagged:
        raise DataError(f"search index entries without a language: {', '.join(untagged)}")
    files = {}
    for lang in LANGUAGES:
        entries = [entry for entry in index["docs"] if entry["lang"] == lang]
        shown = [{key: value for key, value in entry.items() if key != EXTRA_FIELD} for entry in entries]
        extra = {entry["location"]: entry[EXTRA_FIELD] for entry in entries if entry.get(EXTRA_FIELD)}
        files[f"search_index.{lang}.json"] = _compact_json({"config": index["config"], "docs": shown})
        files[f"search_index.{lang}.extra.json"] = _compact_json(extra)
    return files
