"""Each notice's rows of requirements.json and requirements.csv, serialised once.

The rows depend on the notice alone (its parts, their sectors and departments), so they
are made with the rest of the notice's own work (build_tools.stage) and cached with it;
the two exports are then every notice's rows joined in archive order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from build_tools.model import Notice, SectorHit
from build_tools.permalinks import notice_url
from build_tools.render.csv_cells import spreadsheet_text

FIELDS = (
    "notice_id", "item_url", "anchor", "number", "style", "heading", "text", "sectors",
    "lead_departments", "supporting_departments", "year", "issuer", "level", "region",
)  # fmt: skip


def records(
    notice: Notice, sectors: Mapping[str, tuple[SectorHit, ...]]
) -> Iterator[dict[str, Any]]:
    """One record per numbered part of ``notice``, in document order, keys in FIELDS order."""
    meta = notice.metadata
    texts = notice.part_texts()
    for part in notice.parts():
        yield {
            "notice_id": notice.slug,
            "item_url": f"{notice_url(notice)}#{part.anchor}",
            "anchor": part.anchor,
            "number": part.number,
            "style": part.style.value,
            "heading": part.heading,
            "text": texts.get(part.anchor, ""),
            "sectors": [hit.sector for hit in sectors.get(part.anchor, ())],
            "lead_departments": list(part.lead_departments),
            "supporting_departments": list(part.supporting_departments),
            "year": meta.year,
            "issuer": meta.issuer,
            "level": meta.level.value if meta.level else None,
            "region": meta.region,
        }


@dataclass(frozen=True, slots=True)
class Rows:
    """A notice's records as JSON (comma-separated, no brackets) and as CSV lines."""

    json: str
    csv: str


def notice_rows(notice: Notice, sectors: Mapping[str, tuple[SectorHit, ...]]) -> Rows:
    """The notice's records, serialised for both exports."""
    found = list(records(notice, sectors))
    return Rows(",".join(json_record(r) for r in found), csv_lines(found, FIELDS))


def json_record(record: Any) -> str:
    """One value as compact JSON with Chinese kept as is."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def json_array(pieces: Iterable[str]) -> Iterator[str]:
    """One JSON array, written piece by piece; each piece is one or more comma-separated
    elements, empty pieces are skipped."""
    separator = "["
    for piece in pieces:
        if piece:
            yield separator + piece
            separator = ","
    yield "[]\n" if separator == "[" else "]\n"


def csv_lines(rows: Iterable[dict[str, Any]], fields: Sequence[str], header: bool = False) -> str:
    """Rows as CSV lines in the order of ``fields`` (CRLF, lists joined by ；), with the
    header line if asked. Every CSV export is written here: each cell is quoted and one that
    could start a spreadsheet formula gets a quote in front (build_tools.render.csv_cells)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    if header:
        writer.writerow(map(spreadsheet_text, fields))
    for row in rows:
        writer.writerow(spreadsheet_text(_cell(row.get(field))) for field in fields)
    return stream.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "；".join(map(str, value))
    return "" if value is None else str(value)


def json_export(parts: Iterable[Rows]) -> Iterator[str]:
    """requirements.json: one array of every record."""
    return json_array(rows.json for rows in parts)


def csv_export(parts: Iterable[Rows]) -> Iterator[str]:
    """requirements.csv: a BOM (so that Excel reads UTF-8), the header, every record."""
    yield "\ufeff"
    started = False
    for rows in parts:
        if rows.csv:
            if not started:
                yield csv_lines((), FIELDS, header=True)
                started = True
            yield rows.csv
