"""Machine-readable exports and the feed: JSON, CSV (UTF-8 with BOM for Excel), Atom.

URLs are relative to the site root, so the files stay valid wherever the site is published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from build_tools.archive import Archive
from build_tools.model import Notice
from build_tools.permalinks import notice_url
from build_tools.render.citations import citation_records
from build_tools.render.escape import escape_xml
from build_tools.render.keyed import keyed
from build_tools.render.notice import front_matter
from build_tools.render.raw_source import source_url
from build_tools.render.requirement_rows import (
    Rows,
    csv_export,
    csv_lines,
    json_array,
    json_export,
    json_record,
    notice_rows,
)
from build_tools.render.requirements import who
from build_tools.write import Content, Stream

DATA_FOLDER = "data"
FEED = "feed.xml"
FEED_ID = "tag:worksafety-archive,2026:"


def render_exports(
    archive: Archive, source_dir: Path, rows: Callable[[Notice], Rows] | None = None
) -> Iterator[tuple[str, Content]]:
    """Every export as (path under docs/, content), the raw sources included (copied byte for
    byte). The per-item exports are streams, made notice by notice as they are written;
    ``rows`` gives a notice's requirement rows made earlier, else they are made here."""
    rows = rows or (lambda notice: notice_rows(notice, archive.part_sectors.get(notice.slug, {})))
    yield f"{DATA_FOLDER}/notices.json", _json(_notice_records(archive))
    yield f"{DATA_FOLDER}/notices.csv", Stream(_csv(_notice_rows(archive)))
    yield f"{DATA_FOLDER}/glossary.json", Stream(_json_array(_glossary_records(archive)))
    yield f"{DATA_FOLDER}/requirements.json", Stream(json_export(map(rows, archive.notices)))
    yield f"{DATA_FOLDER}/requirements.csv", Stream(csv_export(map(rows, archive.notices)))
    yield f"{DATA_FOLDER}/citations.json", Stream(_json_array(citation_records(archive)))
    yield f"{DATA_FOLDER}/citations.csv", Stream(_csv(citation_records(archive)))
    yield FEED, atom_feed(archive)
    for notice in archive.notices:
        copy = partial(Path, source_dir / notice.source.file)
        yield source_url(notice), keyed(archive, [notice.slug], source_url(notice), copy)


def _json(data: Any) -> str:
    return json_record(data) + "\n"


def _json_array(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The same text as ``_json(list(records))``, one record at a time."""
    return json_array(map(json_record, records))


_CSV_BATCH = 500  # rows per chunk


def _csv(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV with a BOM so that Excel opens Chinese text as UTF-8; columns as in the first row."""
    yield "\ufeff"
    iterator = iter(rows)
    fields: list[str] | None = None
    while batch := list(islice(iterator, _CSV_BATCH)):
        if fields is None:
            fields = list(batch[0])
            yield csv_lines(batch, fields, header=True)
        else:
            yield csv_lines(batch, fields)


def _notice_records(archive: Archive) -> list[dict[str, Any]]:
    records = []
    for notice in _newest_first(archive):
        matter = front_matter(notice)
        matter["sectors"] = list(archive.notice_sectors(notice.slug))
        matter["terms"] = list(archive.notice_terms.get(notice.slug, ()))
        records.append(
            {"id": notice.slug, "url": notice_url(notice), "raw_url": source_url(notice), **matter}
        )
    return records


def _notice_rows(archive: Archive) -> Iterator[dict[str, Any]]:
    for record in _notice_records(archive):
        source = record.pop("source")
        record.update(
            {"source_file": source["file"], "sha256": source["sha256"], "source_url": source["url"]}
        )
        yield record


def _glossary_records(archive: Archive) -> Iterator[dict[str, Any]]:
    return (
        {
            "id": term.id,
            "term": term.term,
            "aliases": list(term.aliases),
            "pinyin": term.pinyin,
            "explanation": term.explanation,
            "components": list(term.components),
            "basis": [{"document": b.document, "article": b.article} for b in term.basis],
            "basis_confidence": term.basis_confidence.value,
            "related": [other.id for other in archive.glossary.related(term)],
            "category": term.category,
            "url": f"glossary/{term.id}/",
            "uses": [
                {"notice": use.slug, "item": use.anchor, "number": use.number, "count": use.count}
                for use in archive.term_uses.get(term.id, ())
            ],
        }
        for term in archive.glossary.terms
    )


def _newest_first(archive: Archive) -> list[Notice]:
    return sorted(
        archive.notices,
        key=lambda n: (n.metadata.date or f"{n.metadata.year or 0}", n.slug),
        reverse=True,
    )


def _updated(notice: Notice) -> str:
    meta = notice.metadata
    day = meta.date or (f"{meta.year}-01-01" if meta.year else "1970-01-01")
    return f"{day}T00:00:00Z"


def atom_feed(archive: Archive) -> str:
    """An Atom feed (RFC 4287) of every notice, newest 成文日期 first; links are relative."""
    notices = _newest_first(archive)
    updated = max((_updated(n) for n in notices), default="1970-01-01T00:00:00Z")
    entries = []
    for notice in notices:
        meta = notice.metadata
        summary = "，".join(
            x for x in (meta.issuer or meta.region, meta.doc_number, meta.date) if x
        )
        entries.append(
            "<entry>"
            f"<id>{FEED_ID}notices/{notice.slug}</id>"
            f"<title>{escape_xml(meta.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{notice_url(notice)}"/>'
            f"<updated>{_updated(notice)}</updated>"
            f"<author><name>{escape_xml(who(notice))}</name></author>"
            f"<summary>{escape_xml(summary or meta.title)}</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">'
        f"<id>{FEED_ID}feed</id><title>安全生产工作要点档案：新收录的通知</title>"
        f'<link rel="self" href="{FEED}"/><link rel="alternate" type="text/html" href="./"/>'
        f"<updated>{updated}</updated><author><name>安全生产工作要点档案</name></author>"
        + "".join(entries)
        + "</feed>\n"
    )
