"""Pinyin with tone marks, pinyin sort order and index initials for glossary terms."""

from __future__ import annotations

import unicodedata

from pypinyin import Style, pinyin

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def term_pinyin(text: str) -> str:
    """Pinyin of a term with tone marks, one syllable per Han character (phrase-aware)."""
    syllables = pinyin(text, style=Style.TONE, heteronym=False, errors="ignore")
    return " ".join(item[0] for item in syllables if item and item[0].strip())


def syllable_key(syllable: str) -> tuple[str, int]:
    """A syllable without tone marks, and its tone (0 for neutral), for sorting."""
    decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    tone = next((_TONE_MARKS[ch] for ch in decomposed if ch in _TONE_MARKS), 0)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"), tone


def sort_key(term: str, reading: str) -> tuple[tuple[tuple[str, int], ...], str]:
    """Pinyin order: syllable by syllable (letters, then tone), then the characters."""
    return tuple(syllable_key(syllable) for syllable in reading.split()), term


def index_initial(term: str, reading: str) -> str:
    """The A–Z letter a term is listed under; '#' for terms that start with a digit."""
    first = term[:1]
    if first.isdigit() or not reading:
        return "#"
    if first.isascii() and first.isalpha():
        return first.upper()
    return syllable_key(reading.split()[0])[0][:1].upper() or "#"
