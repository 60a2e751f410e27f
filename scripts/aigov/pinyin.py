"""Pinyin with tone marks for the glossary, from pypinyin, checked syllable by syllable against
the glossary's own toneless pinyin: where a character has several readings (行 xíng, háng), the
glossary's syllable chooses among those pypinyin knows; where none matches, the data is wrong."""

from __future__ import annotations

import unicodedata

from pypinyin import Style, pinyin

TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}  # grave, acute, macron, caron (ü keeps its diaeresis)

# Symbols the glossary's pinyin reads aloud (人工智能+ is read 人工智能加).
SPOKEN_SYMBOLS = {"+": "jiā"}


def toneless(syllables: str) -> str:
    """`syllables` without tone marks: chéng guǒ → cheng guo, lǜ → lü."""
    decomposed = unicodedata.normalize("NFD", syllables)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in TONE_MARKS))


def is_han(char: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(char, "")


def toned_pinyin(term: str, plain: str) -> str:
    """The pinyin of `term` with tone marks, one syllable per character read, as the glossary's
    toneless `plain` spaces them. Raises ValueError naming the syllable that pypinyin cannot
    read as the glossary does."""
    read = [char for char in term if is_han(char) or char in SPOKEN_SYMBOLS]
    syllables = plain.split()
    if len(read) != len(syllables):
        raise ValueError(f"'{plain}' has {len(syllables)} syllables; '{term}' reads {len(read)}")
    in_context = [readings[0] for readings in pinyin("".join(c for c in read if is_han(c)), style=Style.TONE)]
    toned: list[str] = []
    for char, syllable in zip(read, syllables, strict=True):
        if char in SPOKEN_SYMBOLS:
            candidates = [SPOKEN_SYMBOLS[char]]
        else:
            # The reading in context first (pypinyin's phrase dictionary), then the others.
            candidates = [in_context.pop(0), *pinyin(char, style=Style.TONE, heteronym=True)[0]]
        chosen = next((candidate for candidate in candidates if toneless(candidate) == syllable), None)
        if chosen is None:
            raise ValueError(f"'{syllable}' for '{char}' is none of its readings ({', '.join(dict.fromkeys(candidates))})")
        toned.append(chosen)
    return " ".join(toned)
