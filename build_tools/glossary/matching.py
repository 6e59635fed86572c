"""Find glossary terms in Chinese text with an Aho-Corasick automaton.

Python-Markdown's ``abbr`` needs word boundaries, which Chinese text does not have, so the
build tools match terms themselves: leftmost-longest, non-overlapping (两客一危一重 before
两客一危, 安全生产月 before 安全生产); an alias matches as its term.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from build_tools.glossary.load import Glossary


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
        """Every use of a term in ``text``, leftmost-longest and non-overlapping."""
        if self._automaton is None or not text:
            return []
        return [
            TermMatch(end + 1 - len(form), end + 1, term_id, form)
            for end, (term_id, form) in self._automaton.iter_long(text)
        ]
