"""Listings: the requirements of one sector or one lead-department role, newest first.

A listing is what a sector page or a role page shows and filters, what its JSON data holds
(build_tools.render.listing_data) and what its feeds announce (build_tools.render.feeds):
each row is a requirement with the line that says why it is listed (the sector's evidence,
or the department as written) and, on role pages, whether the role leads or supports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.archive import Archive
from build_tools.render.departments import DEPARTMENTS_FOLDER, requirements_by_place, role_rows
from build_tools.render.escape import normalise_space
from build_tools.render.listing_view import LEAD, SUPPORT
from build_tools.render.requirements import Requirement
from build_tools.render.sectors import SECTORS_FOLDER, evidence_text, sector_requirements

SNIPPET = 60  # characters of an item's text shown before it is expanded


@dataclass(frozen=True, slots=True)
class Row:
    """A requirement in a listing, why it is there and, for roles, lead or support."""

    requirement: Requirement
    evidence: str
    kind: str = ""


@dataclass(frozen=True)
class Listing:
    """A sector's or a role's requirements, newest first (``Requirement.sort_key``).

    ``folder`` is the folder of its page under docs/ (sectors, departments), also used for
    its data and feeds; ``kinds`` names the kinds its rows have (empty for sectors).
    """

    folder: str
    id: str
    name: str
    rows: list[Row]
    kinds: tuple[str, ...] = ()

    @property
    def slugs(self) -> list[str]:
        """The notices of its rows, each once, newest first."""
        return list(dict.fromkeys(row.requirement.notice.slug for row in self.rows))


def sector_listing(archive: Archive, sector_id: str) -> Listing:
    """The listing of one sector (empty if no item concerns it)."""
    sector = archive.taxonomy.by_id[sector_id]
    found = sector_requirements(archive).get(sector_id, [])
    rows = [Row(requirement, evidence_text(hit)) for requirement, hit in found]
    return Listing(SECTORS_FOLDER, sector.id, sector.name, rows)


def role_listing(archive: Archive, role_id: str) -> Listing:
    """The listing of one role: what it leads and supports, newest first."""
    by_place = requirements_by_place(archive)
    rows = [
        Row(
            by_place[(assignment.slug, assignment.anchor)],
            f"原文：{assignment.name}",
            LEAD if assignment.leads else SUPPORT,
        )
        for by_year in role_rows(archive)[role_id].values()
        for assignment in by_year
    ]
    name = archive.role_name(role_id)
    return Listing(DEPARTMENTS_FOLDER, role_id, name, rows, (LEAD, SUPPORT))


def listings(archive: Archive) -> Iterator[Listing]:
    """Every sector's listing (in taxonomy order), then every role's, made one at a time."""
    for sector in archive.taxonomy.sectors:
        yield sector_listing(archive, sector.id)
    for role_id in sorted(archive.role_assignments):
        yield role_listing(archive, role_id)


def snippet(requirement: Requirement) -> str:
    """The item's text on one line without its number, shortened for a list."""
    text = normalise_space(requirement.text)
    number = requirement.part.number
    if number and text.startswith(number):
        text = text[len(number) :].lstrip()
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"
