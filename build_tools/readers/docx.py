"""Word documents (.docx), read with python-docx.

Paragraphs and tables come in reading order (the body's own order), each paragraph on a
line of its own, with its automatic number as printed (build_tools.readers.docx_numbering)
and its soft line breaks kept. A table row of single-paragraph cells is one line with the
cells joined by " | "; a row whose cells hold several paragraphs or a table is layout, and
its paragraphs become lines. Text boxes follow the paragraph that anchors them. Deleted
revisions and hidden text are not text; headers and footers (页眉, 页脚, page numbers) are
not body text and are reported as left out; printed rules (━━━━) are dropped and reported.

python-docx rather than docx2python: docx2python prints every list number as "1)" and has
no Chinese formats (一、 comes out as "--"), while the body order and the XML are all this
reader needs from a library.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from build_tools.errors import SourceError
from build_tools.model import CleaningStep
from build_tools.readers.base import ReadNotice, join_lines, snippet, tidy_line
from build_tools.readers.docx_numbering import Numbering, W, load_numbering
from build_tools.readers.html_text import CELL_SEPARATOR

if TYPE_CHECKING:
    from build_tools.sources import RawSource

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees whose text is not printed where they stand (text boxes are read on their own).
_SKIP = frozenset(
    {
        f"{W}del",
        f"{W}moveFrom",
        f"{W}txbxContent",
        f"{MC}Fallback",
        f"{W}rPr",
        f"{W}pPr",
        f"{W}instrText",
        f"{W}delText",
        f"{W}fldData",
    }
)
_BREAKS = frozenset({f"{W}br", f"{W}cr"})


def read_docx(raw: RawSource) -> ReadNotice:
    """The body text of a .docx file, numbered as printed; raises SourceError for a file
    that is not a readable .docx or holds no text."""
    import docx
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(raw.data))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise SourceError(
            raw.path,
            f"cannot be read as a Word .docx file ({type(exc).__name__}: {exc})",
            hint="open it in Word, WPS or LibreOffice and save it as .docx again; an old "
            ".doc renamed to .docx needs converting: soffice --headless --convert-to docx FILE",
        ) from exc
    reader = _Reader(load_numbering(document), _style_numbering(document))
    lines = list(reader.blocks(document.element.body))
    steps = list(_headers_and_footers(document))
    for fmt in sorted(reader.numbering.unknown):
        steps.append(CleaningStep("numbering-format", 0, fmt, "printed as 1, 2, 3"))
    text = join_lines(lines, steps)
    if not text:
        raise SourceError(
            raw.path,
            "holds no text (only pictures or drawings?)",
            hint="if it is a scan, run OCR and add the text as a .txt file in its place",
        )
    return ReadNotice(text=text, encoding="docx", steps=tuple(steps))


class _Reader:
    """Walks a document body; numbering counters run across the whole document."""

    def __init__(self, numbering: Numbering, style_numbers: dict[str, tuple[str, int]]) -> None:
        self.numbering = numbering
        self.style_numbers = style_numbers

    def blocks(self, container: Any) -> Iterator[str]:
        """Lines of the paragraphs and tables directly in ``container``, in order."""
        for child in container:
            if child.tag == f"{W}p":
                yield from self.paragraph(child)
            elif child.tag == f"{W}tbl":
                yield from self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                yield from self.blocks(content if content is not None else child)

    def paragraph(self, p: Any) -> Iterator[str]:
        """A paragraph's printed lines (number first), then those of its text boxes."""
        text = self.label(p) + "".join(_text(p))
        yield from text.split("\n")
        for box in _text_boxes(p):
            yield from self.blocks(box)

    def label(self, p: Any) -> str:
        """The paragraph's automatic number as printed, or ''."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = None, 0
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{W}numId"))
            ilvl = int(_val(num_pr.find(f"{W}ilvl")) or 0)
        else:
            style = _val(p.find(f"{W}pPr/{W}pStyle"))
            if style in self.style_numbers:
                num_id, ilvl = self.style_numbers[style]
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl)

    def table(self, tbl: Any) -> Iterator[str]:
        """A table's rows: one line each, or their paragraphs when the table is layout."""
        for row in _children(tbl, f"{W}tr"):
            cells = [cell for cell in _children(row, f"{W}tc") if not _continues_merge(cell)]
            contents = [list(self.blocks(cell)) for cell in cells]
            texts = [[tidy_line(line) for line in lines if tidy_line(line)] for lines in contents]
            nested = any(cell.find(f".//{W}tbl") is not None for cell in cells)
            if nested or any(len(lines) > 1 for lines in texts):
                for lines in texts:
                    yield from lines
            else:
                line = CELL_SEPARATOR.join(lines[0] for lines in texts if lines)
                if line:
                    yield line


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls around them."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            yield from _children(content if content is not None else child, tag)


def _continues_merge(cell: Any) -> bool:
    """A cell merged into the one above it (its text is there)."""
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val") != "restart"


def _text(element: Any) -> Iterator[str]:
    """The printed text under ``element``: runs, tabs and line breaks, hidden runs and
    deleted revisions left out."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}r" and child.find(f"{W}rPr/{W}vanish") is not None:
            continue
        if tag == f"{W}t":
            yield child.text or ""
        elif tag == f"{W}tab":
            yield "\t"
        elif tag in _BREAKS:
            yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        elif tag == f"{W}sym":
            char = chr(int(child.get(f"{W}char", "20"), 16))
            yield "" if 0xE000 <= ord(char) <= 0xF8FF else char
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                yield from _text(choice)
        else:
            yield from _text(child)


def _text_boxes(p: Any) -> Iterator[Any]:
    """The text boxes anchored in a paragraph (one copy each: not the VML fallback)."""
    for box in p.iter(f"{W}txbxContent"):
        if not any(ancestor.tag == f"{MC}Fallback" for ancestor in box.iterancestors()):
            yield box


def _val(node: Any) -> str | None:
    return node.get(f"{W}val") if node is not None else None


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (heading styles of outline lists)."""
    try:
        root = document.styles.element
    except AttributeError:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in root.findall(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            level = _val(num_pr.find(f"{W}ilvl"))
            own[style_id] = (_val(num_pr.find(f"{W}numId")), int(level) if level else None)
        parent = _val(style.find(f"{W}basedOn"))
        if parent:
            based[style_id] = parent
    numbers: dict[str, tuple[str, int]] = {}
    for style_id in {*own, *based}:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen:
            seen.add(current)
            found_id, found_lvl = own.get(current, (None, None))
            num_id = num_id or found_id
            ilvl = ilvl if ilvl is not None else found_lvl
            current = based.get(current)
        if num_id:
            numbers[style_id] = (num_id, ilvl or 0)
    return numbers


def _headers_and_footers(document: Any) -> Iterator[CleaningStep]:
    """What the page headers and footers print (left out of the text), once each."""
    seen: set[tuple[str, str]] = set()
    for section in document.sections:
        for kind, parts in (
            ("page-header", (section.header, section.first_page_header, section.even_page_header)),
            ("page-footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                text = tidy_line(" ".join("".join(_text(p)) for p in part._element.iter(f"{W}p")))
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    yield CleaningStep(kind, 0, snippet(text), "")
