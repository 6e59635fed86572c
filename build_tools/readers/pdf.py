"""PDFs with a text layer, read with pdfplumber.

Each page's text lines come in reading order (top to bottom, left to right), one printed
line per line: a paragraph wrapped over several lines stays wrapped here and is joined by
the cleaning stage, which recognises the wrap width. Dropped, each reported: page numbers
at the head or foot of a page (— 3 —, －3－, - 3 -, 第3页, 3/10, a lone 3), running headers
and footers (a line at the same place on most pages), and printed rules (━━━━). The red
separator under the 发文字号 is a drawing, not text, so it never reaches the text.

A PDF without a text layer (a scan) or whose text cannot be mapped to characters is an
error that says how to get text from it.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from build_tools.errors import SourceError
from build_tools.model import CleaningStep
from build_tools.readers.base import ReadNotice, join_lines, tidy_line

if TYPE_CHECKING:
    from build_tools.sources import RawSource

# The head and foot of a page: the share of its height where running lines are printed.
MARGIN = 0.12
_DASH = "—－\\-–―─~～"
_PAGE_NUMBER = re.compile(
    rf"^(?:[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r"|\d{1,4})$",
    re.IGNORECASE,
)
_CID = re.compile(r"\(cid:\d+\)")
_OCR = (
    "run OCR on it (e.g. ocrmypdf --language chi_sim FILE.pdf FILE.pdf) and put the result "
    "in its place, or put its text in a .txt file in its place"
)


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    top: float  # share of the page height, 0 at the top
    first: bool  # first line of its page
    last: bool  # last line of its page


def read_pdf(raw: RawSource) -> ReadNotice:
    """The text of a PDF's text layer without page numbers, running headers and footers;
    raises SourceError for a scan, an encrypted or a broken file."""
    pages = _page_lines(raw)
    lines = [line for page in pages for line in page]
    if not any(line.text.strip() for line in lines):
        raise SourceError(raw.path, "has no text layer (a scan)", hint=_OCR)
    cid = sum(len(_CID.findall(line.text)) for line in lines)
    if cid > max(3, sum(len(line.text) for line in lines) // 50):
        raise SourceError(
            raw.path,
            "has a text layer whose fonts map no characters (text comes out as (cid:N))",
            hint=_OCR,
        )
    steps: list[CleaningStep] = []
    running = _running_lines(pages)
    kept: list[str] = []
    for page in pages:
        if not page:
            steps.append(CleaningStep("pdf-page-without-text", len(kept) + 1, "", ""))
        for line in page:
            kind = _dropped(line, running, len(pages))
            if kind:
                steps.append(CleaningStep(kind, len(kept) + 1, line.text, ""))
            else:
                kept.append(line.text)
    return ReadNotice(text=join_lines(kept, steps), encoding="pdf", steps=tuple(steps))


def _page_lines(raw: RawSource) -> list[list[_Line]]:
    """Every page's text lines in reading order."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(raw.data)) as pdf:
            return [_lines(number, page) for number, page in enumerate(pdf.pages, start=1)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise SourceError(
            raw.path,
            "is encrypted",
            hint="save an unencrypted copy (e.g. qpdf --decrypt IN.pdf OUT.pdf) in its place",
        ) from exc
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise SourceError(
                raw.path,
                "is encrypted",
                hint="save an unencrypted copy (e.g. qpdf --decrypt IN.pdf OUT.pdf) in its place",
            ) from exc
        raise SourceError(
            raw.path,
            f"cannot be read as a PDF ({type(cause).__name__}: {cause})",
            hint="open it in a PDF reader and save or print it to PDF again",
        ) from exc


def _lines(number: int, page: Any) -> list[_Line]:
    height = float(page.height) or 1.0
    found = [
        (tidy_line(item["text"]), float(item["top"]) / height)
        for item in page.extract_text_lines(return_chars=False)
    ]
    found = [(text, top) for text, top in found if text]
    return [
        _Line(number, text, top, index == 0, index == len(found) - 1)
        for index, (text, top) in enumerate(found)
    ]


def _in_margin(line: _Line) -> bool:
    return line.top < MARGIN or line.top > 1 - MARGIN


def _shape(text: str) -> str:
    """A line with its numbers made alike, so that 第1页 and 第2页 repeat."""
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _running_lines(pages: list[list[_Line]]) -> set[str]:
    """Shapes of the lines printed in a page margin on most pages (at least two)."""
    if len(pages) < 2:
        return set()
    counts = Counter(
        shape
        for page in pages
        for shape in {_shape(line.text) for line in page if _in_margin(line)}
    )
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= needed}


def _dropped(line: _Line, running: set[str], pages: int) -> str | None:
    """Why a line is not text of the notice, or None."""
    at_edge = _in_margin(line) or line.first or line.last
    if at_edge and _PAGE_NUMBER.match(line.text) and (pages > 1 or _in_margin(line)):
        return "page-number"
    if _in_margin(line) and _shape(line.text) in running:
        return "running-header" if line.top < MARGIN else "running-footer"
    return None
