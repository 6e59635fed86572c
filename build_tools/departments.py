"""Department clauses: （市安委会办公室牵头，市安委会成员单位、各镇街负责落实）.

A trailing parenthesised clause that assigns work becomes lead and supporting departments;
the clause text stays in the body verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "（("
_CLOSE = "）)"
_TRAILING = "。.；; "
_LEAD = re.compile(r"(牵头负责|牵头)(?=[，,；;、]|$)")
_DUTY = re.compile(r"(按职责分工|按照职责|共同|分别)?(负责落实|具体落实|负责|配合|参与|落实)$")
_SEPARATORS = re.compile(r"[、，,；;]")
_MAX_CLAUSE = 300


@dataclass(frozen=True)
class DepartmentClause:
    """The clause as written and the departments it names."""

    text: str
    lead: tuple[str, ...]
    supporting: tuple[str, ...]


def trailing_parenthesis(text: str) -> tuple[int, int] | None:
    """Span of a balanced parenthesis that closes the text (before a final 。), if any."""
    end = len(text.rstrip(_TRAILING))
    if end == 0 or text[end - 1] not in _CLOSE:
        return None
    depth = 0
    for index in range(end - 1, max(-1, end - 1 - _MAX_CLAUSE), -1):
        char = text[index]
        if char in _CLOSE:
            depth += 1
        elif char in _OPEN:
            depth -= 1
            if depth == 0:
                return index, end
    return None


def find_clause(text: str) -> DepartmentClause | None:
    """The department clause that ends ``text``, or None if it has none."""
    span = trailing_parenthesis(text)
    if span is None:
        return None
    start, end = span
    inner = text[start + 1 : end - 1].strip()
    lead_match = _LEAD.search(inner)
    if lead_match:
        lead_text = inner[: lead_match.start()]
        rest = inner[lead_match.end() :].strip("，,；; ")
        duty = _DUTY.search(rest)
        if rest and not duty:
            return None
        supporting_text = rest[: duty.start()] if duty else ""
    else:
        duty = _DUTY.search(inner)
        if not duty:
            return None
        lead_text, supporting_text = inner[: duty.start()], ""
    lead = _split_names(lead_text)
    if not lead:
        return None
    return DepartmentClause(text[start:end], lead, _split_names(supporting_text))


def _split_names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in _SEPARATORS.split(text) if name.strip())
