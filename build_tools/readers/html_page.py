"""A saved web page before its text is extracted: its charset and what it says about itself.

The charset is the one the page declares (``<meta charset>``, the http-equiv Content-Type,
an XML declaration); a page that declares none, or one its bytes do not fit, is decoded by
the project's cascade (BOM, UTF-8, GB18030). GB2312 and GBK are read as GB18030, their
superset: pages that declare GB2312 routinely use GBK characters.

The evidence is what government CMSs (TRS WCM, the 政府网站集约化平台) put in ``<meta>``
tags, the ``<title>``, the page's address and its first ``<h1>``: facts about the page that
the metadata stage may weigh, never trust over the printed text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import html as lxml_html

from build_tools.errors import SourceError
from build_tools.model import CleaningStep
from build_tools.sources import decode

# Names of <meta name=…> tags kept as evidence, as government CMSs spell them.
META_NAMES = (
    "ArticleTitle", "PubDate", "ContentSource", "SiteName", "ColumnName", "Keywords",
    "Description",
)  # fmt: skip
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"\s+")
_GB = frozenset({"gb2312", "gbk", "gb18030", "hz"})
# Labels that name no real charset of a Chinese page (WHATWG reads them as windows-1252).
_WESTERN = frozenset({"ascii", "cp1252", "iso8859-1"})
_ALIASES = {"x-gbk": "gbk", "x-gb18030": "gb18030", "x-euc-cn": "gb2312"}
_SNIFF_BYTES = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares near its start, as a Python codec name, or None."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _GB:
        return "gb18030"
    return None if name in _WESTERN else name


def decode_page(
    data: bytes, path: Path, encoding: str | None, steps: list[CleaningStep]
) -> tuple[str, str]:
    """The page as text and the codec used: the sidecar's ``encoding:``, else the declared
    charset, else (or when the bytes do not fit the declaration) the cascade."""
    if encoding is not None:
        return decode(data, path, encoding)
    declared = declared_charset(data)
    if declared is not None and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            return decode(data, path, declared)
        except SourceError:
            text, used = decode(data, path)
            steps.append(CleaningStep("charset", 1, f"declared {declared}", f"read as {used}"))
            return text, used
    return decode(data, path)


def parse_page(text: str) -> lxml_html.HtmlElement:
    """The page as an lxml tree (an XML declaration, which lxml refuses in text, dropped)."""
    return lxml_html.document_fromstring(_XML_DECLARATION.sub("", text, count=1) or "<html/>")


def collapse(text: str | None) -> str:
    """Whitespace collapsed to single spaces, none at the ends."""
    return _SPACE.sub(" ", text or "").strip()


def page_evidence(tree: lxml_html.HtmlElement, text: str) -> dict[str, str]:
    """What the page says about itself: CMS meta tags, <title>, address and first <h1>."""
    evidence: dict[str, str] = {}
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = collapse(meta.get("name")).lower()
        value = collapse(meta.get("content"))
        if name and value:
            metas.setdefault(name, value)
    for name in META_NAMES:
        if metas.get(name.lower()):
            evidence[name] = metas[name.lower()]
    title = tree.find(".//title")
    if title is not None and collapse(title.text_content()):
        evidence["title"] = collapse(title.text_content())
    url = page_url(tree, text)
    if url:
        evidence["url"] = url
    heading = tree.find(".//h1")
    if heading is not None and collapse(heading.text_content()):
        evidence["h1"] = collapse(heading.text_content())
    return evidence


def page_url(tree: lxml_html.HtmlElement, text: str) -> str | None:
    """Where the page was saved from: canonical link, og:url, the browser's "saved from"
    comment, or <base href>, in that order."""
    for link in tree.iter("link"):
        if "canonical" in collapse(link.get("rel")).lower().split() and collapse(link.get("href")):
            return collapse(link.get("href"))
    for meta in tree.iter("meta"):
        if collapse(meta.get("property")).lower() == "og:url" and collapse(meta.get("content")):
            return collapse(meta.get("content"))
    saved = _SAVED_FROM.search(text[:_SNIFF_BYTES])
    if saved:
        return saved.group(1)
    base = tree.find(".//base")
    if base is not None and collapse(base.get("href")):
        return collapse(base.get("href"))
    return None
