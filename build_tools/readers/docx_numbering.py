"""Word's automatic numbering rendered as printed (一、 （一） 1. …).

A numbered paragraph holds no number in its text: Word draws it from the numbering part
(numbering.xml), where each list level has a format (decimal, chineseCounting …) and a
pattern such as "%1、" or "（%2）". python-docx does not render them and docx2python
renders every list as "1)"; this module follows ECMA-376 §17.9 for what notices use:
counters per list (w:num) with start values and overrides, deeper levels restarting when
a level above advances, and the formats of Chinese official documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_number(n: int) -> str:
    """一, 十, 十一, 二十, 一百零五: a count as Chinese documents print it."""
    if n <= 0:
        return _DIGITS[0]
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("一" if hundreds else "") + "十" if tens == 1 else f"{_DIGITS[tens]}十"
    elif hundreds and ones:
        text += "零"
    return text + (_DIGITS[ones] if ones else "")


def _letters(n: int, upper: bool) -> str:
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    values = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = ""
    for value, numeral in values:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _from(table: str) -> Callable[[int], str]:
    return lambda n: table[(n - 1) % len(table)] if n > 0 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "chineseCounting": chinese_number,
    "chineseCountingThousand": chinese_number,
    "chineseLegalSimplified": chinese_number,
    "japaneseCounting": chinese_number,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": _from(_STEMS),
    "ideographZodiac": _from(_BRANCHES),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: _PAREN[n - 1] if 0 < n <= 20 else f"({n})",
    "lowerLetter": lambda n: _letters(n, upper=False),
    "upperLetter": lambda n: _letters(n, upper=True),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


@dataclass(frozen=True)
class Level:
    """One level of a list: start value, number format, pattern, what follows it."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False


@dataclass
class Numbering:
    """The lists of a document and their running counters."""

    levels: dict[str, dict[int, Level]]  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)  # formats printed as decimal

    def label(self, num_id: str, ilvl: int) -> str:
        """The number of the next paragraph of list ``num_id`` at level ``ilvl``, as printed
        (with the space Word puts after it where the pattern does not end in punctuation)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at, Level())
            value = counters.get(at, shown.start)
            fmt = "decimal" if level.legal else shown.fmt
            if fmt == "bullet":
                return ""
            if fmt not in _FORMATS:
                self.unknown.add(fmt)
            return _FORMATS.get(fmt, str)(value)

        if level.fmt == "bullet":
            printed = level.text if level.text and not _private(level.text) else "•"
        else:
            printed = _PLACEHOLDER.sub(number, level.text)
        if not printed:
            return ""
        ends_wide = ord(printed[-1]) > 0x2E7F
        return printed if level.suffix == "nothing" or ends_wide else printed + " "


def _private(text: str) -> bool:
    """Symbol-font bullets (Wingdings) are private-use characters that print as nothing."""
    return any(0xE000 <= ord(char) <= 0xF8FF for char in text)


def load_numbering(document: Any) -> Numbering:
    """The lists of a python-docx Document (none when it has no numbering part)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return Numbering({})
    abstract: dict[str, dict[int, Level]] = {}
    for node in root.findall(f"{W}abstractNum"):
        abstract[node.get(f"{W}abstractNumId")] = {
            int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in node.findall(f"{W}lvl")
        }
    levels: dict[str, dict[int, Level]] = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        base = dict(abstract.get(ref.get(f"{W}val") if ref is not None else "", {}))
        for override in num.findall(f"{W}lvlOverride"):
            ilvl = int(override.get(f"{W}ilvl", "0"))
            lvl = override.find(f"{W}lvl")
            if lvl is not None:
                base[ilvl] = _level(lvl)
            start = override.find(f"{W}startOverride")
            if start is not None and ilvl in base:
                base[ilvl] = Level(_int(start, 1), *_rest(base[ilvl]))
        levels[num.get(f"{W}numId")] = base
    return Numbering(levels)


def _rest(level: Level) -> tuple[str, str, str, bool]:
    return level.fmt, level.text, level.suffix, level.legal


def _level(lvl: Any) -> Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{W}{tag}")
        value = node.get(f"{W}val") if node is not None else None
        return value if value is not None else default

    return Level(
        start=_int(lvl.find(f"{W}start"), 1),
        fmt=val("numFmt", "decimal"),
        text=val("lvlText", ""),
        suffix=val("suff", "tab"),
        legal=lvl.find(f"{W}isLgl") is not None,
    )


def _int(node: Any, default: int) -> int:
    try:
        return int(node.get(f"{W}val")) if node is not None else default
    except (TypeError, ValueError):
        return default
