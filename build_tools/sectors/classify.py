"""Item-level sector classification with evidence.

An item whose title sentence names a sector (17．道路交通。) concerns it most strongly; an
item whose text uses a sector's keywords concerns it too. Keywords inside an exclusion
(交通运输局 is a department, not road transport) and inside the department clause do not
count. A general item (责任制, 宣传教育) uses no sector keyword and so gets no sector.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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
    def _exclusions(self) -> dict[str, tuple[str, ...]]:
        return {s.id: s.exclusions for s in self.taxonomy.sectors if s.exclusions}

    def classify(self, title: str | None, text: str) -> tuple[SectorHit, ...]:
        """Sectors of one item: ``title`` is its title sentence, ``text`` the rest."""
        evidence: dict[str, list[Evidence]] = {}
        for where, content in (("title", title or ""), ("text", text)):
            for offset, word, sector_ids in self._find(content):
                for sector_id in sector_ids:
                    if not self._excluded(sector_id, content, offset, word):
                        evidence.setdefault(sector_id, []).append(Evidence(word, where, offset))
        hits = [
            SectorHit(sector_id, _strength(found), tuple(found))
            for sector_id, found in evidence.items()
        ]
        order = {sector.id: index for index, sector in enumerate(self.taxonomy.sectors)}
        return tuple(sorted(hits, key=lambda hit: (hit.strength != "title", order[hit.sector])))

    def _find(self, content: str) -> list[tuple[int, str, tuple[str, ...]]]:
        if self._words is None or not content:
            return []
        return [
            (end + 1 - len(word), word, ids) for end, (word, ids) in self._words.iter_long(content)
        ]

    def _excluded(self, sector_id: str, content: str, offset: int, word: str) -> bool:
        for exclusion in self._exclusions.get(sector_id, ()):
            start = content.find(exclusion, max(0, offset - len(exclusion)))
            while start != -1 and start <= offset:
                if start + len(exclusion) >= offset + len(word):
                    return True
                start = content.find(exclusion, start + 1)
        return False


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
