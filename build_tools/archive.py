"""Read everything, then index it: cross-notice indexes that pages need (term usage, …)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from build_tools.glossary.load import Glossary
from build_tools.glossary.matching import TermMatcher
from build_tools.model import Notice, TermUse


@dataclass(frozen=True)
class Archive:
    """Every parsed notice plus the curated data and the indexes built from both."""

    notices: tuple[Notice, ...]
    glossary: Glossary = field(default_factory=lambda: Glossary(()))
    term_uses: Mapping[str, tuple[TermUse, ...]] = field(default_factory=dict)
    notice_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def by_slug(self) -> dict[str, Notice]:
        """Notices by page name."""
        return {notice.slug: notice for notice in self.notices}

    @cached_property
    def matcher(self) -> TermMatcher:
        """The glossary's term automaton."""
        return TermMatcher(self.glossary)


def build_archive(notices: list[Notice], glossary: Glossary) -> Archive:
    """Index term usage across all notices."""
    matcher = TermMatcher(glossary)
    uses: dict[str, list[TermUse]] = {}
    notice_terms: dict[str, tuple[str, ...]] = {}
    for notice in notices:
        counts: Counter[tuple[str, str | None]] = Counter()
        for paragraph in notice.paragraphs:
            for match in matcher.find(paragraph.text):
                counts[(match.term_id, paragraph.owner)] += 1
        numbers = {part.anchor: part.number for part in notice.parts()}
        for (term_id, anchor), count in counts.items():
            use = TermUse(notice.slug, anchor, numbers.get(anchor or ""), count)
            uses.setdefault(term_id, []).append(use)
        notice_terms[notice.slug] = tuple(dict.fromkeys(term_id for term_id, _ in counts))
    return Archive(
        notices=tuple(notices),
        glossary=glossary,
        term_uses={term_id: tuple(found) for term_id, found in uses.items()},
        notice_terms=notice_terms,
    )
