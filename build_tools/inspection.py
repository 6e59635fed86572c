"""A parsed notice as plain data, for ``inspect --json`` and the golden files."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from build_tools.model import Notice, Part
from build_tools.render.notice import front_matter


def part_data(part: Part) -> dict[str, Any]:
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
        "children": [part_data(child) for child in part.children],
    }


def notice_data(notice: Notice) -> dict[str, Any]:
    """Metadata, outline and cleaning report of one notice."""
    return {
        "metadata": front_matter(notice),
        "outline": [part_data(part) for part in notice.outline],
        "cleaning": [asdict(step) for step in notice.cleaning],
        "warnings": list(notice.warnings),
    }
