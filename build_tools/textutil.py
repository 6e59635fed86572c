"""Character classes and small text helpers shared by the cleaning and parsing stages."""

from __future__ import annotations

import re

# Han ideographs, CJK symbols and punctuation, full-width forms and the curly quotes that
# Chinese text uses: characters between which a space is never part of the text.
CJK_CLASS = (
    "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
)
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACE_CLASS = " \t\u00a0\u3000"
# Punctuation that ends a sentence or a clause introducing what follows.
TERMINAL = "。！？；：!?;:…"
# Words that end a document's title (文种), longest first where one ends another. Each stage
# that looks for the end of a title takes this list and says what it adds.
TITLE_ENDINGS = (
    "通知", "通报", "意见", "决定", "批复", "函", "办法", "方案", "规定", "细则", "要点", "公告",
    "通告",
)  # fmt: skip
CHINESE_DIGITS = "〇○零ОO０0Ｏo一二三四五六七八九十百"
# Page names the build gives its own pages in every generated folder (notices/index.md …):
# no notice, term, sector or department may take one.
RESERVED_NAMES = frozenset({"index"})

_DIGIT_VALUES = {
    "〇": 0, "○": 0, "零": 0, "О": 0, "O": 0, "０": 0, "0": 0, "Ｏ": 0, "o": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip


def chinese_to_int(numeral: str) -> int:
    """Value of a Chinese numeral up to 999 (一, 十二, 二十一, 一百零五)."""
    if not numeral:
        raise ValueError("empty numeral")
    total = 0
    current = 0
    for char in numeral:
        if char in _DIGIT_VALUES:
            current = _DIGIT_VALUES[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + current


def chinese_digits_to_int(digits: str) -> int:
    """Value of a digit-by-digit Chinese year such as 二○一二."""
    value = 0
    for char in digits:
        if char not in _DIGIT_VALUES:
            raise ValueError(f"not a Chinese digit: {char!r}")
        value = value * 10 + _DIGIT_VALUES[char]
    return value


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII forms (！ to ～) and the ideographic space to ASCII."""
    return "".join(
        chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else (" " if ch == "\u3000" else ch)
        for ch in text
    )


def unfold(text: str) -> str:
    """Curated text from folded YAML: no space where a line break fell between CJK characters."""
    text = re.sub(rf"(?<=[{CJK_CLASS}])\s+(?=[{CJK_CLASS}])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text: str) -> str:
    """Text with every kind of whitespace removed, for comparisons that ignore it."""
    return re.sub(r"\s+", "", text)


def snippet(text: str, start: int, end: int, width: int = 6) -> str:
    """A few characters either side of text[start:end], for cleaning reports."""
    return text[max(0, start - width) : end + width]
