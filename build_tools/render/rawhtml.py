"""Pre-rendered HTML inside generated Markdown, kept away from Python-Markdown.

Generated pages are mostly text the build tools have already escaped and linked: feeding it
through Python-Markdown's inline patterns and HTML parser took most of a build (about 80 %
at 300 notices). Such HTML is written between a ``<!--raw-->`` line and a ``<!--/raw-->``
line. The MkDocs hook swaps each block for a placeholder comment before Markdown runs
(``stash``) and puts it back in the rendered page (``unstash``). Without the hook the blocks
are ordinary raw HTML to Markdown, so the page looks the same either way; only headings
stay Markdown, so the table of contents and permalinks still come from MkDocs.

Source text cannot forge a placeholder: inside raw blocks ``<`` is always escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

RAW_START = "<!--raw-->"
RAW_END = "<!--/raw-->"
_BLOCK = re.compile(r"^<!--raw-->\n(.*?)\n<!--/raw-->$", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = re.compile(r"<!--raw:(\d+)-->")
_ID = re.compile(r'<[a-z][a-z0-9]*\s[^>]*?\bid="([^"]+)"')


def raw_block(html: str) -> str:
    """``html`` marked as pre-rendered."""
    return f"{RAW_START}\n{html}\n{RAW_END}"


def join_blocks(blocks: Iterable[str]) -> str:
    """Markdown blocks, with every run of HTML blocks made one raw block (``wrap_html_runs``)."""
    lines: list[str] = []
    for block in blocks:
        lines += [block, ""]
    return "\n".join(wrap_html_runs(lines)).strip("\n")


def stash(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each raw block replaced by a placeholder, and the blocks in order."""
    chunks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        chunks.append(match.group(1))
        return f"<!--raw:{len(chunks) - 1}-->"

    return _BLOCK.sub(keep, markdown), chunks


def unstash(html: str, chunks: list[str]) -> str:
    """The rendered page with every placeholder replaced by its block."""
    if not chunks:
        return html
    return _PLACEHOLDER.sub(lambda match: chunks[int(match.group(1))], html)


def anchor_ids(chunks: list[str]) -> set[str]:
    """The ``id`` attributes in pre-rendered blocks (they are always double-quoted)."""
    return {found for chunk in chunks for found in _ID.findall(chunk)}


def wrap_html_runs(lines: list[str]) -> list[str]:
    """Page lines with each run of HTML lines (blank lines between them allowed) made raw.

    A line is HTML if it starts with ``<``; front matter, headings and Markdown stay as
    they are.
    """
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            if out and out[-1]:
                out.append("")
            out.extend([raw_block("\n".join(run)), ""])
            run.clear()

    for line in lines:
        if line.startswith("<"):
            run.append(line)
        elif not line and run:
            continue
        else:
            flush()
            out.append(line)
    flush()
    return out
