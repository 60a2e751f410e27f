"""Search index entries for both languages: each page's entries carry their language, and the
words that find a section without being shown in its result.

Material's search plugin indexes a page's own text, its Chinese cut into words by jieba and
joined by zero-width spaces. A clause's other-language column is left out of that text (the
result shows the page's language) and added here, with the parts of the Chinese compounds
that the user dictionary keeps whole (伦理 inside 科技伦理审查), in the field `extra`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import jieba

from .corpus import LANGUAGES, CorpusDocument, DataError

EXTRA_FIELD = "extra"
WORD_SEPARATOR = "\u200b"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


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
            extra.append(segment_chinese(other_texts[anchor]))
        extra.extend(compound_parts(f"{entry['title']} {entry['text']} {' '.join(extra)}"))
        if extra:
            entry[EXTRA_FIELD] = " ".join(extra)


def language_indexes(index: Mapping[str, Any]) -> dict[str, str]:
    """The whole search index split by language, as JSON: a page loads only its own language's
    entries (which hold the other language's words unseen). UTF-8, not Material's escapes."""
    untagged = [entry["location"] for entry in index["docs"] if entry.get("lang") not in LANGUAGES]
    if untagged:
        raise DataError(f"search index entries without a language: {', '.join(untagged)}")
    return {
        lang: json.dumps(
            {"config": index["config"], "docs": [entry for entry in index["docs"] if entry["lang"] == lang]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for lang in LANGUAGES
    }
