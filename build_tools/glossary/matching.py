"""Find glossary terms in Chinese text with an Aho-Corasick automaton.

Python-Markdown's ``abbr`` needs word boundaries, which Chinese text does not have, so the
build tools match terms themselves: leftmost-longest, non-overlapping (两客一危一重 before
两客一危, 安全生产月 before 安全生产); an alias matches as its term.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from build_tools.glossary.load import Glossary
from build_tools.model import Notice, TermCount


@dataclass(frozen=True)
class TermMatch:
    """One use of a term: where it stands in the text and which form was written."""

    start: int
    end: int
    term_id: str
    form: str


@dataclass(frozen=True)
class TermMatcher:
    """An automaton over every written form of every term."""

    glossary: Glossary

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton | None:
        if not self.glossary.terms:
            return None
        automaton = ahocorasick.Automaton()
        for term in self.glossary.terms:
            for form in term.forms:
                automaton.add_word(form, (term.id, form))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[TermMatch]:
        """Every use of a term in ``text``: leftmost-longest, non-overlapping, valid uses."""
        if self._automaton is None or not text:
            return []
        valid = [
            TermMatch(end + 1 - len(form), end + 1, term_id, form)
            for end, (term_id, form) in self._automaton.iter(text)
            if self._counts(text, end + 1 - len(form), end + 1, term_id)
        ]
        valid.sort(key=lambda match: (match.start, match.start - match.end))
        chosen: list[TermMatch] = []
        for match in valid:
            if not chosen or match.start >= chosen[-1].end:
                chosen.append(match)
        return chosen

    def _counts(self, text: str, start: int, end: int, term_id: str) -> bool:
        """False inside an exclusion (安全生产年度) or inside a longer number or word (12350)."""
        if _glued(text, start - 1, start) or _glued(text, end - 1, end):
            return False
        for exclusion in self.glossary.by_id[term_id].exclusions:
            offset = exclusion.find(text[start:end])
            while offset != -1:
                if text.startswith(exclusion, start - offset):
                    return False
                offset = exclusion.find(text[start:end], offset + 1)
        return True


def _glued(text: str, left: int, right: int) -> bool:
    """Two ASCII letters or digits meet at this boundary (so a match would split a word)."""
    if left < 0 or right >= len(text):
        return False
    a, b = text[left], text[right]
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum()


def term_counts(notice: Notice, matcher: TermMatcher) -> tuple[TermCount, ...]:
    """How often each term occurs in each part of a notice, in order of first use."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for paragraph in notice.paragraphs:
        for match in matcher.find(paragraph.text):
            counts[(match.term_id, paragraph.owner)] += 1
    return tuple((term_id, anchor, count) for (term_id, anchor), count in counts.items())
