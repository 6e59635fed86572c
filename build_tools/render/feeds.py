"""Atom feeds to follow: per sector (and per sector for national + one province), per
lead-department role, per issuer and per level, each of the newest ``FEED_SIZE`` notices.

A sector's or role's entry is a notice with the requirements it lists there (linked to the
items); an issuer's or level's entry is a notice. Entries are newest first, as everywhere
on the site (build_tools.render.requirements.newest_first).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import groupby, islice
from operator import itemgetter

from build_tools.archive import Archive
from build_tools.model import Notice
from build_tools.permalinks import notice_url
from build_tools.provinces import NATIONAL
from build_tools.render.atom import FEED_ID, Entry, Feed, atom_xml, notice_updated
from build_tools.render.departments import DEPARTMENTS_FOLDER
from build_tools.render.escape import escape_html
from build_tools.render.feed_paths import (
    FEEDS_FOLDER,
    ISSUERS,
    LEVELS,
    issuer_feed,
    level_feed,
    listing_feed,
    listing_feed_title,
)
from build_tools.render.keyed import keyed
from build_tools.render.listing_view import KIND_NAMES, LEVEL_LABELS, notice_places, province_table
from build_tools.render.listings import Listing, Row, listings, snippet
from build_tools.render.requirements import newest_first, who
from build_tools.render.sectors import SECTORS_FOLDER
from build_tools.write import Content

FEED_SIZE = 30  # notices per feed
ROWS_PER_ENTRY = 5  # requirements listed in one entry; the rest are counted
ISSUERS_PAGE = "browse/issuers/"  # the page that lists issuers and levels


# Material for MkDocs takes every <link rel="alternate"> for a page in another language and
# fetches sitemap.xml beside it; an empty one in each feed folder answers that request.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def iter_feeds(archive: Archive) -> Iterator[tuple[str, Content]]:
    """Every feed as (path under docs/, content), and the empty sitemap of each folder."""
    for folder in (SECTORS_FOLDER, DEPARTMENTS_FOLDER, ISSUERS, LEVELS):
        yield f"{FEEDS_FOLDER}/{folder}/sitemap.xml", EMPTY_SITEMAP
    places = notice_places(archive)
    provinces = province_table(archive)
    for listing in listings(archive):
        yield _listing_feed(archive, listing, listing.rows, None, "")
        if listing.folder != SECTORS_FOLDER:
            continue
        by_place: dict[str, list[tuple[int, Row]]] = {}
        for position, row in enumerate(listing.rows):
            by_place.setdefault(places[row.requirement.notice.slug], []).append((position, row))
        national = by_place.get(NATIONAL, [])
        for province in provinces.named(set(by_place)):
            # National and the province's rows, in the listing's order, as far as needed.
            merged = heapq.merge(national, by_place[province.code], key=itemgetter(0))
            rows = (row for _, row in merged)
            yield _listing_feed(archive, listing, rows, province.code, province.name)
    for issuer, notices in archive.by_issuer.items():
        yield _notice_feed(archive, issuer_feed(issuer), f"{issuer}：新收录的通知", notices)
    by_level: dict[str, list[Notice]] = {}
    for notice in archive.notices:
        if notice.metadata.level:
            by_level.setdefault(notice.metadata.level.value, []).append(notice)
    for level, notices in by_level.items():
        title = f"{LEVEL_LABELS[level]}新收录的通知"
        yield _notice_feed(archive, level_feed(level), title, notices)


def _listing_feed(
    archive: Archive, listing: Listing, rows: Iterable[Row], place: str | None, province: str
) -> tuple[str, Content]:
    """The feed of ``rows`` of ``listing`` (all of them, or national and one province's)."""
    path = listing_feed(listing.folder, listing.id, place)
    feed = _feed(
        path,
        listing_feed_title(listing.name, bool(listing.kinds), province),
        f"{listing.folder}/{listing.id}/",
    )
    by_notice = [
        list(group)
        for _, group in islice(groupby(rows, key=lambda r: r.requirement.notice.slug), FEED_SIZE)
    ]
    slugs = [rows[0].requirement.notice.slug for rows in by_notice]
    make = partial(_listing_xml, feed, listing, by_notice)
    return path, keyed(archive, slugs, f"{path}\n{feed.title}", make)


def _listing_xml(feed: Feed, listing: Listing, by_notice: list[list[Row]]) -> str:
    entries = []
    for rows in by_notice:
        notice = rows[0].requirement.notice
        what = f"由{listing.name}牵头或配合的任务" if listing.kinds else f"涉及{listing.name}的要求"
        entries.append(
            Entry(
                id=f"{FEED_ID}{listing.folder}/{listing.id}/{notice.slug}",
                title=notice.metadata.title,
                link=notice_url(notice),
                updated=notice_updated(notice),
                author=who(notice),
                summary=f"{_source(notice)}：{len(rows)} 条{what}",
                content_html=_rows_html(rows),
                category=notice.metadata.level.value if notice.metadata.level else "",
            )
        )
    return atom_xml(feed, entries)


def _rows_html(rows: list[Row]) -> str:
    items = []
    for row in rows[:ROWS_PER_ENTRY]:
        requirement = row.requirement
        href = f"{notice_url(requirement.notice)}#{requirement.part.anchor}"
        kind = f"【{KIND_NAMES[row.kind]}】" if row.kind else ""
        items.append(
            f'<li><a href="{escape_html(href)}">{escape_html(requirement.part.number)}</a> '
            f"{escape_html(kind + snippet(requirement))}"
            f"<br><small>{escape_html(row.evidence)}</small></li>"
        )
    more = len(rows) - ROWS_PER_ENTRY
    tail = f"<p>另有 {more} 条，见通知原文。</p>" if more > 0 else ""
    return f"<ol>{''.join(items)}</ol>{tail}"


def _feed(path: str, title: str, page: str) -> Feed:
    return Feed(path, f"{FEED_ID}{path.removesuffix('.xml')}", title, page)


def _notice_feed(
    archive: Archive, path: str, title: str, notices: list[Notice]
) -> tuple[str, Content]:
    feed = _feed(path, title, ISSUERS_PAGE)
    chosen = newest_first(notices)[:FEED_SIZE]
    make = partial(_notice_xml, feed, chosen)
    return feed.path, keyed(archive, [n.slug for n in chosen], f"{feed.path}\n{feed.title}", make)


def _notice_xml(feed: Feed, notices: list[Notice]) -> str:
    entries = [
        Entry(
            id=f"{FEED_ID}notices/{notice.slug}",
            title=notice.metadata.title,
            link=notice_url(notice),
            updated=notice_updated(notice),
            author=who(notice),
            summary=_source(notice) or notice.metadata.title,
            category=notice.metadata.level.value if notice.metadata.level else "",
        )
        for notice in notices
    ]
    return atom_xml(feed, entries)


def _source(notice: Notice) -> str:
    meta = notice.metadata
    level = LEVEL_LABELS[meta.level.value] if meta.level else ""
    return "，".join(x for x in (who(notice), level, meta.doc_number, meta.date) if x)
