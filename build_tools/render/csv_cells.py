"""CSV cells that a spreadsheet opens as text, never as a formula (OWASP "CSV Injection").

Excel, LibreOffice and Google Sheets read a cell that begins with = + - @, a tab or a
carriage return as a formula: ``=HYPERLINK("http://…"&A1,"点击")`` in a notice or a sidecar
would become a live link or worse in the reader's spreadsheet. Such a cell gets a single
quote in front, the marker spreadsheets take as "this is text", and every cell is quoted
(the writer's part). Importers may drop leading spaces or quotes, so a formula character
after those counts too; the full-width forms (＝＋－＠) count as well, since some CJK
spreadsheets fold them. Nothing else of the text changes: ``original_text`` takes the one
quote off again.
"""

from __future__ import annotations

import re

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
# What an importer may skip before it looks at the first character: spaces (ASCII, no-break,
# ideographic), line feeds and quotes. Tab and CR are formula starts themselves, so they are
# not skipped; that keeps the rule unambiguous: a quote in front never changes the verdict.
_SKIPPABLE = re.compile(r"[ \u00a0\u3000\n\"']*")
_CHECKED = FORMULA_STARTS | frozenset(" \u00a0\u3000\n\"'")  # any other first character is safe
QUOTE = "'"


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    if text[:1] not in _CHECKED:
        return False
    skipped = _SKIPPABLE.match(text)
    first = text[skipped.end() if skipped else 0 :][:1]
    return first in FORMULA_STARTS


def spreadsheet_text(text: str) -> str:
    """``text`` as it goes into a CSV cell: with one quote in front if it could start a
    formula, else unchanged."""
    return QUOTE + text if starts_formula(text) else text


def original_text(cell: str) -> str:
    """The text a CSV cell was made from: the inverse of ``spreadsheet_text``."""
    if cell.startswith(QUOTE) and starts_formula(cell[1:]):
        return cell[1:]
    return cell
