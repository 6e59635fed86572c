"""Load the curated sector taxonomy (source_texts/sectors.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from build_tools.curated import Entry, load_entries, present
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
    """The taxonomy in ``path``; an empty one if the file does not exist."""
    if not present(path):
        return Taxonomy(())
    entries = load_entries(path, _KEYS, _REQUIRED)
    sectors = [_sector(entry) for entry in entries]
    ids: dict[str, Entry] = {}
    for entry, sector in zip(entries, sectors, strict=True):
        if sector.id in ids:
            raise entry.error("id", f"duplicate id, also used by entry {ids[sector.id].name}")
        ids[sector.id] = entry
    for entry, sector in zip(entries, sectors, strict=True):
        if sector.parent is not None and sector.parent not in ids:
            raise entry.error("parent", f"unknown sector id '{sector.parent}'")
        if sector.parent == sector.id:
            raise entry.error("parent", "a sector cannot be its own parent")
    return Taxonomy(tuple(sectors))


def _sector(entry: Entry) -> Sector:
    ident = entry.text("id")
    if not _ID.match(ident):
        raise entry.error("id", f"expected lowercase ASCII words joined by '-', got {ident!r}")
    code = entry.values.get("gbt4754")
    if code is not None and not (isinstance(code, str) and _GBT4754.match(code)):
        raise entry.error("gbt4754", f"expected a GB/T 4754 code such as C or 2614, got {code!r}")
    return Sector(
        id=ident,
        name=entry.text("name"),
        parent=entry.optional_text("parent"),
        gbt4754=code,
        gbt4754_name=entry.optional_text("gbt4754_name"),
        aliases=entry.texts("aliases"),
        keywords=entry.texts("keywords"),
        exclusions=entry.texts("exclusions"),
    )
