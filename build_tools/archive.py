"""Read everything, then index it: the cross-notice indexes that pages need.

Term usage (glossary), sectors of every part (sector pages, labels, exports) and department
assignments (role pages) are all built here, once, after every notice has been parsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from build_tools.citations.find import Citation, find_citations
from build_tools.citations.resolve import CitationIndex, resolve_citations
from build_tools.glossary.load import Glossary
from build_tools.glossary.matching import TermMatcher, term_counts
from build_tools.model import Notice, SectorHit, TermCount, TermUse
from build_tools.permalinks import unique_pages
from build_tools.roles import Assignment, Roles, assignments, department_names
from build_tools.sectors.assign import classify_notice
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import Taxonomy


@dataclass(frozen=True)
class Curated:
    """The curated data every notice is matched against."""

    glossary: Glossary
    taxonomy: Taxonomy
    roles: Roles


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
    term_counts: Mapping[str, tuple[TermCount, ...]] = field(default_factory=dict)
    keys: Mapping[str, str] = field(default_factory=dict)  # slug -> key of its inputs (stage)
    citations: Mapping[str, tuple[Citation, ...]] = field(default_factory=dict)  # slug -> cited

    @cached_property
    def by_slug(self) -> dict[str, Notice]:
        """Notices by page name."""
        return {notice.slug: notice for notice in self.notices}

    @cached_property
    def by_issuer(self) -> dict[str, list[Notice]]:
        """Notices of each named issuer, in archive order."""
        return _grouped(self.notices, lambda notice: notice.metadata.issuer)

    @cached_property
    def by_year(self) -> dict[int, list[Notice]]:
        """Notices of each plan year, in archive order."""
        return _grouped(self.notices, lambda notice: notice.metadata.year)

    @cached_property
    def cited(self) -> CitationIndex:
        """What each notice cites, resolved to the archive's notices, and who cites whom."""
        return resolve_citations(self.notices, self.citations)

    @cached_property
    def term_notices(self) -> dict[str, list[str]]:
        """Slugs of the notices using each term, in archive order."""
        found: dict[str, list[str]] = {}
        for notice in self.notices:
            for term_id in self.notice_terms.get(notice.slug, ()):
                found.setdefault(term_id, []).append(notice.slug)
        return found

    @cached_property
    def term_sets(self) -> dict[str, frozenset[str]]:
        """The terms each notice uses, as a set (related notices compare them pairwise)."""
        return {slug: frozenset(terms) for slug, terms in self.notice_terms.items()}

    @cached_property
    def matcher(self) -> TermMatcher:
        """The glossary's term automaton."""
        return TermMatcher(self.glossary)

    def inputs_key(self, slugs: Iterable[str], name: str) -> str | None:
        """A key of everything a page made from these notices depends on: each notice's own
        key (its bytes, the curated data and the code), its address (which other notices
        can change, see build_tools.permalinks) and the page's ``name``. None when a notice
        has no key (an archive not built from staged notices)."""
        digest = hashlib.sha256(name.encode())
        for slug in slugs:
            key = self.keys.get(slug)
            if key is None:
                return None
            digest.update(f"{key} {self.by_slug[slug].page}\n".encode())
        return digest.hexdigest()

    @cached_property
    def slugs_by_year(self) -> dict[int | None, list[str]]:
        """Slugs of the notices of each plan year (None: year unknown), in archive order."""
        found: dict[int | None, list[str]] = {}
        for notice in self.notices:
            found.setdefault(notice.metadata.year, []).append(notice.slug)
        return found

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


K = TypeVar("K")


def _grouped(notices: Iterable[Notice], key: Callable[[Notice], K | None]) -> dict[K, list[Notice]]:
    """Notices by ``key``, each group in archive order; notices without a key are left out."""
    found: dict[K, list[Notice]] = {}
    for notice in notices:
        value = key(notice)
        if value:
            found.setdefault(value, []).append(notice)
    return found


def build_archive(
    notices: list[Notice],
    glossary: Glossary | None = None,
    taxonomy: Taxonomy | None = None,
    roles: Roles | None = None,
) -> Archive:
    """Index term usage, sectors and department roles across all notices."""
    glossary = glossary or Glossary(())
    taxonomy = taxonomy or Taxonomy(())
    notices = unique_pages(notices)
    matcher = TermMatcher(glossary)
    classifier = SectorClassifier(taxonomy)
    return assemble_archive(
        notices,
        {notice.slug: term_counts(notice, matcher) for notice in notices},
        {notice.slug: classify_notice(notice, classifier) for notice in notices},
        glossary,
        taxonomy,
        roles,
    )


def assemble_archive(
    notices: list[Notice],
    counts: Mapping[str, tuple[TermCount, ...]],
    part_sectors: Mapping[str, Mapping[str, tuple[SectorHit, ...]]],
    glossary: Glossary | None = None,
    taxonomy: Taxonomy | None = None,
    roles: Roles | None = None,
    keys: Mapping[str, str] | None = None,
    citations: Mapping[str, tuple[Citation, ...]] | None = None,
) -> Archive:
    """The archive from each notice's own term counts, sectors and citations (see
    build_tools.stage); citations not given are found here."""
    roles = (roles or Roles(())).distinct(department_names(notices))
    uses, notice_terms = _term_usage(notices, counts)
    return Archive(
        notices=tuple(notices),
        glossary=glossary or Glossary(()),
        taxonomy=taxonomy or Taxonomy(()),
        roles=roles,
        term_uses=uses,
        notice_terms=notice_terms,
        part_sectors=part_sectors,
        role_assignments=assignments(notices, roles),
        term_counts=counts,
        keys=keys or {},
        citations=(
            citations if citations is not None else {n.slug: find_citations(n) for n in notices}
        ),
    )


def _term_usage(
    notices: list[Notice], counts: Mapping[str, tuple[TermCount, ...]]
) -> tuple[dict[str, tuple[TermUse, ...]], dict[str, tuple[str, ...]]]:
    uses: dict[str, list[TermUse]] = {}
    notice_terms: dict[str, tuple[str, ...]] = {}
    for notice in notices:
        found = counts.get(notice.slug, ())
        numbers = {part.anchor: part.number for part in notice.parts()}
        for term_id, anchor, count in found:
            uses.setdefault(term_id, []).append(
                TermUse(notice.slug, anchor, numbers.get(anchor or ""), count)
            )
        notice_terms[notice.slug] = tuple(dict.fromkeys(term_id for term_id, _, _ in found))
    return {term_id: tuple(found) for term_id, found in uses.items()}, notice_terms
