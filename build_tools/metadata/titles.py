"""The workplan's own title (2022年全市安全生产工作要点) and the year it names.

The covering notice's title is found by its zone (build_tools.zones.title_score) and its
issuer prefix by build_tools.metadata.orgs.
"""

from __future__ import annotations

import re

from build_tools.textutil import TERMINAL

_WORKPLAN = re.compile(r"^《?(.{2,40}?(工作要点|工作计划|工作安排|工作方案|要点))》?$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def workplan_title(text: str) -> str | None:
    """The workplan's own title if the line is one (2022年全市安全生产工作要点)."""
    if "关于" in text or any(ch in text for ch in TERMINAL + "，,"):
        return None
    match = _WORKPLAN.match(text)
    return match.group(1) if match else None


def title_year(title: str) -> int | None:
    """The plan year in a title (2022年全市安全生产工作要点 → 2022)."""
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None
