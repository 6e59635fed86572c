"""Plain-text notices: decoded by the strict cascade of build_tools.sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from build_tools.model import CleaningStep
from build_tools.readers.base import ReadNotice

if TYPE_CHECKING:
    from build_tools.sources import RawSource


def read_txt(raw: RawSource, encoding: str | None = None) -> ReadNotice:
    """The file's text as decoded (BOM, UTF-8, GB18030, or the sidecar's ``encoding:``),
    with CRLF and CR line ends made LF; nothing else is changed."""
    from build_tools.sources import decode, normalise_newlines

    text, used = decode(raw.data, raw.path, encoding)
    text, newline_changes = normalise_newlines(text)
    steps = (CleaningStep("line-endings", 1, f"{newline_changes} × CR", "LF"),)
    return ReadNotice(text=text, encoding=used, steps=steps if newline_changes else ())
