"""Glossary links in notice text: the first use of each term in a paragraph links to its entry.

Only the first use per paragraph links, so a long item that repeats 安全生产标准化 five times
is not a wall of links; the usage index still counts every use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from build_tools.glossary.matching import TermMatcher
from build_tools.model import Term
from build_tools.permalinks import ROOT_FROM_NOTICE
from build_tools.render.escape import normalise_space, plain_html

GLOSSARY_FOLDER = "glossary"
HTML_PREFIX = f"{ROOT_FROM_NOTICE}{GLOSSARY_FOLDER}/"  # from a notice page
_TOOLTIP_LENGTH = 80


@lru_cache(maxsize=1024)
def tooltip(term: Term) -> str:
    """A short explanation for the link's title: its first sentence, shortened.

    Plain text: the site shows it as the browser's own tooltip, never as HTML (Material's
    ``content.tooltips`` would put it into ``innerHTML``, so that feature stays off).
    """
    first = re.split(r"(?<=[。！？])", term.explanation, maxsplit=1)[0]
    if len(first) > _TOOLTIP_LENGTH:
        first = first[: _TOOLTIP_LENGTH - 1] + "…"
    return normalise_space(f"{term.term}：{first}")


@dataclass(frozen=True)
class Linker:
    """Turns source text into escaped HTML with glossary links."""

    matcher: TermMatcher
    prefix: str = f"../{GLOSSARY_FOLDER}/"

    def link_html(self, text: str, seen: set[str], prefix: str = HTML_PREFIX) -> str:
        """HTML of ``text`` with the first use of each unseen term linked (see ``link``).

        ``prefix`` leads from the page's URL (a notice: notices/<year>/<slug>/) to the
        glossary.
        """
        text = normalise_space(text)
        pieces: list[str] = []
        position = 0
        for match in self.matcher.find(text):
            if match.term_id in seen:
                continue
            seen.add(match.term_id)
            term = self.matcher.glossary.by_id[match.term_id]
            pieces.append(plain_html(text[position : match.start]))
            pieces.append(
                f'<a class="term" href="{prefix}{term.id}/" title="{plain_html(tooltip(term))}">'
                f"{plain_html(match.form)}</a>"
            )
            position = match.end
        pieces.append(plain_html(text[position:]))
        return "".join(pieces)
