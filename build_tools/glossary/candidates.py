"""Terms the glossary lacks: quoted expressions with numerals or repeated patterns.

Notices coin set phrases in quotation marks (“五落实五到位”, “一案双查”, “打非治违”); those
not yet covered are listed with counts and places so the glossary can grow with the archive.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from build_tools.glossary.load import Glossary
from build_tools.glossary.matching import TermMatcher
from build_tools.model import Notice
from build_tools.textutil import HAN_CLASS

_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{2,16})[”」』\"]")
_NUMERALS = frozenset("一二三四五六七八九十百千万两双")
_HAN = re.compile(f"[{HAN_CLASS}]")


@dataclass(frozen=True)
class Candidate:
    """A quoted expression missing from the glossary, how often and where it occurs."""

    expression: str
    count: int
    places: tuple[str, ...]


def find_candidates(notices: list[Notice], glossary: Glossary) -> list[Candidate]:
    """Candidates, most frequent first."""
    matcher = TermMatcher(glossary)
    counts: Counter[str] = Counter()
    places: dict[str, list[str]] = {}
    for notice in notices:
        for paragraph in notice.paragraphs:
            for match in _QUOTED.finditer(paragraph.text):
                expression = re.sub(r"\s+", "", match.group(1))
                if not _worth_listing(expression, matcher):
                    continue
                counts[expression] += 1
                place = f"{notice.slug}#{paragraph.owner}" if paragraph.owner else notice.slug
                places.setdefault(expression, []).append(place)
    found = [
        Candidate(expression, count, tuple(dict.fromkeys(places[expression])))
        for expression, count in counts.items()
        if count >= 2 or _is_patterned(expression)
    ]
    return sorted(found, key=lambda c: (-c.count, c.expression))


def _worth_listing(expression: str, matcher: TermMatcher) -> bool:
    """Chinese, and not already (entirely) a glossary term or alias."""
    if len(_HAN.findall(expression)) < 2:
        return False
    covered = sum(match.end - match.start for match in matcher.find(expression))
    return covered < len(expression)


def _is_patterned(expression: str) -> bool:
    """Numerals (三同时, 一案双查) or a repeated character (大学习、大培训、大考试)."""
    if any(char in _NUMERALS for char in expression):
        return True
    han = _HAN.findall(expression)
    return len(han) != len(set(han))
