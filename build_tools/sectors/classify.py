"""Item-level sector classification with evidence.

An item whose title sentence names a sector (17．道路交通。) concerns it most strongly; an
item whose text uses a sector's keywords concerns it too. Keywords inside an exclusion
(交通运输局 is a department, not road transport) and inside the department clause do not
count. A general item (责任制, 宣传教育) uses no sector keyword and so gets no sector.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import ahocorasick

from build_tools.model import Evidence, SectorHit
from build_tools.sectors.load import Taxonomy


@dataclass(frozen=True)
class SectorClassifier:
    """Keyword automata over the taxonomy."""

    taxonomy: Taxonomy

    @cached_property
    def _words(self) -> ahocorasick.Automaton | None:
        words: dict[str, set[str]] = {}
        for sector in self.taxonomy.sectors:
            for word in (*sector.names, *sector.keywords):
                words.setdefault(word, set()).add(sector.id)
        return _automaton({word: tuple(sorted(ids)) for word, ids in words.items()})

    @cached_property
    def _exclusion_words(self) -> ahocorasick.Automaton | None:
        words: dict[str, set[str]] = {}
        for sector in self.taxonomy.sectors:
            for word in sector.exclusions:
                words.setdefault(word, set()).add(sector.id)
        return _automaton({word: tuple(sorted(ids)) for word, ids in words.items()})

    @cached_property
    def _order(self) -> dict[str, int]:
        return {sector.id: index for index, sector in enumerate(self.taxonomy.sectors)}

    def classify(self, title: str | None, text: str) -> tuple[SectorHit, ...]:
        """Sectors of one item: ``title`` is its title sentence, ``text`` the rest."""
        evidence: dict[str, list[Evidence]] = {}
        for where, content in (("title", title or ""), ("text", text)):
            spans = self._exclusion_spans(content)
            for offset, word, sector_ids in self._find(content):
                for sector_id in sector_ids:
                    excluded = spans.get(sector_id)
                    if excluded is None or not excluded.covers(offset, offset + len(word)):
                        evidence.setdefault(sector_id, []).append(Evidence(word, where, offset))
        hits = [
            SectorHit(sector_id, _strength(found), tuple(found))
            for sector_id, found in evidence.items()
        ]
        return tuple(
            sorted(hits, key=lambda hit: (hit.strength != "title", self._order[hit.sector]))
        )

    def _find(self, content: str) -> list[tuple[int, str, tuple[str, ...]]]:
        if self._words is None or not content:
            return []
        return [
            (end + 1 - len(word), word, ids) for end, (word, ids) in self._words.iter_long(content)
        ]

    def _exclusion_spans(self, content: str) -> dict[str, _Spans]:
        """Where each sector's exclusions occur in ``content`` (overlaps included), found in
        one pass: keywords inside them do not count."""
        found: dict[str, _Spans] = {}
        if self._exclusion_words is None or not content:
            return found
        for end, (word, sector_ids) in self._exclusion_words.iter(content):
            for sector_id in sector_ids:
                found.setdefault(sector_id, _Spans()).add(end + 1 - len(word), end + 1)
        return found


class _Spans:
    """Spans of text; answers whether one of them covers a given span."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._reach: list[int] = []  # the furthest end of the spans up to each start

    def add(self, start: int, end: int) -> None:
        """Add the span [start, end)."""
        self._spans.append((start, end))
        self._starts.clear()

    def covers(self, start: int, end: int) -> bool:
        """Whether some span starts at or before ``start`` and ends at or after ``end``."""
        if not self._starts:
            self._spans.sort()
            self._starts = [first for first, _ in self._spans]
            self._reach = list(accumulate((last for _, last in self._spans), max))
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def _strength(evidence: list[Evidence]) -> str:
    return "title" if any(e.where == "title" for e in evidence) else "text"


def _automaton(words: dict[str, tuple[str, ...]]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, ids in words.items():
        automaton.add_word(word, (word, ids))
    automaton.make_automaton()
    return automaton
