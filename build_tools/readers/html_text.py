"""Lines of a web page's main text, and what the extraction left out.

trafilatura returns the main text as a small XML tree (``p``, ``head``, ``list``/``item``,
``table``/``row``/``cell``, ``lb`` for <br>). Every block and every line break becomes a
line; a table row of plain cells becomes one line with its cells joined by " | " (as the
metadata tables of policy libraries are copied), while a row whose cells hold paragraphs is
page layout, and its paragraphs become lines.

The page's own tree is walked for the text that the extraction left out (breadcrumbs,
navigation, 字号 大 中 小, footers): reported as page chrome, never added back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from build_tools.readers.base import tidy_line

CELL_SEPARATOR = " | "
# Elements of trafilatura's output that hold lines of their own.
_BLOCKS = frozenset(
    {
        "p",
        "head",
        "item",
        "quote",
        "code",
        "list",
        "table",
        "div",
        "main",
        "doc",
        "body",
        "cell",
        "note",
        "graphic",
    }
)
_LAYOUT = frozenset({"p", "head", "list", "table", "quote", "code", "lb"})
# Elements of a page whose text no reader sees.
_INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "select",
        "option",
        "textarea",
        "button",
        "iframe",
        "svg",
    }
)
_PAGE_BLOCKS = frozenset(
    {
        "p",
        "div",
        "td",
        "th",
        "li",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "form",
        "center",
        "blockquote",
        "pre",
        "caption",
        "body",
    }
)


class _Lines:
    """Text gathered into lines: ``add`` appends to the current line, ``end`` closes it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._current: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._current.append(text)

    def end(self) -> None:
        line = tidy_line("".join(self._current))
        self._current.clear()
        if line:
            self.lines.append(line)


def extracted_lines(body: Any) -> list[str]:
    """The lines of trafilatura's extracted tree (``Document.body``)."""
    out = _Lines()
    _walk_children(body, out)
    out.end()
    return out.lines


def _walk_children(element: Any, out: _Lines) -> None:
    out.add(element.text)
    for child in element:
        _walk(child, out)
        out.add(child.tail)


def _walk(element: Any, out: _Lines) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "lb":
        out.end()
    elif tag == "row":
        out.end()
        _row(element, out)
    elif tag in _BLOCKS:
        out.end()
        _walk_children(element, out)
        out.end()
    else:  # inline: hi, ref, del, span …
        _walk_children(element, out)


def _row(row: Any, out: _Lines) -> None:
    cells = [cell for cell in row if cell.tag == "cell"]
    if any(_holds_layout(cell) for cell in cells):
        for cell in cells:
            _walk_children(cell, out)
            out.end()
        return
    texts = [tidy_line("".join(cell.itertext())) for cell in cells]
    out.add(CELL_SEPARATOR.join(text for text in texts if text))
    out.end()


def _holds_layout(cell: Any) -> bool:
    return any(isinstance(node.tag, str) and node.tag in _LAYOUT for node in cell.iterdescendants())


def hidden(element: Any) -> bool:
    """Whether a page element is never shown: display:none, the hidden attribute."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or element.get("hidden") is not None


def visible_runs(root: Any) -> Iterator[tuple[Any, str]]:
    """Every run of visible text of the page with the block it sits in, in page order: a
    block's own text, up to the next block inside it."""

    def flush(block: Any, parts: list[str]) -> Iterator[tuple[Any, str]]:
        text = tidy_line("".join(parts))
        parts.clear()
        if text:
            yield block, text

    def visit(element: Any, parts: list[str], block: Any) -> Iterator[tuple[Any, str]]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _INVISIBLE or hidden(element):
            return
        if tag == "br":
            parts.append(" ")
            return
        if tag in _PAGE_BLOCKS:
            yield from flush(block, parts)
            own: list[str] = []
            own.append(element.text or "")
            for child in element:
                yield from visit(child, own, element)
                own.append(child.tail or "")
            yield from flush(element, own)
        else:
            parts.append(element.text or "")
            for child in element:
                yield from visit(child, parts, block)
                parts.append(child.tail or "")

    body = root.find(".//body")
    yield from visit(body if body is not None else root, [], root)
