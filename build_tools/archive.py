"""Read everything, then index it: the cross-notice indexes that pages need.

Term usage (glossary), sectors of every part (sector pages, labels, exports) and department
assignments (role pages) are all built here, once, after every notice has been parsed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from build_tools.glossary.load import Glossary
from build_tools.glossary.matching import TermMatcher
from build_tools.model import Notice, SectorHit, TermUse
from build_tools.roles import Assignment, Roles, assignments
from build_tools.sectors.assign import classify_notice
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import Taxonomy


@dataclass(frozen=True)
class Archive:
    """Every parsed notice plus the curated data and the indexes built from both."""

    notices: tuple[Notice, ...]
    glossary: Glossary = field(default_factory=lambda: Glossary(()))
    taxonomy: Taxonomy = field(default_factory=lambda: Taxonomy(()))
    roles: Roles = field(default_factory=lambda: Roles(()))
    term_uses: Mapping[str, tuple[TermUse, ...]] = field(default_factory=dict)
    notice_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    part_sectors: Mapping[str, Mapping[str, tuple[SectorHit, ...]]] = field(default_factory=dict)
    role_assignments: Mapping[str, tuple[Assignment, ...]] = field(default_factory=dict)

    @cached_property
    def by_slug(self) -> dict[str, Notice]:
        """Notices by page name."""
        return {notice.slug: notice for notice in self.notices}

    @cached_property
    def matcher(self) -> TermMatcher:
        """The glossary's term automaton."""
        return TermMatcher(self.glossary)

    def notice_sectors(self, slug: str) -> tuple[str, ...]:
        """Sector ids a notice addresses, in taxonomy order."""
        found = {hit.sector for hits in self.part_sectors.get(slug, {}).values() for hit in hits}
        return tuple(sector.id for sector in self.taxonomy.sectors if sector.id in found)

    def role_name(self, role_id: str) -> str:
        """The display name of a role (curated, or the bare department name)."""
        if role_id in self.roles.by_id:
            return self.roles.by_id[role_id].name
        first = self.role_assignments[role_id][0]
        return self.roles.role_for(first.name).name


def build_archive(
    notices: list[Notice],
    glossary: Glossary | None = None,
    taxonomy: Taxonomy | None = None,
    roles: Roles | None = None,
) -> Archive:
    """Index term usage, sectors and department roles across all notices."""
    glossary = glossary or Glossary(())
    taxonomy = taxonomy or Taxonomy(())
    roles = roles or Roles(())
    uses, notice_terms = _term_usage(notices, TermMatcher(glossary))
    classifier = SectorClassifier(taxonomy)
    return Archive(
        notices=tuple(notices),
        glossary=glossary,
        taxonomy=taxonomy,
        roles=roles,
        term_uses=uses,
        notice_terms=notice_terms,
        part_sectors={notice.slug: classify_notice(notice, classifier) for notice in notices},
        role_assignments=assignments(notices, roles),
    )


def _term_usage(
    notices: list[Notice], matcher: TermMatcher
) -> tuple[dict[str, tuple[TermUse, ...]], dict[str, tuple[str, ...]]]:
    uses: dict[str, list[TermUse]] = {}
    notice_terms: dict[str, tuple[str, ...]] = {}
    for notice in notices:
        counts: Counter[tuple[str, str | None]] = Counter()
        for paragraph in notice.paragraphs:
            for match in matcher.find(paragraph.text):
                counts[(match.term_id, paragraph.owner)] += 1
        numbers = {part.anchor: part.number for part in notice.parts()}
        for (term_id, anchor), count in counts.items():
            uses.setdefault(term_id, []).append(
                TermUse(notice.slug, anchor, numbers.get(anchor or ""), count)
            )
        notice_terms[notice.slug] = tuple(dict.fromkeys(term_id for term_id, _ in counts))
    return {term_id: tuple(found) for term_id, found in uses.items()}, notice_terms
