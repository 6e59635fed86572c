"""What a value from YAML (sidecars, curated data) may hold, and how a wrong one is shown.

Text that reaches pages, exports and the feed must not hold control characters, lone
surrogates or the non-characters U+FFFE/U+FFFF (XML 1.0 forbids them; a feed reader stops
at the first). A wrong value is shown as it was written in the file (``yes``), with the type
YAML gave it (a boolean), not as the Python value (True).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

# C0 and C1 controls but tab and line feed (and CR, which YAML folds), DEL, surrogates and
# the two non-characters XML 1.0 excludes.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(value: Any) -> str | None:
    """Why a value (text, or a list or mapping of them) cannot be published, or None."""
    if isinstance(value, str):
        found = _FORBIDDEN.search(value)
        if found is None:
            return None
        char = found.group()
        kind = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
        if char in "\ufffe\uffff":
            kind = "a non-character"
        return (
            f"holds {kind} U+{ord(char):04X} at position {found.start() + 1}; "
            "remove it (it cannot be shown on a page or in the feed)"
        )
    if isinstance(value, list):
        return next(filter(None, map(forbidden_character, value)), None)
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
        return next(filter(None, map(forbidden_character, items)), None)
    return None


def as_written(node: yaml.Node, value: Any) -> str:
    """A value as the YAML file spells it, with the type YAML read it as: ``yes (a boolean)``."""
    kind = _kind(value)
    if isinstance(node, yaml.ScalarNode):
        text = node.value if len(node.value) <= 60 else node.value[:57] + "…"
        return f"{text} ({kind})"
    return kind


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"
