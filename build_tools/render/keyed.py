"""Pages named by the key of what they are made from, so an unchanged page is not remade."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from build_tools.archive import Archive
from build_tools.write import Keyed, Made


def keyed(
    archive: Archive, slugs: Iterable[str], name: str, make: Callable[[], Made]
) -> Made | Keyed:
    """``make`` under the key of the notices ``slugs`` and the page ``name`` (see
    ``Archive.inputs_key``); made now when the archive has no keys."""
    key = archive.inputs_key(slugs, name)
    return make() if key is None else Keyed(key, make)


def year_slugs(archive: Archive, year: int | None) -> list[str]:
    """The notices a page of one plan year can draw on: every notice of that year."""
    return archive.slugs_by_year.get(year, [])
