"""Load the curated sector taxonomy (source_texts/sectors.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from build_tools.curated import Entry, each, present, read_entries, unique
from build_tools.errors import CuratedDataError
from build_tools.model import Sector

SECTORS_FILE = "sectors.yml"
_KEYS = frozenset(
    {"id", "name", "parent", "gbt4754", "gbt4754_name", "aliases", "keywords", "exclusions"}
)
_REQUIRED = frozenset({"id", "name"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_GBT4754 = re.compile(r"^(?:[A-T]|\d{2,4})$")


@dataclass(frozen=True)
class Taxonomy:
    """Sectors in file order, with lookups."""

    sectors: tuple[Sector, ...]

    @cached_property
    def by_id(self) -> dict[str, Sector]:
        """Sectors by id."""
        return {sector.id: sector for sector in self.sectors}

    def children(self, sector_id: str) -> tuple[Sector, ...]:
        """Direct sub-sectors."""
        return tuple(s for s in self.sectors if s.parent == sector_id)

    def roots(self) -> tuple[Sector, ...]:
        """Top-level sectors."""
        return tuple(s for s in self.sectors if s.parent is None)


def load_taxonomy(path: Path) -> Taxonomy:
    """The taxonomy in ``path``; an empty one if the file does not exist. The first bad
    entry raises (see ``read_taxonomy`` for a taxonomy without the bad entries)."""
    taxonomy, errors = read_taxonomy(path)
    if errors:
        raise errors[0]
    return taxonomy


def read_taxonomy(path: Path) -> tuple[Taxonomy, list[CuratedDataError]]:
    """The sectors of ``path`` that are usable, and an error for each entry left out; a
    sector whose parent is left out is left out too (it would pose as a top-level one)."""
    if not present(path):
        return Taxonomy(()), []
    entries, errors = read_entries(path, _KEYS, _REQUIRED)
    named = {entry.name for entry in entries} | {str(error.entry) for error in errors}
    made = unique(each(entries, _sector, errors), lambda sector: sector.id, errors)
    kept = {sector.id: (entry, sector) for entry, sector in made}
    for entry, sector in made:
        if sector.parent == sector.id:
            errors.append(entry.error("parent", "a sector cannot be its own parent"))
            del kept[sector.id]
        elif sector.parent is not None and sector.parent not in named:
            errors.append(entry.error("parent", f"unknown sector id '{sector.parent}'"))
            del kept[sector.id]
    while orphans := [
        (entry, sector)
        for entry, sector in kept.values()
        if sector.parent is not None and sector.parent not in kept
    ]:
        for entry, sector in orphans:
            message = f"left out with its parent '{sector.parent}', which has an error"
            errors.append(entry.error("parent", message))
            del kept[sector.id]
    errors.sort(key=lambda error: error.line or 0)
    return Taxonomy(tuple(sector for _, sector in kept.values())), errors


def _sector(entry: Entry) -> Sector:
    ident = entry.text("id")
    if not _ID.match(ident):
        raise entry.error("id", f"expected lowercase ASCII words joined by '-', got {ident!r}")
    code = entry.values.get("gbt4754")
    if code is not None and not (isinstance(code, str) and _GBT4754.match(code)):
        raise entry.error("gbt4754", f"expected a GB/T 4754 code such as C or 2614, got {code!r}")
    return Sector(
        id=ident,
        name=entry.word("name"),
        parent=entry.optional_text("parent"),
        gbt4754=code,
        gbt4754_name=entry.optional_text("gbt4754_name"),
        aliases=entry.words("aliases"),
        keywords=entry.words("keywords"),
        exclusions=entry.texts("exclusions"),
    )
