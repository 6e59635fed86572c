"""主送机关: split the addressee line into a list, never inside parentheses."""

from __future__ import annotations

import re

# Recipient lists end with a colon and name bodies of government.
_RECIPIENT_HINT = re.compile(r"(各|有关|政府|单位|部门|委员会|管委会|机构|办事处|部委)")
_MAX_LENGTH = 200
_SEPARATORS = "，,；;"
_SENTENCE_END = "。！？!?"


def looks_like_recipients(text: str) -> bool:
    """Whether a line is a 主送机关 line (各镇人民政府，…：)."""
    return (
        len(text) <= _MAX_LENGTH
        and text[-1] in "：:"
        and not any(ch in text[:-1] for ch in _SENTENCE_END)
        and bool(_RECIPIENT_HINT.search(text))
    )


def split_recipients(text: str) -> tuple[str, ...]:
    """Recipients in order, split at commas outside parentheses."""
    text = text.strip().rstrip("：:")
    names: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if char in _SEPARATORS and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return tuple(name.strip() for name in names if name.strip())
