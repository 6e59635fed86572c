"""Readers per format, chosen by the file's extension (as Pelican's readers are).

Each reader turns a notice file into a ``ReadNotice``: its text with one printed line or
paragraph per line, how it was read, the page's own statements about itself (evidence
only) and what the reader dropped. The libraries of the HTML, Word and PDF readers are
imported when a file of that format is first read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from build_tools.readers.base import ReadNotice
from build_tools.readers.unsupported import unsupported

if TYPE_CHECKING:
    from build_tools.sources import RawSource

__all__ = ["NOTICE_SUFFIXES", "ReadNotice", "read_notice", "reader_label", "unsupported"]

Reader = Callable[["RawSource", "str | None"], ReadNotice]


def _txt(raw: RawSource, encoding: str | None) -> ReadNotice:
    from build_tools.readers.txt import read_txt

    return read_txt(raw, encoding)


def _html(raw: RawSource, encoding: str | None) -> ReadNotice:
    from build_tools.readers.html import read_html

    return read_html(raw, encoding)


def _docx(raw: RawSource, encoding: str | None) -> ReadNotice:
    from build_tools.readers.docx import read_docx

    return read_docx(raw)


def _pdf(raw: RawSource, encoding: str | None) -> ReadNotice:
    from build_tools.readers.pdf import read_pdf

    return read_pdf(raw)


# suffix -> (reader, the format's name on the download button)
_READERS: dict[str, tuple[Reader, str]] = {
    ".txt": (_txt, "TXT"),
    ".html": (_html, "HTML"),
    ".htm": (_html, "HTML"),
    ".docx": (_docx, "Word"),
    ".pdf": (_pdf, "PDF"),
}
NOTICE_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def read_notice(raw: RawSource, encoding: str | None = None) -> ReadNotice:
    """Read a notice file with the reader of its extension; raises SourceError for a
    format no reader reads and for a file its reader cannot use. ``encoding`` is the
    sidecar's ``encoding:`` (text and HTML only)."""
    suffix = PurePosixPath(raw.path.name).suffix.lower()
    if suffix not in _READERS:
        raise unsupported(raw.path)
    reader, _ = _READERS[suffix]
    return reader(raw, encoding)


def reader_label(file: str) -> str:
    """The format of a notice file as people name it (TXT, HTML, Word, PDF)."""
    found = _READERS.get(PurePosixPath(file).suffix.lower())
    return found[1] if found else PurePosixPath(file).suffix.lstrip(".").upper()
