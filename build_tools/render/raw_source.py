"""The raw file of a notice as the site serves it: where, under which name, with which label.

The file is copied byte for byte and keeps its extension, so a reader downloads the .docx
or .pdf as collected. A saved web page is the one exception in how it is served: as
``<slug>.html.txt``, with the download named ``<slug>.html``. Served as .html from the
archive's own address, its scripts would run there, outside the archive's
Content-Security-Policy, and it would load from other hosts; as text it is bytes to save.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from build_tools.model import Notice
from build_tools.readers import reader_label
from build_tools.render.escape import escape_html

SOURCES_FOLDER = "sources"
_SERVED_AS_TEXT = frozenset({".html", ".htm"})


def source_suffix(notice: Notice) -> str:
    """The notice file's extension, lower case (.txt, .html, .docx, .pdf)."""
    return PurePosixPath(notice.source.file).suffix.lower()


def source_url(notice: Notice) -> str:
    """The raw source file as collected, relative to the site root."""
    suffix = source_suffix(notice)
    served = f"{suffix}.txt" if suffix in _SERVED_AS_TEXT else suffix
    return f"{SOURCES_FOLDER}/{notice.slug}{served}"


def download_link(notice: Notice, prefix: str) -> str:
    """The button that downloads the raw file, for a page ``prefix`` away from the root.

    A text notice keeps the link it always had; other formats name their format and the
    file name to save under (the served name of a web page ends in .txt)."""
    href = escape_html(prefix + source_url(notice))
    suffix = source_suffix(notice)
    if suffix == ".txt":
        return f'<a class="md-button" href="{href}" download>下载原文（原始文件，未经改动）</a>'
    name = escape_html(f"{notice.slug}{suffix}")
    label = reader_label(notice.source.file)
    return (
        f'<a class="md-button" href="{href}" download="{name}">'
        f"下载原文（{label}，原始文件，未经改动）</a>"
    )
