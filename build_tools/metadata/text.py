"""Metadata printed in the text itself: doc number, titles, issuer, date, recipients.

Only the opening lines (before the first numbered part) and the closing lines (a signature
and date after the body) are read, so a document number or date quoted inside the body
(国发〔2011〕40号) is never taken for the notice's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from build_tools.metadata.dates import ImpossibleDateError, parse_date
from build_tools.metadata.doc_number import normalise_doc_number
from build_tools.metadata.recipients import looks_like_recipients, split_recipients
from build_tools.metadata.titles import is_organisation, notice_title, workplan_title
from build_tools.model import Line, Role
from build_tools.structure import starts_part

_FRONT_LINES = 25
_CLOSING_LINES = 4


@dataclass
class TextMetadata:
    """Values found in the text, the role of each line that held one, and warnings."""

    values: dict[str, Any] = field(default_factory=dict)
    roles: dict[int, Role] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def extract_from_text(lines: tuple[Line, ...]) -> TextMetadata:
    """Read metadata from the opening and closing lines of a cleaned notice."""
    found = TextMetadata()
    front: list[Line] = []
    for line in lines[:_FRONT_LINES]:
        if starts_part(line.text):
            break
        front.append(line)
    for line in front:
        _read_line(line, found)
    closing = [line for line in lines[-_CLOSING_LINES:] if line not in front]
    for line in closing:
        if _is_closing_line(line):
            _read_line(line, found)
    return found


def _is_closing_line(line: Line) -> bool:
    return is_organisation(line.text) or _safe_date(line) is not None


def _safe_date(line: Line) -> str | None:
    try:
        date = parse_date(line.text)
    except ImpossibleDateError:
        return None
    return date.isoformat() if date else None


def _read_line(line: Line, found: TextMetadata) -> None:
    text, values = line.text, found.values
    title = notice_title(text)
    if "doc_number" not in values and (number := normalise_doc_number(text)):
        values["doc_number"] = number
        found.roles[line.number] = Role.DOC_NUMBER
    elif title and "notice_title" not in values:
        values["notice_title"] = title.title
        if title.issuer and "issuer" not in values:
            values["issuer"] = title.issuer
        found.roles[line.number] = Role.NOTICE_TITLE
    elif "title" not in values and (plan := workplan_title(text)):
        values["title"] = plan
        found.roles[line.number] = Role.TITLE
    elif "issuer" not in values and is_organisation(text):
        values["issuer"] = text
        found.roles[line.number] = Role.ISSUER
    elif "recipients" not in values and looks_like_recipients(text):
        values["recipients"] = split_recipients(text)
        found.roles[line.number] = Role.RECIPIENTS
    elif "date" not in values:
        try:
            date = parse_date(text)
        except ImpossibleDateError as exc:
            found.warnings.append(f"line {line.number}: {exc}")
            return
        if date:
            values["date"] = date.isoformat()
            found.roles[line.number] = Role.DATE
