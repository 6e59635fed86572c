"""Titles and issuers as printed: the workplan title, the covering notice title, org lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.textutil import HAN_CLASS, TERMINAL

_WORKPLAN = re.compile(r"^《?(.{2,40}?(工作要点|工作计划|工作安排|工作方案|要点))》?$")
_NOTICE_END = re.compile(r"(通知|意见|决定|通报|批复)$")
_ORG_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|管理委员会|委员会|管委会"
    "|办公厅|办公室|政府|总局|局|厅|部|署|委"
)
_ORG_LINE = re.compile(rf"^[{HAN_CLASS}（）()]{{2,40}}?({_ORG_SUFFIX})$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class NoticeTitle:
    """A covering notice title and the issuer printed before 关于, if any."""

    title: str
    issuer: str | None


def workplan_title(text: str) -> str | None:
    """The workplan's own title if the line is one (2022年全市安全生产工作要点)."""
    if "关于" in text or any(ch in text for ch in TERMINAL + "，,"):
        return None
    match = _WORKPLAN.match(text)
    return match.group(1) if match else None


def notice_title(text: str) -> NoticeTitle | None:
    """The covering notice title (关于…的通知), with an issuer prefix split off."""
    stripped = text.strip()
    if stripped.startswith("《") and stripped.endswith("》"):
        stripped = stripped[1:-1]
    position = stripped.find("关于")
    if position < 0 or not _NOTICE_END.search(stripped) or stripped[-1] in TERMINAL:
        return None
    prefix = stripped[:position].strip()
    issuer = prefix if prefix and is_organisation(prefix) else None
    if prefix and issuer is None:
        return None
    return NoticeTitle(stripped[position:], issuer)


def is_organisation(text: str) -> bool:
    """Whether the whole line names an issuing body (滕州市安全生产委员会)."""
    return bool(_ORG_LINE.match(text))


def title_year(title: str) -> int | None:
    """The plan year in a title (2022年全市安全生产工作要点 → 2022)."""
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None
