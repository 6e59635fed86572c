"""The result every reader returns, and helpers the readers share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from build_tools.model import CleaningStep

# Whitespace that never belongs at either end of a printed line.
_EDGE_SPACE = " \t\r\n\f\v\u00a0\u3000\ufeff"
_INNER_SPACE = re.compile(r"[ \t\r\n\f\v]+")
# A printed rule: the separator under the 发文机关标志 or above the 版记, typed as characters.
_RULE = re.compile(r"^[━─—―－\-–_＿=＝▬■]{3,}$")


@dataclass(frozen=True)
class ReadNotice:
    """A notice file as text, with what its page says about itself.

    ``text`` has one printed line or paragraph per line and "\\n" line ends. ``encoding``
    says how it was read (the codec of a text file, "html/<codec>", "docx", "pdf").
    ``evidence`` holds facts the page states outside the printed text (HTML meta tags,
    <title>, address); they are evidence only, never trusted over the text. ``steps``
    lists what the reader dropped or changed (page chrome, running headers, page numbers).
    """

    text: str
    encoding: str
    evidence: Mapping[str, str] = field(default_factory=dict)
    steps: tuple[CleaningStep, ...] = ()


def tidy_line(text: str) -> str:
    """A printed line as one line: runs of ASCII whitespace (source wrapping, tabs) become
    one space, and no space is left at either end."""
    return _INNER_SPACE.sub(" ", text.replace("\u00a0", " ")).strip(_EDGE_SPACE)


def is_rule(line: str) -> bool:
    """Whether a line is only a printed rule (━━━━, ————, ____), which carries no text."""
    return bool(_RULE.match(line.replace(" ", "")))


def join_lines(lines: Iterable[str], steps: list[CleaningStep], first_line: int = 1) -> str:
    """The text of ``lines``: tidied, empty ones left out, printed rules dropped (each
    recorded in ``steps`` under the number of the line it would have had)."""
    kept: list[str] = []
    for raw in lines:
        line = tidy_line(raw)
        if not line:
            continue
        if is_rule(line):
            steps.append(CleaningStep("separator-line", first_line + len(kept), line, ""))
            continue
        kept.append(line)
    return "\n".join(kept) + "\n" if kept else ""


def snippet(text: str, limit: int = 60) -> str:
    """At most ``limit`` characters of ``text`` for a report, marked when cut."""
    text = tidy_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
