"""Make source text literal in Markdown: nothing a notice contains may become markup.

Every ASCII punctuation character is backslash-escaped. The site enables
``pymdownx.escapeall``, which turns any backslash-escaped character back into itself (and
``<``, ``>``, ``&`` into entities), so the page shows exactly the source characters.
"""

from __future__ import annotations

import html
import re

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Characters XML 1.0 forbids: C0 controls but tab, LF and CR; surrogates; U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE_RUN = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Runs of whitespace as one space, none at the ends: Markdown would fold them anyway."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


def escape_inline(text: str) -> str:
    """Source text as Markdown that renders to exactly that text (whitespace kept as is)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def escape_markdown(text: str) -> str:
    """Source text as Markdown that renders to exactly that text, on one line."""
    return escape_inline(normalise_space(text))


def plain_html(text: str) -> str:
    """Text for HTML as it is (whitespace untouched): ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(text, quote=True)


def escape_html(text: str) -> str:
    """Source text for raw HTML blocks (metadata panel, labels)."""
    return html.escape(_WHITESPACE_RUN.sub(" ", text).strip(), quote=True)


def escape_xml(text: str) -> str:
    """Text for an XML element (the feed): escaped, and without the characters XML 1.0
    forbids, which sidecars refuse but which could still come from a notice's text."""
    return html.escape(_NOT_XML.sub("", text), quote=False)
