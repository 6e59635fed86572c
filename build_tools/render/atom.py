"""Atom (RFC 4287) documents: every feed of the site is written here, text escaped.

Links are relative to the site root: the feed's ``xml:base`` leads from the feed's own
address to the root, so the files stay valid wherever the site is published. Titles,
names and summaries come from notices, so each is escaped as XML text; HTML content is
made with escaped text and then escaped again as the element's text (``type="html"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Notice
from build_tools.render.escape import escape_xml

FEED_ID = "tag:worksafety-archive,2026:"  # as the archive-wide feed.xml
AUTHOR = "安全生产工作要点档案"
NO_DATE = "1970-01-01T00:00:00Z"


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry: a notice, or a notice's requirements in a listing."""

    id: str
    title: str
    link: str  # from the site root
    updated: str  # RFC 3339
    author: str
    summary: str
    content_html: str = ""
    category: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed: where it lives, what it is called and the page it follows."""

    path: str  # from the site root
    id: str
    title: str
    page: str  # the page the feed follows, from the site root


def notice_updated(notice: Notice) -> str:
    """When a notice's entry was last updated: its 成文日期, else the date a page published
    it, else 1 January of its plan year."""
    meta = notice.metadata
    day = meta.date or meta.published or (f"{meta.year}-01-01" if meta.year else None)
    return f"{day}T00:00:00Z" if day else NO_DATE


def atom_xml(feed: Feed, entries: list[Entry]) -> str:
    """The feed's XML document."""
    base = "../" * feed.path.count("/")
    updated = max((entry.updated for entry in entries), default=NO_DATE)
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh"'
        + (f' xml:base="{_attribute(base)}"' if base else "")
        + ">"
        f"<id>{escape_xml(feed.id)}</id><title>{escape_xml(feed.title)}</title>"
        f'<link rel="self" type="application/atom+xml" href="{_attribute(feed.path)}"/>'
        f'<link rel="alternate" type="text/html" href="{_attribute(feed.page)}"/>'
        f"<updated>{updated}</updated><author><name>{AUTHOR}</name></author>"
    )
    return head + "".join(map(_entry, entries)) + "</feed>\n"


def _entry(entry: Entry) -> str:
    category = f'<category term="{_attribute(entry.category)}"/>' if entry.category else ""
    content = (
        f'<content type="html">{escape_xml(entry.content_html)}</content>'
        if entry.content_html
        else ""
    )
    return (
        "<entry>"
        f"<id>{escape_xml(entry.id)}</id>"
        f"<title>{escape_xml(entry.title)}</title>"
        f'<link rel="alternate" type="text/html" href="{_attribute(entry.link)}"/>'
        f"<updated>{entry.updated}</updated>"
        f"<author><name>{escape_xml(entry.author)}</name></author>"
        f"{category}"
        f"<summary>{escape_xml(entry.summary)}</summary>"
        f"{content}"
        "</entry>"
    )


def _attribute(text: str) -> str:
    return escape_xml(text).replace('"', "&quot;")
