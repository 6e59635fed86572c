"""The JSON a sector or role page loads on demand, so the page stays small at any size.

Under ``data/<folder>/<id>/``:

- ``index.json``: names of places (national, provinces, unknown), levels and kinds;
  requirement counts per (year, place, level, kind), so the page counts its filters
  without loading requirements; the files of each stream; the feeds.
- ``issuers.json``: the same counts for each issuer, loaded when a reader filters by
  issuer (at 10,000 notices it is most of the counts).
- Streams of files, each file's requirements in listing order (newest first): ``all-<k>``
  holds every requirement, ``<place>-<k>`` those of one place (``national``, a province
  code such as ``370000``, ``unknown``). The view of "national + 山东省" merges the two
  place streams, the unfiltered view reads the ``all`` stream; each stream's first file
  is small, so the first requirements show quickly. Whole years stay in one file where
  they fit, so a year filter skips files.

A requirement shows its number, the start of its text and why it is listed; its whole
text is in ``data/items/<notice id>.json`` (every item of the notice by anchor), loaded
when a reader expands it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import groupby
from typing import Any

from build_tools.archive import Archive
from build_tools.model import Notice
from build_tools.permalinks import notice_url
from build_tools.provinces import NATIONAL, UNKNOWN, Provinces
from build_tools.render.feed_paths import listing_feed, listing_feed_title
from build_tools.render.keyed import keyed
from build_tools.render.listing_view import (
    KIND_NAMES,
    LEVEL_KEYS,
    LEVEL_LABELS,
    data_folder,
    notice_places,
    province_table,
)
from build_tools.render.listings import Listing, Row, listings, snippet
from build_tools.render.requirement_rows import json_record
from build_tools.render.requirements import who
from build_tools.write import Content

DATA_FOLDER = "data"
ITEMS_FOLDER = f"{DATA_FOLDER}/items"
ALL = "all"
ISSUERS_FILE = "issuers.json"
FIRST_FILE = 200  # requirements in a stream's first file: what the first screen needs
FILE_SIZE = 1000  # requirements in each later file
PLACE_NAMES = {NATIONAL: "国家级（各地通用）", UNKNOWN: "地区不详"}


def iter_listing_data(archive: Archive) -> Iterator[tuple[str, Content]]:
    """Every listing's index and stream files, then each notice's item texts."""
    places = notice_places(archive)
    provinces = province_table(archive)
    for listing in listings(archive):
        if listing.rows:
            yield from _listing_files(archive, listing, places, provinces)
    for notice in archive.notices:
        path = item_texts_path(notice)
        yield path, keyed(archive, [notice.slug], path, partial(_item_texts, notice))


def item_texts_path(notice: Notice) -> str:
    """Where the whole text of each of a notice's items is, from the site root."""
    return f"{ITEMS_FOLDER}/{notice.slug}.json"


def pack(rows: list[Row]) -> list[list[Row]]:
    """Rows (newest first) cut into files: a small first file, then files of ``FILE_SIZE``;
    a year starts a new file when the file could not hold it whole."""
    files: list[list[Row]] = []
    current: list[Row] = []
    for _, by_year in groupby(rows, key=lambda row: _year(row.requirement.notice)):
        group = list(by_year)
        while group:
            room = (FILE_SIZE if files else FIRST_FILE) - len(current)
            if current and len(group) > room:
                files.append(current)
                current = []
                continue
            current += group[:room]
            group = group[room:]
            if group:
                files.append(current)
                current = []
    if current:
        files.append(current)
    return files


def _listing_files(
    archive: Archive, listing: Listing, places: dict[str, str], provinces: Provinces
) -> Iterator[tuple[str, Content]]:
    folder = data_folder(listing.folder, listing.id)
    streams: dict[str, list[dict[str, Any]]] = {}
    by_place: dict[str, list[Row]] = {}
    for row in listing.rows:
        by_place.setdefault(places[row.requirement.notice.slug], []).append(row)
    for stream, rows in [(ALL, listing.rows), *sorted(by_place.items())]:
        described = streams[stream] = []
        for number, chosen in enumerate(pack(rows), 1):
            name = f"{stream}-{number}.json"
            years = [_year(row.requirement.notice) for row in chosen]
            described.append({"f": name, "y0": min(years), "y1": max(years), "n": len(chosen)})
            slugs = list(dict.fromkeys(row.requirement.notice.slug for row in chosen))
            path = f"{folder}/{name}"
            make = partial(_stream_file, chosen, places)
            yield path, keyed(archive, slugs, f"{path}\n{listing.name}", make)
    path = f"{folder}/index.json"
    make = partial(_index, listing, places, provinces, streams)
    yield path, keyed(archive, listing.slugs, f"{path}\n{listing.name}", make)
    path = f"{folder}/{ISSUERS_FILE}"
    make = partial(_issuers, listing, places, provinces)
    yield path, keyed(archive, listing.slugs, f"{path}\n{listing.name}", make)


def _year(notice: Notice) -> int:
    """A notice's plan year, 0 when unknown (it sorts last, as in newest_first)."""
    return notice.metadata.year or 0


def _stream_file(rows: list[Row], places: dict[str, str]) -> str:
    """One file of a stream: its notices once each, then its requirements in order."""
    notices: dict[str, int] = {}
    described: list[dict[str, Any]] = []
    items: list[list[Any]] = []
    for row in rows:
        requirement = row.requirement
        notice = requirement.notice
        if notice.slug not in notices:
            notices[notice.slug] = len(described)
            described.append(_notice_record(notice, places[notice.slug]))
        items.append(
            [
                notices[notice.slug],
                requirement.part.number,
                requirement.part.anchor,
                snippet(requirement),
                row.evidence,
                row.kind,
            ]
        )
    return json_record({"notices": described, "rows": items}) + "\n"


def _notice_record(notice: Notice, place: str) -> dict[str, Any]:
    meta = notice.metadata
    return {
        "id": notice.slug,
        "u": notice_url(notice),
        "t": meta.title,
        "i": who(notice),
        "l": meta.level.value if meta.level else "unknown",
        "p": place,
        "r": meta.region,
        "d": meta.date or "",
        "y": _year(notice),
        "n": meta.doc_number,
    }


def _place_list(
    listing: Listing, places: dict[str, str], provinces: Provinces
) -> list[dict[str, str]]:
    """The listing's places: national first, then provinces by code, then unknown."""
    codes = {places[slug] for slug in listing.slugs}
    found: list[dict[str, str]] = []
    if NATIONAL in codes:
        found.append({"key": NATIONAL, "name": PLACE_NAMES[NATIONAL]})
    found += [{"key": p.code, "name": p.name, "short": p.short} for p in provinces.named(codes)]
    if UNKNOWN in codes:
        found.append({"key": UNKNOWN, "name": PLACE_NAMES[UNKNOWN]})
    return found


def _counts(
    listing: Listing, places: dict[str, str], provinces: Provinces
) -> dict[str, dict[tuple[int, int, int, int], int]]:
    """Requirements per (year, place, level, kind), by issuer as shown (``who``)."""
    place_index = {
        place["key"]: index for index, place in enumerate(_place_list(listing, places, provinces))
    }
    kinds = ["", *listing.kinds]
    found: dict[str, dict[tuple[int, int, int, int], int]] = {}
    for row in listing.rows:
        notice = row.requirement.notice
        level = notice.metadata.level.value if notice.metadata.level else "unknown"
        key = (
            _year(notice),
            place_index[places[notice.slug]],
            LEVEL_KEYS.index(level),
            kinds.index(row.kind),
        )
        counts = found.setdefault(who(notice), {})
        counts[key] = counts.get(key, 0) + 1
    return found


def _index(
    listing: Listing,
    places: dict[str, str],
    provinces: Provinces,
    streams: dict[str, list[dict[str, Any]]],
) -> str:
    place_list = _place_list(listing, places, provinces)
    counts: dict[tuple[int, int, int, int], int] = {}
    for by_issuer in _counts(listing, places, provinces).values():
        for key, n in by_issuer.items():
            counts[key] = counts.get(key, 0) + n
    is_role = bool(listing.kinds)
    province_feeds = {
        p["key"]: _feed(listing, p["key"], p["name"])
        for p in place_list
        if not is_role and p["key"] not in (NATIONAL, UNKNOWN)
    }
    index = {
        "v": 1,
        "name": listing.name,
        "total": len(listing.rows),
        "places": place_list,
        "levels": [{"key": key, "name": LEVEL_LABELS[key]} for key in LEVEL_KEYS],
        "kinds": [{"key": kind, "name": KIND_NAMES.get(kind, "")} for kind in ["", *listing.kinds]],
        "counts": [[*key, n] for key, n in sorted(counts.items(), key=lambda item: item[0])],
        "issuers": ISSUERS_FILE,
        "streams": streams,
        "feeds": {"all": _feed(listing), "places": province_feeds},
    }
    return json_record(index) + "\n"


def _issuers(listing: Listing, places: dict[str, str], provinces: Provinces) -> str:
    """issuers.json: each issuer as shown (``who``: several places may share one name, such
    as 发文机关不详) with its counts, rows as in the index; loaded only when a reader filters by
    issuer, so the index stays small at any size."""
    issuers = [
        [name, [[*key, n] for key, n in counts.items()]]
        for name, counts in _counts(listing, places, provinces).items()
    ]
    return json_record({"issuers": issuers}) + "\n"


def _feed(listing: Listing, place: str | None = None, province: str = "") -> dict[str, str]:
    return {
        "href": listing_feed(listing.folder, listing.id, place),
        "title": listing_feed_title(listing.name, bool(listing.kinds), province),
    }


def _item_texts(notice: Notice) -> str:
    return json_record(notice.part_texts()) + "\n"
