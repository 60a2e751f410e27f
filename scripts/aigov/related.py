"""Related clauses: the relations an editor has confirmed (data/relations.yml), then those the
build computes from the texts in both languages, the themes and the glossary terms, ranked;
and the wording two clauses share, for the comparison view.

Computed at build time and deterministic: TF-IDF (scikit-learn) over the English words, over
the Chinese words as jieba cuts them with the project's dictionary, over the themes and over
the glossary terms; each clause's similarity to another is a weighted sum of the four cosines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from .corpus import Corpus
from .glossary import Term
from .schema import FieldError, parse_entries
from .themes import Theme

RELATIONS_FILE = "relations.yml"
JIEBA_USER_DICT = "jieba-userdict.txt"
KINDS = ("restates", "develops", "implements", "refers")
# The kind as seen from the related clause when the clause at hand is the one that acts
# (ini-5, seen from gap-10, is "developed" there), in the open data.
PASSIVE = {"restates": "restated", "develops": "developed", "implements": "implemented", "refers": "referred"}
TOP = 5  # shown under each clause; the rest behind "all N"
# The share of each similarity in the score: the texts weigh most, both languages alike.
WEIGHTS = {"en": 0.35, "zh": 0.35, "themes": 0.2, "terms": 0.1}
# Below this score a computed relation is noise, not a lead: it is not listed at all.
MIN_SCORE = 0.15
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Confirmed:
    """A relation read in both clauses: `clause` <kind> `other` (gap-10 develops ini-5)."""

    clause: str
    kind: str
    other: str


@dataclass(frozen=True)
class Related:
    """A clause related to the clause at hand, with its score and, if confirmed, its kind:
    `acts` when the related clause is the one that restates, develops... the clause at hand."""

    clause_id: str
    score: float
    kind: str = ""
    acts: bool = False

    @property
    def confirmed(self) -> bool:
        return bool(self.kind)

    @property
    def kind_token(self) -> str:
        """The kind as the open data gives it, from the related clause's side: `restates`
        (it restates the clause at hand) or `restated` (the clause at hand restates it)."""
        if not self.kind:
            return ""
        return self.kind if self.acts else PASSIVE[self.kind]


def parse_relation(entry: dict[str, Any], corpus: Corpus, seen: dict[frozenset[str], int]) -> Confirmed:
    """One relation, checked: both clauses exist and are clauses, in two documents, related
    once in either direction (`seen`: the pairs so far, by their entry's index). Raises FieldError."""
    for key in ("clause", "other"):
        clause_id = entry[key]
        if not corpus.has_block(clause_id):
            raise FieldError([key], f"unknown clause '{clause_id}'")
        if corpus.block(clause_id, "en").is_heading:
            raise FieldError([key], f"'{clause_id}' is a heading, not a clause")
    clause, other = entry["clause"], entry["other"]
    if corpus.document_of(clause).info.id == corpus.document_of(other).info.id:
        raise FieldError(["other"], f"'{other}' is in the same document as '{clause}'; relate clauses of two documents")
    pair = frozenset((clause, other))
    if pair in seen:
        raise FieldError(["other"], f"'{clause}' and '{other}' are already related, in relations[{seen[pair]}]")
    seen[pair] = len(seen)
    return Confirmed(clause=clause, kind=entry["kind"], other=other)


def load_relations(path: Path, corpus: Corpus) -> list[Confirmed]:
    """The confirmed relations of `path`; bad input raises DataError naming the file, the line and the field."""
    seen: dict[frozenset[str], int] = {}
    return parse_entries(path, "relations", "relations", None, lambda entry: parse_relation(entry, corpus, seen))


def chinese_cutter(user_dict: Path) -> jieba.Tokenizer:
    """A jieba tokenizer of its own, with the project's dictionary (policy terms kept whole)."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(user_dict))
    return tokenizer


def chinese_words(text: str, cutter: jieba.Tokenizer) -> list[str]:
    """The words of a Chinese text that carry meaning: jieba's words of two characters or more
    that hold a Chinese character, and Latin words (AI, ITU)."""
    return [word for word in cutter.lcut(text) if (len(word) > 1 and _HAN.search(word)) or re.fullmatch(r"[A-Za-z]{2,}", word)]


def _cosines(documents: Sequence[Sequence[str] | str], **options: Any) -> Any:
    """Pairwise cosine similarity of TF-IDF vectors (rows are L2-normalised)."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, **options)
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # no feature at all (an empty vocabulary)
        return None
    return linear_kernel(matrix, matrix)


def similarity(
    texts: Mapping[str, Mapping[str, str]],
    themes: Sequence[Theme],
    terms: Sequence[Term],
    cutter: jieba.Tokenizer,
) -> dict[tuple[str, str], float]:
    """The weighted similarity of every two clauses of `texts` (clause id -> language -> text)."""
    ids = list(texts)
    identity = _identity
    features: dict[str, tuple[list[Any], dict[str, Any]]] = {
        "en": ([texts[clause]["en"] for clause in ids], {"stop_words": "english", "lowercase": True}),
        "zh": (
            [chinese_words(texts[clause]["zh"], cutter) for clause in ids],
            {"analyzer": identity},
        ),
        "themes": (
            [[theme.id for theme in themes if clause in theme.clauses] for clause in ids],
            {"analyzer": identity},
        ),
        "terms": (
            [[term.zh for term in terms if any(clause in rendering.clauses for rendering in term.renderings)] for clause in ids],
            {"analyzer": identity},
        ),
    }
    scores = {(a, b): 0.0 for a in ids for b in ids}
    for name, (documents, options) in features.items():
        cosines = _cosines(documents, **options)
        if cosines is None:
            continue
        for i, a in enumerate(ids):
            for j, b in enumerate(ids):
                scores[(a, b)] += WEIGHTS[name] * float(cosines[i, j])
    return scores


def _identity(words: list[str]) -> list[str]:
    """An analyzer for documents that are lists of features already."""
    return words


def rank_related(
    corpus: Corpus,
    confirmed: Iterable[Confirmed],
    scores: Mapping[tuple[str, str], float],
) -> dict[str, tuple[Related, ...]]:
    """For each clause, the clauses of the other documents related to it: the confirmed ones
    first, then those whose score reaches MIN_SCORE; each group by score, then in reading order."""
    order = {clause_id: index for index, clause_id in enumerate(corpus.clause_ids)}
    kinds: dict[tuple[str, str], tuple[str, bool]] = {}
    for relation in confirmed:
        kinds[(relation.other, relation.clause)] = (relation.kind, True)
        kinds[(relation.clause, relation.other)] = (relation.kind, False)
    ranked = {}
    for clause_id in corpus.clause_ids:
        own = corpus.document_of(clause_id).info.id
        found = []
        for other in corpus.clause_ids:
            if corpus.document_of(other).info.id == own:
                continue
            score = round(scores.get((clause_id, other), 0.0), 4)
            kind, acts = kinds.get((clause_id, other), ("", False))
            if kind or score >= MIN_SCORE:
                found.append(Related(clause_id=other, score=score, kind=kind, acts=acts))
        found.sort(key=lambda related: (not related.confirmed, -related.score, order[related.clause_id]))
        ranked[clause_id] = tuple(found)
    return ranked


def related_clauses(
    corpus: Corpus, confirmed: Sequence[Confirmed], themes: Sequence[Theme], terms: Sequence[Term], user_dict: Path
) -> dict[str, tuple[Related, ...]]:
    """Every clause's related clauses, ranked (see rank_related)."""
    texts = {clause_id: {lang: corpus.block(clause_id, lang).text for lang in ("en", "zh")} for clause_id in corpus.clause_ids}
    return rank_related(corpus, confirmed, similarity(texts, themes, terms, chinese_cutter(user_dict)))


# Shared wording, for the comparison view.

STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or our the their this to we will with all should "
    "that these those which while such more other".split()
)
# A run of shared words is marked when it holds at least this many words once the stop words
# at its ends are left out: two English words, four Chinese characters.
MIN_RUN = {"en": 2, "zh": 4}
# The runs looked for: an English run may hold a stop word between two words ("freedom of expression").
RUN_SIZES = {"en": (2, 3), "zh": (4,)}


@dataclass(frozen=True)
class Piece:
    """A piece of a text, marked or not as wording shared with the other clause."""

    text: str
    shared: bool


def words(text: str) -> list[tuple[str, int, int]]:
    """A text's words with their places: each Chinese character is one; Latin words lower-cased."""
    return [(match.group().lower(), match.start(), match.end()) for match in _WORD.finditer(text)]


def _runs(tokens: Sequence[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _trimmed(start: int, end: int, tokens: Sequence[str]) -> tuple[int, int]:
    """The run tokens[start:end] without the stop words at its ends."""
    while start < end and tokens[start] in STOP_WORDS:
        start += 1
    while end > start and tokens[end - 1] in STOP_WORDS:
        end -= 1
    return start, end


def shared_spans(tokens: Sequence[str], others: Iterable[Sequence[str]], lang: str) -> list[tuple[int, int]]:
    """The runs of `tokens` (start, end) found word for word in any of `others`, overlapping
    runs joined; a run must hold MIN_RUN[lang] words without its end stop words."""
    others = [list(other) for other in others]
    spans = []
    for size in RUN_SIZES[lang]:
        known = set().union(*(_runs(other, size) for other in others)) if others else set()
        for start in range(len(tokens) - size + 1):
            if tuple(tokens[start : start + size]) in known:
                first, last = _trimmed(start, start + size, tokens)
                if last - first >= MIN_RUN[lang]:
                    spans.append((first, last))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def shared_wording(text: str, others: Iterable[str], lang: str) -> tuple[Piece, ...]:
    """`text` cut into pieces, those it shares with any of `others` marked (see shared_spans)."""
    found = words(text)
    spans = shared_spans([word for word, _, _ in found], [[word for word, _, _ in words(other)] for other in others], lang)
    pieces: list[Piece] = []
    position = 0
    for start, end in spans:
        begin, finish = found[start][1], found[end - 1][2]
        if begin > position:
            pieces.append(Piece(text[position:begin], False))
        pieces.append(Piece(text[begin:finish], True))
        position = finish
    if position < len(text):
        pieces.append(Piece(text[position:], False))
    return tuple(pieces)
