"""Every data file broken in every way its schema names, and in the ways only Python can check:
each time the loader reports `file:line: path.to.field: cause`, never a traceback; a strict
build fails with that message. Also: both languages' interface strings have the same keys,
every data file names its schema, and the navigation's translations name its entries."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import material
import pytest
import yaml

from aigov.clause_titles import load_clause_titles
from aigov.corpus import DataError, load_documents, load_strings
from aigov.fidelity import load_repairs
from aigov.glossary import load_glossary
from aigov.navigation import nav_titles, theme_features, unknown_nav_translations, unknown_theme_features
from aigov.related import load_relations
from aigov.themes import load_themes
from aigov.timeline import FACTS_FILE, KINDS, load_facts, load_timeline
from conftest import ROOT, copy_project, mkdocs_build

DATA_FILES = {
    "documents.yml": "documents",
    "repairs.yml": "repairs",
    "timeline.yml": "timeline",
    "themes.yml": "themes",
    "glossary.yml": "glossary",
    "relations.yml": "relations",
    "clause-titles.yml": "clause-titles",
    "strings/en.yml": "strings",
    "strings/zh.yml": "strings",
    "source/timeline-facts.yml": "timeline-facts",
}

LOADERS: dict[str, Callable[[Path, Any], object]] = {
    "documents.yml": lambda data, corpus: load_documents(data / "documents.yml"),
    "repairs.yml": lambda data, corpus: load_repairs(data / "repairs.yml", corpus),
    "timeline.yml": lambda data, corpus: load_timeline(data / "timeline.yml", corpus, load_facts(data / FACTS_FILE)),
    "themes.yml": lambda data, corpus: load_themes(data / "themes.yml", corpus),
    "glossary.yml": lambda data, corpus: load_glossary(data / "glossary.yml", corpus),
    "relations.yml": lambda data, corpus: load_relations(data / "relations.yml", corpus),
    "clause-titles.yml": lambda data, corpus: load_clause_titles(data / "clause-titles.yml", corpus),
    "strings/en.yml": lambda data, corpus: load_strings(data, "en"),
    "strings/zh.yml": lambda data, corpus: load_strings(data, "zh"),
    # The facts are read with the timeline, which they date.
    "source/timeline-facts.yml": lambda data, corpus: load_timeline(data / "timeline.yml", corpus, load_facts(data / FACTS_FILE)),
}


@dataclass(frozen=True)
class Case:
    """One breakage: the first match of the regular expression `old` in `file` becomes `new`;
    the loader must report `message` (where "..." stands for any text, as a long value is cut
    short) at the line where `at` first occurs in the broken file (a missing key is reported at
    its entry), or else where `new` begins."""

    file: str
    old: str
    new: str
    message: str
    at: str | None = None


PLAIN_TEXT = "plain text, not blank, without HTML markup (< or >) or an address other than https:"

CASES = {
    # data/documents.yml
    "document without a slug": Case(
        "documents.yml", r"  slug: shanghai-declaration\n", "", "documents[1].slug: missing; it is required", at="- id: shd"
    ),
    "document key misspelt": Case(
        "documents.yml",
        r"  announced: 2023-10-18",
        "  anounced: 2023-10-18",
        "documents[0].anounced: unknown key; known keys: id, slug,",
    ),
    "document date impossible": Case(
        "documents.yml", r"date: 2024-07-04", "date: 2024-04-31", "documents[1].date: '2024-04-31' is not an ISO date, YYYY-MM-DD"
    ),
    "document date not a date": Case(
        "documents.yml",
        r"date: 2024-09-27",
        "date: 27 September 2024",
        "documents[2].date: '27 September 2024' is not an ISO date",
    ),
    "document title without Chinese": Case(
        "documents.yml",
        r"  title:\n    zh: 人工智能能力建设普惠计划\n",
        "  title:\n",
        "documents[2].title.zh: missing; it is required",
        at="en: AI Capacity-Building",
    ),
    "document summary empty": Case(
        "documents.yml",
        r"(  summary:\n    zh: [^\n]*\n    en: )[^\n]*",
        r'\1""',
        "documents[0].summary.en: '' should be non-empty",
        at='en: ""',
    ),
    "document occasion blank": Case(
        "documents.yml",
        r"(  occasion:\n    zh: [^\n]*\n    en: )[^\n]*",
        r'\1"  "',
        "documents[0].occasion.en: '  ' is not plain text, not blank",
        at='en: "  "',
    ),
    "document numbering unknown": Case(
        "documents.yml",
        r"numbered: proposal",
        "numbered: article",
        "documents[0].numbered: 'article' is not one of ['proposal', 'item']",
    ),
    "document line numbers, which the source's titles replace": Case(
        "documents.yml",
        r"numbered: proposal",
        "numbered: proposal\n  source_lines: {zh: [6, 32]}",
        "documents[0].source_lines: unknown key",
        at="source_lines",
    ),
    "document publication notes a string": Case(
        "documents.yml",
        r"wrappers:\n    en:\n      - (\"Issue date: 20 October 2023\")",
        r"wrappers:\n    en: \1",
        "documents[0].wrappers.en: 'Issue date: 20 October 2023' is not of type 'array'",
        at='en: "Issue',
    ),
    "document id not a prefix": Case(
        "documents.yml", r"- id: shd", "- id: SHD", "documents[1].id: 'SHD' is not a document id: lower-case letters"
    ),
    "document slug with spaces": Case(
        "documents.yml",
        r"slug: shanghai-declaration",
        "slug: Shanghai Declaration",
        "documents[1].slug: 'Shanghai Declaration' is not a slug",
    ),
    "document summary with markup": Case(
        "documents.yml",
        r"(  summary:\n    zh: [^\n]*\n    en: )A four",
        r"\1<b>A</b> four",
        "documents[0].summary.en: '<b>A</b> four-paragraph ... is not " + PLAIN_TEXT,
        at="en: <b>",
    ),
    "document id twice": Case(
        "documents.yml", r"- id: cap", "- id: shd", "documents[2].id: 'shd' is already the id of another document"
    ),
    "documents not valid YAML": Case(
        "documents.yml", r"numbered: proposal", "numbered: [proposal", "not valid YAML", at="  date: 2023"
    ),
    "document issue date not the one its source states": Case(
        "documents.yml",
        r"date: 2024-07-04",
        "date: 2024-04-07",
        "documents[1].date: 2024-04-07 differs from the date its source text states, 'Issue date: 4 July 2024'",
    ),
    "document without its issue date note": Case(
        "documents.yml",
        r"      - \"Issue date: 4 July 2024\"\n",
        '      - "Issued: 4 July 2024"\n',
        "documents[1].wrappers: no English publication note states the 'Issue date: ...'",
        at='    en:\n      - "Issued',
    ),
    # data/repairs.yml
    "repair with an extra key": Case(
        "repairs.yml",
        r"(  kind: dash\n)",
        r"\1  note: from the PDF\n",
        "repairs[0].note: unknown key; known keys: document, lang, clause, kind",
        at="note:",
    ),
    "repair without after": Case(
        "repairs.yml", r"  after: ——面向他国\n", "", "repairs[0].after: missing; it is required", at="- document: ini"
    ),
    "repair language unknown": Case(
        "repairs.yml", r"  lang: zh", "  lang: fr", "repairs[0].lang: 'fr' is not one of ['zh', 'en']"
    ),
    "repair kind unknown": Case(
        "repairs.yml", r"  kind: dash", "  kind: typo", "repairs[0].kind: 'typo' is not one of ['rejoin', 'dash',"
    ),
    "repair before empty": Case(
        "repairs.yml", r"  before: 一面向他国", '  before: ""', "repairs[0].before: '' should be non-empty"
    ),
    "repair of an unknown document": Case(
        "repairs.yml",
        r"- document: ini",
        "- document: xyz",
        "repairs[0].document: unknown document 'xyz'; known: ini, shd, cap, gap",
    ),
    "repair of an unknown clause": Case(
        "repairs.yml", r"clause: ini-2\n", "clause: ini-99\n", "repairs[0].clause: 'ini-99' is no clause or heading of 'ini'"
    ),
    "repair of a clause of another document": Case(
        "repairs.yml", r"clause: ini-2\n", "clause: gap-2\n", "repairs[0].clause: 'gap-2' is no clause or heading of 'ini'"
    ),
    # data/timeline.yml
    "event that is a string": Case(
        "timeline.yml",
        r"(\n- id: a-res-78-265)",
        r"\n- the day of the resolution\n\1",
        "events[2]: 'the day of the resolution' is not of type 'object'",
        at="- the day",
    ),
    "event clauses a string": Case(
        "timeline.yml",
        r"(新华社，2024年7月1日\n  clauses: )\[cap-p1\]",
        r"\1cap-p1",
        "events[3].clauses: 'cap-p1' is not of type 'array'",
        at="clauses: cap-p1",
    ),
    "event key misspelt": Case(
        "timeline.yml",
        r"(新华社，2024年7月1日\n  )clauses:",
        r"\1clases:",
        "events[3].clases: unknown key; known keys: id, date,",
        at="clases:",
    ),
    "event without clauses": Case(
        "timeline.yml",
        r"(新华社，2024年7月1日\n)  clauses: \[cap-p1\]\n",
        r"\1",
        "events[3].clauses: missing; it is required",
        at="- id: a-res-78-311",
    ),
    "event URL over http": Case(
        "timeline.yml",
        r"url: https://undocs.org/A/RES/70/1",
        "url: http://undocs.org/A/RES/70/1",
        "events[0].source[0].url: 'http://undocs.org/A/RES/70/1' is not an https: address",
    ),
    "event URL with javascript": Case(
        "timeline.yml",
        r"url: https://undocs.org/A/RES/70/1",
        "url: javascript:alert(1)",
        "events[0].source[0].url: 'javascript:alert(1)' is not an https: address",
    ),
    "event description with a script": Case(
        "timeline.yml",
        r'(\n    en: ")(By resolution A/RES/70/1)',
        r"\1<script>alert(1)</script> \2",
        "events[0].description.en: '<script>alert(1)</script> By resolution ... is not plain text",
        at='en: "<script>',
    ),
    "event key given twice": Case(
        "timeline.yml",
        r"(新华社，2024年7月1日\n  clauses: \[cap-p1\]\n)",
        r"\1  clauses: [gap-1]\n",
        "not valid YAML: the key 'clauses' is given twice",
        at="clauses: [gap-1]",
    ),
    "event kind unknown": Case(
        "timeline.yml",
        r"(id: a-res-78-311\n  date: [^\n]*\n  )kind: un-decision",
        r"\1kind: summit",
        "events[3].kind: 'summit' is not one of ['document', 'un-decision', 'meeting']",
        at="kind: summit",
    ),
    "event date impossible": Case(
        "timeline.yml", r"date: 2024-07-01", "date: 2024-06-31", "events[3].date: '2024-06-31' is not an ISO date, YYYY-MM-DD"
    ),
    "event date in another format": Case(
        "timeline.yml", r"date: 2024-07-01", "date: 2024/07/01", "events[3].date: '2024/07/01' is not an ISO date"
    ),
    "event title without English": Case(
        "timeline.yml",
        r"(\n    )en: UN General Assembly adopts its first resolution on AI\n",
        r"\n",
        "events[2].title.en: missing; it is required",
        at="    zh: 联合国大会通过首个人工智能问题决议",
    ),
    "meeting naming a document": Case(
        "timeline.yml",
        r"(id: a-res-78-311\n  date: [^\n]*\n  kind: un-decision\n)",
        r"\1  document: cap\n",
        "events[3].document: not allowed: only an event of kind document names a document",
        at="document: cap",
    ),
    "document event without its document": Case(
        "timeline.yml", r"  document: shd\n", "", "events[4].document: missing; it is required", at="- id: shanghai-declaration"
    ),
    "event of an unknown document": Case(
        "timeline.yml", r"document: shd", "document: xyz", "events[4].document: unknown document 'xyz'; known: ini, shd, cap, gap"
    ),
    "event citing an unknown clause": Case(
        "timeline.yml",
        r"clauses: \[cap-p1, gap-1\]",
        "clauses: [cap-p1, gap-99]",
        "events[0].clauses[1]: unknown clause 'gap-99'",
    ),
    "event citing a clause twice": Case(
        "timeline.yml", r"clauses: \[cap-p1, gap-1\]", "clauses: [cap-p1, cap-p1]", "events[0].clauses: 'cap-p1' is listed twice"
    ),
    "event ending before it begins": Case(
        "timeline.yml", r"end: 2024-09-06", "end: 2024-09-01", "events[5].end: 2024-09-01 is not after 'date' 2024-09-03"
    ),
    "event id twice": Case(
        "timeline.yml", r"- id: a-res-78-265", "- id: a-res-70-1", "events[2].id: 'a-res-70-1' is already the id of another event"
    ),
    "event date against the verified facts": Case(
        "timeline.yml",
        r"date: 2015-09-25",
        "date: 2051-09-25",
        "events[0].date: 2051-09-25 differs from the verified fact in data/source/timeline-facts.yml: 2015-09-25 "
        "(UN resolution A/RES/70/1)",
    ),
    "event end against the verified facts": Case(
        "timeline.yml",
        r"end: 2024-09-06",
        "end: 2024-09-07",
        "events[5].end: 2024-09-07 differs from the verified fact in data/source/timeline-facts.yml: 2024-09-06",
    ),
    "event symbol against the verified facts": Case(
        "timeline.yml",
        r"symbol: A/RES/78/265",
        "symbol: A/RES/78/256",
        "events[2].symbol: A/RES/78/256 differs from the verified fact in data/source/timeline-facts.yml: A/RES/78/265",
    ),
    "event without a verified fact": Case(
        "timeline.yml",
        r"- id: a-res-70-1",
        "- id: a-res-70-2",
        "events[0].id: no fact of data/source/timeline-facts.yml dates 'a-res-70-2': add it there with its source",
    ),
    "document event announced on another day than documents.yml says": Case(
        "timeline.yml",
        r"date: 2024-09-25",
        "date: 2024-09-26",
        "events[8].date: 2024-09-26 differs from data/documents.yml, which gives 'cap' '2024-09-25'",
    ),
    "document event issued on another day than documents.yml says": Case(
        "timeline.yml",
        r"issued: 2023-10-20",
        "issued: 2023-10-21",
        "events[1].issued: 2023-10-21 differs from data/documents.yml, which gives 'ini' '2023-10-20'",
    ),
    "document event with an issue date where documents.yml has none": Case(
        "timeline.yml",
        r"(- id: shanghai-declaration\n  date: 2024-07-04\n)",
        r"\1  issued: 2024-07-05\n",
        "events[4].issued: 2024-07-05 differs from data/documents.yml, which gives 'shd' none",
        at="  issued: 2024-07-05",
    ),
    # data/source/timeline-facts.yml
    "fact key misspelt": Case(
        "source/timeline-facts.yml",
        r"  source: UN resolution A/RES/70/1",
        "  sorce: UN resolution A/RES/70/1",
        "facts[0].sorce: unknown key; known keys: event, date, end, issued, name, symbol, source",
    ),
    "fact without its source": Case(
        "source/timeline-facts.yml",
        r"  source: UN resolution A/RES/70/1\n",
        "",
        "facts[0].source: missing; it is required",
        at="- event: a-res-70-1",
    ),
    "fact dating an event twice": Case(
        "source/timeline-facts.yml",
        r"- event: a-res-78-265",
        "- event: a-res-70-1",
        "facts[2].event: 'a-res-70-1' is already dated by another fact",
    ),
    "fact for no event": Case(
        "source/timeline-facts.yml",
        r"- event: hlab-ai-final-report",
        "- event: hlab-final-report\n  date: 2024-09-19\n  name: A report\n  source: A release\n- event: hlab-ai-final-report",
        "facts[6].event: 'hlab-final-report' is no event of data/timeline.yml",
    ),
    "fact date impossible": Case(
        "source/timeline-facts.yml",
        r"date: 2024-03-21",
        "date: 2024-03-32",
        "facts[2].date: '2024-03-32' is not an ISO date, YYYY-MM-DD",
    ),
    # data/themes.yml
    "theme key misspelt": Case(
        "themes.yml",
        r"(- id: military-use\n  )name:",
        r"\1title:",
        "themes[27].title: unknown key; known keys: id, name, description, clauses",
        at="title:",
    ),
    "theme id with capitals": Case(
        "themes.yml",
        r"- id: military-use",
        "- id: Military-Use",
        "themes[27].id: 'Military-Use' is not an id of lower-case letters, digits and hyphens",
    ),
    "theme without clauses": Case(
        "themes.yml", r"clauses: \[ini-3\]", "clauses: []", "themes[27].clauses: has 0 items; needs at least 1"
    ),
    "theme clauses a string": Case(
        "themes.yml", r"clauses: \[ini-3\]", "clauses: ini-3", "themes[27].clauses: 'ini-3' is not of type 'array'"
    ),
    "theme clause twice": Case(
        "themes.yml", r"clauses: \[ini-3\]", "clauses: [ini-3, ini-3]", "themes[27].clauses: 'ini-3' is listed twice"
    ),
    "theme name without Chinese": Case(
        "themes.yml",
        r"(- id: military-use\n  name:\n)    zh: [^\n]*\n",
        r"\1",
        "themes[27].name.zh: missing; it is required",
        at="    en: Military use of AI",
    ),
    "theme description with an http address": Case(
        "themes.yml",
        r"military field\.",
        "military field, http://example.org.",
        "themes[27].description.en: 'Clauses on the research, ... is not " + PLAIN_TEXT,
        at="military field, http",
    ),
    "theme description with an ftp address": Case(
        "themes.yml",
        r"military field\.",
        "military field, ftp://example.org/.",
        "themes[27].description.en: 'Clauses on the research, ... is not " + PLAIN_TEXT,
        at="military field, ftp",
    ),
    "theme description with a data: address": Case(
        "themes.yml",
        r"military field\.",
        "military field, data:text/html,x.",
        "themes[27].description.en: 'Clauses on the research, ... is not " + PLAIN_TEXT,
        at="military field, data",
    ),
    "theme citing a heading": Case(
        "themes.yml",
        r"clauses: \[ini-3\]",
        "clauses: [ini-3, cap-g2-title]",
        "themes[27].clauses[1]: 'cap-g2-title' is a heading, not a clause",
    ),
    "theme citing an unknown clause": Case(
        "themes.yml", r"clauses: \[ini-3\]", "clauses: [ini-3, ini-99]", "themes[27].clauses[1]: unknown clause 'ini-99'"
    ),
    "theme id twice": Case(
        "themes.yml",
        r"- id: military-use",
        "- id: sovereignty",
        "themes[27].id: 'sovereignty' is already the id of another theme",
    ),
    # data/relations.yml
    "relation to an unknown clause": Case(
        "relations.yml", r"other: ini-p3\}", "other: ini-99}", "relations[0].other: unknown clause 'ini-99'"
    ),
    "relation to a heading": Case(
        "relations.yml",
        r"other: ini-p3\}",
        "other: cap-g1-title}",
        "relations[0].other: 'cap-g1-title' is a heading, not a clause",
    ),
    "relation within one document": Case(
        "relations.yml",
        r"other: ini-p3\}",
        "other: shd-1-1}",
        "relations[0].other: 'shd-1-1' is in the same document as 'shd-3-1'; relate clauses of two documents",
    ),
    "relation given twice": Case(
        "relations.yml",
        r"- \{clause: shd-1-6, kind: restates, other: ini-1\}",
        "- {clause: shd-3-1, kind: develops, other: ini-p3}",
        "relations[1].other: 'shd-3-1' and 'ini-p3' are already related, in relations[0]",
    ),
    "relation given twice, the other way round": Case(
        "relations.yml",
        r"- \{clause: shd-1-6, kind: restates, other: ini-1\}",
        "- {clause: ini-p3, kind: refers, other: shd-3-1}",
        "relations[1].other: 'ini-p3' and 'shd-3-1' are already related, in relations[0]",
    ),
    "relation of an unknown kind": Case(
        "relations.yml",
        r"kind: restates, other: ini-p3",
        "kind: repeats, other: ini-p3",
        "relations[0].kind: 'repeats' is not one of ['restates', 'develops', 'implements', 'refers']",
    ),
    "relation key misspelt": Case(
        "relations.yml",
        r"\{clause: shd-3-1,",
        "{clase: shd-3-1,",
        "relations[0].clase: unknown key; known keys: clause, kind, other",
    ),
    # data/glossary.yml
    "term pinyin with tones": Case(
        "glossary.yml",
        r"pinyin: ce shi ping gu ren zheng yu jian guan",
        "pinyin: Cè shì",
        "terms[0].pinyin: 'Cè shì' is not pinyin in lower-case syllables",
    ),
    "term that is a string": Case(
        "glossary.yml",
        r"(\n- zh: 成果转化)",
        r"\n- 成果转化\n\1",
        "terms[1]: '成果转化' is not of type 'object'",
        at="- 成果转化\n",
    ),
    "rendering key misspelt": Case(
        "glossary.yml",
        r"      clauses: \[shd-3-2\]",
        "      clause: [shd-3-2]",
        "terms[0].renderings[0].clause: unknown key; known keys: en, clauses",
    ),
    "term without renderings": Case(
        "glossary.yml",
        r"  renderings:\n(    - en: [^\n]*\n      clauses: [^\n]*\n)+",
        "  renderings: []\n",
        "terms[0].renderings: has 0 items; needs at least 1",
    ),
    "rendering citing a clause twice": Case(
        "glossary.yml",
        r"clauses: \[shd-3-2\]",
        "clauses: [shd-3-2, shd-3-2]",
        "terms[0].renderings[0].clauses: 'shd-3-2' is listed twice",
    ),
    "rendering citing an unknown clause": Case(
        "glossary.yml",
        r"clauses: \[shd-3-2\]",
        "clauses: [shd-9-9]",
        "terms[0].renderings[0].clauses[0]: unknown clause 'shd-9-9'",
    ),
    "rendering not in its clause": Case(
        "glossary.yml",
        r"en: testing, assessment, certification and regulation",
        "en: testing and assessment",
        "terms[0].renderings[0].clauses[0]: 'testing and assessment' does not occur in the English text of 'shd-3-2'",
        at="clauses: [shd-3-2]",
    ),
    "term twice": Case(
        "glossary.yml",
        r"- zh: 成果转化",
        "- zh: 测试、评估、认证与监管",
        "terms[1].zh: '测试、评估、认证与监管' is already a term",
    ),
    # data/strings/{en,zh}.yml
    "Chinese string deleted": Case(
        "strings/zh.yml", r"  copy_link: [^\n]*\n", "", "clause.copy_link: missing; it is required", at="  names:"
    ),
    "English string misspelt": Case(
        "strings/en.yml", r"  copy_link:", "  copy_lnk:", "clause.copy_lnk: unknown key; known keys: names, title, citation,"
    ),
    "month missing": Case("strings/en.yml", r", December\]", "]", "months: has 11 items; needs at least 12", at="months:"),
    "string not text": Case("strings/zh.yml", r"date_format: [^\n]*", "date_format: 5", "date_format: 5 is not of type 'string'"),
    "string empty": Case(
        "strings/en.yml",
        r"(\n  copy_citation:) [^\n]*",
        r'\1 ""',
        "clause.copy_citation: '' should be non-empty",
        at="copy_citation:",
    ),
    "string with a javascript address": Case(
        "strings/en.yml",
        r"(\n  read_one:) [^\n]*",
        r"\1 javascript:alert(1)",
        "themes.read_one: 'javascript:alert(1)' is not plain text",
        at="read_one:",
    ),
    "string with a mailto address": Case(
        "strings/zh.yml",
        r"(\n  read_one:) [^\n]*",
        r"\1 mailto:someone@example.org",
        "themes.read_one: 'mailto:someone@example.org' is not plain text",
        at="read_one:",
    ),
    "language tag missing": Case(
        "strings/zh.yml",
        r"lang_tags: \{zh: zh, en: en\}",
        "lang_tags: {zh: zh}",
        "lang_tags.en: missing; it is required",
    ),
    "strings key with a dot misspelt": Case(
        "strings/en.yml",
        r"    corpus\.csv:",
        "    corpus.cvs:",
        "downloads.data['corpus.cvs']: unknown key; known keys: corpus.json, corpus.csv, corpus.schema.json",
    ),
    # data/clause-titles.yml (reader, issue 16)
    "clause title for an unknown clause": Case(
        "clause-titles.yml", r"- clause: gap-13\n", "- clause: gap-14\n", "titles[67].clause: unknown clause 'gap-14'"
    ),
    "clause title for a heading": Case(
        "clause-titles.yml",
        r"- clause: cap-p1\n",
        "- clause: cap-part-1\n",
        "titles[37].clause: 'cap-part-1' is a heading, not a clause",
    ),
    "clause without a title": Case(
        "clause-titles.yml",
        r"- clause: gap-13\n  source: first-sentence\n",
        "",
        "titles: clause 'gap-13' (global-ai-governance-action-plan) has no title",
        at="- clause: ini-p1",
    ),
    "clause titled twice": Case(
        "clause-titles.yml", r"- clause: gap-13\n", "- clause: gap-12\n", "titles[67].clause: 'gap-12' already has a title"
    ),
    "clause title both from the source and editorial": Case(
        "clause-titles.yml",
        r"(- clause: gap-1\n  source: first-sentence)",
        r"\1\n  editorial: {en: Opportunities, zh: 机遇}",
        "titles[55]: 'gap-1' needs either 'source' or 'editorial', not both",
        at="clause: gap-1\n",
    ),
    "editorial clause title without Chinese": Case(
        "clause-titles.yml",
        r"editorial: \{en: Ethics first, zh: 伦理先行\}",
        "editorial: {en: Ethics first}",
        "titles[11].editorial.zh: missing; it is required",
    ),
    "clause title from an unknown part of the source": Case(
        "clause-titles.yml",
        r"source: heading",
        "source: header",
        "titles[38].source: 'header' is not one of ['first-sentence', 'heading']",
    ),
    "clause title from a first sentence that is no title": Case(
        "clause-titles.yml",
        r"(?<=- clause: gap-p1\n)  editorial: [^\n]*",
        "  source: first-sentence",
        "titles[53].source: 'gap-p1' does not open with a number and a title sentence",
    ),
    "clause title from a heading that heads other clauses": Case(
        "clause-titles.yml",
        r"(?<=- clause: shd-1-1\n)  editorial: [^\n]*",
        "  source: heading",
        "titles[17].source: 'shd-1-1' has no heading of its own just before it",
    ),
}


def broken_project(tmp_path: Path, case: Case) -> tuple[Path, int]:
    """A copy of the project's data (and mkdocs.yml, which marks the project) with one change,
    and the line that the message must name."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    path = project / "data" / case.file
    original = path.read_text(encoding="utf-8")
    change = re.search(case.old, original)
    assert change, f"{case.old!r} is not in data/{case.file}"
    text = original[: change.start()] + change.expand(case.new) + original[change.end() :]
    path.write_text(text, encoding="utf-8")
    at = text.index(case.at) if case.at else text.index(change.expand(case.new).strip("\n").split("\n")[0], change.start())
    return project, text[:at].count("\n") + 1


@pytest.mark.parametrize("name", CASES)
def test_a_broken_data_file_is_reported_by_file_line_field_and_cause(tmp_path, corpus, name):
    case = CASES[name]
    project, line = broken_project(tmp_path, case)
    with pytest.raises(DataError) as error:
        LOADERS[case.file](project / "data", corpus)
    expected = re.escape(f"data/{case.file}:{line}: {case.message}").replace(re.escape("..."), ".*")
    lines = str(error.value).splitlines()
    assert any(re.match(expected, line) for line in lines), f"{expected!r} not in {lines}"


def test_the_cases_break_every_data_file():
    assert {case.file for case in CASES.values()} == set(DATA_FILES)
    assert len(CASES) >= 30


# The schemas themselves.


@pytest.mark.parametrize("file", DATA_FILES)
def test_each_data_file_names_its_draft_2020_12_schema_for_editors(file):
    schema_file = ROOT / "data" / f"{DATA_FILES[file]}.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    first_line = (ROOT / "data" / file).read_text(encoding="utf-8").splitlines()[0]
    relative = Path("../" * file.count("/")) / schema_file.name
    assert first_line == f"# yaml-language-server: $schema={relative.as_posix()}"


def objects(schema: Any) -> list[dict[str, Any]]:
    """Every subschema that describes a mapping by its properties."""
    found = []
    if isinstance(schema, dict):
        if "properties" in schema:
            found.append(schema)
        for value in schema.values():
            found += objects(value)
    elif isinstance(schema, list):
        for value in schema:
            found += objects(value)
    return found


@pytest.mark.parametrize("schema", sorted(set(DATA_FILES.values())))
def test_no_schema_allows_an_unknown_key(schema):
    declared = json.loads((ROOT / "data" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    described = [found for found in objects(declared) if found.get("type") == "object"]
    assert described
    assert all(found.get("additionalProperties") is False for found in described)


def keys(mapping: dict[str, Any], prefix: str = "") -> set[str]:
    """Every key of a nested mapping, as a dotted path."""
    found = set()
    for key, value in mapping.items():
        found.add(prefix + key)
        if isinstance(value, dict):
            found |= keys(value, f"{prefix}{key}.")
    return found


def test_both_languages_have_the_same_interface_string_keys():
    english, chinese = (
        yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("en", "zh")
    )
    assert keys(english) == keys(chinese)
    assert len(english["months"]) == len(chinese["months"]) == 12


def test_the_names_of_kinds_agree_with_the_schemas():
    """The timeline's kinds and the repairs' kinds each have their interface strings."""
    timeline = json.loads((ROOT / "data" / "timeline.schema.json").read_text(encoding="utf-8"))
    repairs = json.loads((ROOT / "data" / "repairs.schema.json").read_text(encoding="utf-8"))
    event_kinds = timeline["$defs"]["event"]["properties"]["kind"]["enum"]
    repair_kinds = repairs["items"]["properties"]["kind"]["enum"]
    assert tuple(event_kinds) == KINDS
    for lang in ("en", "zh"):
        strings = load_strings(ROOT / "data", lang)
        assert list(strings["timeline"]["kinds"]) == list(strings["timeline"]["kind_names"]) == event_kinds
        assert set(strings["notes"]["kinds"]) == {*repair_kinds, "typography"}


# The navigation's translations.


def test_nav_translations_must_name_navigation_entries():
    nav = [{"Home": "index.md"}, {"Documents": [{"Shanghai Declaration (2024)": "documents/shd.md"}]}, "about.md"]
    assert nav_titles(nav) == {"Home", "Documents", "Shanghai Declaration (2024)"}
    assert unknown_nav_translations(nav, {"Home": "首页", "Shanghai Declaration (2024)": "上海宣言"}) == []
    assert unknown_nav_translations(nav, {"Hom": "首页", "Documents": "文件", "Glossary": "术语表"}) == ["Hom", "Glossary"]
    assert unknown_nav_translations(nav, None) == []


def test_the_project_translates_every_navigation_entry():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    languages = config["plugins"]["i18n"]["languages"]
    chinese = next(language for language in languages if language["locale"] == "zh")
    assert unknown_nav_translations(config["nav"], chinese["nav_translations"]) == []
    assert set(chinese["nav_translations"]) == nav_titles(config["nav"])


# Full builds: the message reaches the maintainer and the exit code is an error's.


def failed_build(tmp_path: Path, file: str, old: str, new: str) -> str:
    project = copy_project(tmp_path / "project")
    path = project / file
    text, count = re.subn(old, new, path.read_text(encoding="utf-8"), count=1)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert "Traceback" not in log, log
    return log


@pytest.mark.build
def test_the_build_fails_on_a_misspelt_timeline_key(tmp_path):
    log = failed_build(tmp_path, "data/timeline.yml", r"(新华社，2024年7月1日\n  )clauses:", r"\1clases:")
    assert re.search(r"data/timeline\.yml:\d+: events\[3\]\.clases: unknown key", log), log


@pytest.mark.build
def test_the_build_fails_on_a_string_missing_in_chinese(tmp_path):
    log = failed_build(tmp_path, "data/strings/zh.yml", r"  copy_link: [^\n]*\n", "")
    assert re.search(r"data/strings/zh\.yml:\d+: clause\.copy_link: missing; it is required", log), log


@pytest.mark.build
def test_the_build_fails_on_a_title_for_an_unknown_clause(tmp_path):
    log = failed_build(tmp_path, "data/clause-titles.yml", r"- clause: gap-13\n", "- clause: gap-31\n")
    assert re.search(r"data/clause-titles\.yml:\d+: titles\[\d+\]\.clause: unknown clause 'gap-31'", log), log


@pytest.mark.build
def test_the_build_fails_on_a_clause_without_a_title(tmp_path):
    log = failed_build(tmp_path, "data/clause-titles.yml", r"- clause: cap-a9\n  editorial: [^\n]*\n", "")
    assert re.search(
        r"data/clause-titles\.yml:\d+: titles: clause 'cap-a9' \(capacity-building-action-plan\) has no title", log
    ), log


@pytest.mark.build
def test_the_build_fails_on_a_repair_with_an_unknown_key(tmp_path):
    log = failed_build(tmp_path, "data/repairs.yml", r"(  kind: dash\n)", r"\1  note: from the PDF\n")
    assert re.search(r"data/repairs\.yml:\d+: repairs\[0\]\.note: unknown key", log), log


@pytest.mark.build
def test_the_build_fails_on_a_relation_within_one_document(tmp_path):
    log = failed_build(tmp_path, "data/relations.yml", r"other: ini-p3\}", "other: shd-1-1}")
    assert re.search(r"data/relations\.yml:\d+: relations\[0\]\.other: 'shd-1-1' is in the same document as 'shd-3-1'", log), log


@pytest.mark.build
def test_the_build_fails_on_a_misspelt_nav_translation(tmp_path):
    log = failed_build(tmp_path, "mkdocs.yml", r"(?m)^(\s+)Glossary: 术语表", r"\1Glosary: 术语表")
    assert "mkdocs.yml: plugins.i18n.languages (zh).nav_translations: 'Glosary' names no entry of the navigation" in log, log


@pytest.mark.build
def test_a_build_given_a_relative_config_file_reports_errors_not_a_traceback(tmp_path):
    """`mkdocs build -f mkdocs.yml` reaches the pages (past the check of the theme pages, which
    once failed with `ValueError: ... is not in the subpath of ''`); a bad page then fails it."""
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.en.md"
    about.write_text("---\ndata_view: nonsense\n---\n" + about.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert "Traceback" not in log and "subpath" not in log, log
    assert "about.en.md: unknown data_view 'nonsense'" in log, log


# The theme's features.


def test_every_theme_feature_is_one_material_looks_for_and_a_misspelt_one_is_not():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    known = theme_features(Path(material.__file__).parent / "templates")
    assert {"navigation.footer", "navigation.top", "search.highlight", "content.tooltips", "toc.follow"} <= known
    assert not any(name.startswith("search.result") for name in known)  # interface strings, not features
    assert unknown_theme_features(config["theme"]["features"], known) == []
    assert unknown_theme_features(["navigation.top", "search.higlight"], known) == ["search.higlight"]


@pytest.mark.build
def test_the_build_fails_on_a_misspelt_theme_feature(tmp_path):
    log = failed_build(tmp_path, "mkdocs.yml", r"- search\.highlight", "- search.higlight")
    assert "mkdocs.yml: theme.features: 'search.higlight' is no feature of Material" in log, log
