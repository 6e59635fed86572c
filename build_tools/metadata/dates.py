"""成文日期: 二○一二年二月二十一日, 2022年1月21日, 2022-01-21, 2022.1.21, 2022/1/21."""

from __future__ import annotations

import datetime as dt
import re

from build_tools.textutil import chinese_digits_to_int, chinese_to_int

# Zero in a year written digit by digit: 〇, ○, 零, the letter O, or the digit 0 (二00四年).
_ZERO = "〇○零ОO０Ｏo0"
_CN_DATE = re.compile(
    rf"([{_ZERO}一二三四五六七八九]{{4}})\s*年\s*([一二三四五六七八九十]{{1,2}})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
_ARABIC_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]|$)")
_SEPARATED_DATE = re.compile(r"(\d{4})\s*([-./／－．])\s*(\d{1,2})\s*\2\s*(\d{1,2})")


class ImpossibleDateError(ValueError):
    """The text has the shape of a date that does not exist (2月30日)."""


def parse_date(text: str) -> dt.date | None:
    """The date that makes up all of ``text`` (a 成文日期 line), or None.

    Raises ImpossibleDateError when the text is shaped like a date but no such day exists.
    """
    text = text.strip().strip("（）()")
    damaged = _damaged(text)
    if damaged:
        return damaged
    for pattern, convert in (
        (_CN_DATE, _from_chinese),
        (_ARABIC_DATE, _from_arabic),
        (_SEPARATED_DATE, _from_separated),
    ):
        match = pattern.fullmatch(text)
        if match:
            year, month, day = convert(match)
            try:
                return dt.date(year, month, day)
            except ValueError as exc:
                raise ImpossibleDateError(f"no such date: {text}") from exc
    return None


# Digits whose 年 and 月 a web page lost: 20171228, 2017817日.
_RUN_TOGETHER = re.compile(r"((?:19|20)\d{2})(\d{2,4})日?")


def _damaged(text: str) -> dt.date | None:
    """A date whose 年 and 月 were lost, if its digits can be read only one way."""
    match = _RUN_TOGETHER.fullmatch(text)
    if match is None:
        return None
    year, rest = int(match.group(1)), match.group(2)
    readings = set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if (month.startswith("0") and cut == 1) or not 1 <= len(day) <= 2:
            continue
        try:
            readings.add(dt.date(year, int(month), int(day)))
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first real date written anywhere in ``text``, with where it starts and ends."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern, convert in (
        (_CN_DATE, _from_chinese),
        (_ARABIC_DATE, _from_arabic),
        (_SEPARATED_DATE, _from_separated),
    ):
        for match in pattern.finditer(text):
            try:
                found.append((match.start(), match.end(), dt.date(*convert(match))))
            except ValueError:
                continue
            break
    if not found:
        return None
    start, end, date = min(found)
    return date, start, end


def _from_chinese(match: re.Match[str]) -> tuple[int, int, int]:
    return (
        chinese_digits_to_int(match.group(1)),
        chinese_to_int(match.group(2)),
        chinese_to_int(match.group(3)),
    )


def _from_arabic(match: re.Match[str]) -> tuple[int, int, int]:
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def _from_separated(match: re.Match[str]) -> tuple[int, int, int]:
    return int(match.group(1)), int(match.group(3)), int(match.group(4))
