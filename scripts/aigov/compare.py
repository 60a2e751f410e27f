"""The comparison view: a clause and its top related clauses in date order, in both languages,
the wording each shares with the clause compared marked, so that a reader can follow a
commitment from one document to the next. One page per document and language
(docs/compare/<slug>.<lang>.md, front matter only), a section per clause at its id
(compare/shanghai-declaration/#shd-2-2), shown by CSS alone (:target): it works offline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .corpus import LANGUAGES, Corpus, CorpusDocument, DataError, DocumentInfo
from .labels import clause_code
from .links import Target, compare_target, document_target
from .parallel import kind_label
from .related import TOP, Piece, Related, shared_wording

if TYPE_CHECKING:
    from .site import Locale


@dataclass(frozen=True)
class ComparedClause:
    """A clause in a comparison: where it is, the kind of its confirmed relation to the clause
    compared (if any), and its text in each language, cut into pieces marked where shared."""

    clause_id: str
    label: str
    target: Target
    kind: str
    compared: bool  # the clause compared, not one of its related clauses
    text: Mapping[str, tuple[Piece, ...]]


@dataclass(frozen=True)
class Comparison:
    """A clause and its top related clauses, in date order."""

    clause_id: str
    heading: str
    back: str
    target: Target
    clauses: tuple[ComparedClause, ...]


@dataclass(frozen=True)
class IndexDocument:
    """A document on the comparison page's index: its clauses that have related clauses."""

    label: str
    clauses: tuple[tuple[str, Target], ...]  # (code, its comparison)


def marked_texts(corpus: Corpus, compared: str, others: Sequence[str]) -> dict[str, dict[str, tuple[Piece, ...]]]:
    """Each clause's text in each language, marked: the compared clause where it shares wording
    with any of the others, each other where it shares wording with the compared clause."""
    texts = {clause_id: {lang: corpus.block(clause_id, lang).text for lang in LANGUAGES} for clause_id in (compared, *others)}
    marked = {
        compared: {lang: shared_wording(texts[compared][lang], [texts[o][lang] for o in others], lang) for lang in LANGUAGES}
    }
    for other in others:
        marked[other] = {lang: shared_wording(texts[other][lang], [texts[compared][lang]], lang) for lang in LANGUAGES}
    return marked


def clause_label(info: DocumentInfo, clause_id: str, locale: Locale) -> str:
    return str(
        locale.strings["related"]["label"].format(
            short=info.short[locale.lang], date=locale.date(info.date), code=clause_code(clause_id)
        )
    )


def comparison(corpus: Corpus, clause_id: str, related: Sequence[Related], locale: Locale) -> Comparison:
    """The clause and its top related clauses (TOP), documents by date, clauses in text order."""
    words = locale.strings["related"]
    top = {other.clause_id: other for other in related[:TOP]}
    marked = marked_texts(corpus, clause_id, list(top))
    order = {other: index for index, other in enumerate(corpus.clause_ids)}
    clauses = []
    for other in sorted((clause_id, *top), key=order.__getitem__):
        info = corpus.document_of(other).info
        clauses.append(
            ComparedClause(
                clause_id=other,
                label=clause_label(info, other, locale),
                target=document_target(info, other),
                kind=kind_label(top[other], locale.strings) if other in top else "",
                compared=other == clause_id,
                text=marked[other],
            )
        )
    code = clause_code(clause_id)
    return Comparison(
        clause_id=clause_id,
        heading=words["compare_heading"].format(code=code),
        back=words["compare_back"].format(code=code),
        target=document_target(corpus.document_of(clause_id).info, clause_id),
        clauses=tuple(clauses),
    )


def comparisons(
    corpus: Corpus, related: Mapping[str, Sequence[Related]], document: CorpusDocument, locale: Locale
) -> list[Comparison]:
    """A comparison for every clause of the document that has related clauses, in text order."""
    return [
        comparison(corpus, clause_id, related[clause_id], locale)
        for clause_id in document.aligned.clause_ids
        if related[clause_id]
    ]


def compare_index(corpus: Corpus, related: Mapping[str, Sequence[Related]], locale: Locale) -> list[IndexDocument]:
    """The documents by date, each with the codes of its clauses that can be compared."""
    words = locale.strings["related"]
    return [
        IndexDocument(
            label=words["compare_document"].format(short=document.info.short[locale.lang], year=document.info.date.year),
            clauses=tuple(
                (clause_code(clause_id), compare_target(document.info, clause_id))
                for clause_id in document.aligned.clause_ids
                if related[clause_id]
            ),
        )
        for document in corpus.by_date
    ]


def page_document(meta: Mapping[str, Any], corpus: Corpus) -> CorpusDocument:
    """The document a comparison page names in its front matter (`document: shd`)."""
    document_id = meta.get("document")
    if not isinstance(document_id, str) or document_id not in corpus:
        raise DataError(f"a comparison page needs 'document: <id>' in its front matter, one of {', '.join(corpus)}")
    return corpus[document_id]
