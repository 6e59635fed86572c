"""A parsed notice as plain data, for ``inspect --json``, ``sectors --explain`` and goldens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from build_tools.model import Notice, Part, SectorHit
from build_tools.render.notice import front_matter
from build_tools.sectors.assign import classify_notice
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import SECTORS_FILE, load_taxonomy

Hits = Mapping[str, tuple[SectorHit, ...]]


def part_data(part: Part, hits: Hits) -> dict[str, Any]:
    """One outline entry of the ``inspect --json`` shape."""
    return {
        "number": part.number,
        "style": part.style.value,
        "anchor": part.anchor,
        "heading": part.heading,
        "line": part.line,
        "lead_departments": list(part.lead_departments),
        "supporting_departments": list(part.supporting_departments),
        "department_clause": part.department_clause,
        "sectors": [hit.sector for hit in hits.get(part.anchor, ())],
        "children": [part_data(child, hits) for child in part.children],
    }


def notice_data(notice: Notice, hits: Hits | None = None) -> dict[str, Any]:
    """Metadata, outline (with each part's sectors) and cleaning report of one notice."""
    hits = hits or {}
    metadata = front_matter(notice)
    metadata["sectors"] = sorted({hit.sector for found in hits.values() for hit in found})
    return {
        "metadata": metadata,
        "outline": [part_data(part, hits) for part in notice.outline],
        "zones": [asdict(mark) for mark in notice.zones],
        "evidence": [asdict(candidate) for candidate in notice.evidence],
        "cleaning": [asdict(step) for step in notice.cleaning],
        "warnings": list(notice.warnings),
    }


def sector_hits(notice: Notice, source_dir: Path) -> Hits:
    """Sectors of each part, using the taxonomy beside the notice (source_texts/sectors.yml)."""
    taxonomy = load_taxonomy(source_dir / SECTORS_FILE)
    return classify_notice(notice, SectorClassifier(taxonomy))


def explain(notice: Notice, hits: Hits) -> list[str]:
    """Why each part got its sectors: the words found, in the title or the text, and where."""
    lines = []
    for part in notice.parts():
        found = hits.get(part.anchor, ())
        label = f"{part.anchor:<10} {part.number}{part.heading or ''}"
        if not found:
            lines.append(f"{label}  —  no sector")
            continue
        lines.append(label)
        for hit in found:
            evidence = "、".join(f"“{e.keyword}”({e.where} @{e.offset})" for e in hit.evidence)
            lines.append(f"{'':<12}{hit.sector} [{hit.strength}]: {evidence}")
    return lines
