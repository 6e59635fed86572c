"""Clean a decoded notice: every change is explicit and reported as a CleaningStep.

Steps, in order: control characters; gov.cn-style header blocks (their fields become
metadata); web-page leftovers; letter-spaced words; lines broken by wrapping; stray spaces
between Chinese characters. Blank lines only separate paragraphs and are then dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from build_tools.chrome import EDGE_LINES, is_chrome, junk_prefix, split_flattened
from build_tools.metadata.orgs import split_issuers
from build_tools.metadata.table import LABELS, is_table_row
from build_tools.model import CleaningStep, CleanText, Line
from build_tools.structure import starts_part
from build_tools.textutil import CJK_CLASS, HAN_CLASS, SPACE_CLASS, TERMINAL, TITLE_ENDINGS, snippet

# Labels of the metadata table that policy libraries print above a document.
HEADER_LABELS = tuple(sorted(LABELS, key=len, reverse=True))
_HEADER_SCAN_LINES = 12
_HEADER_CONTINUATION = 80
_LABEL_RE = re.compile(
    "(" + "|".join("[ \u3000]*".join(label) for label in HEADER_LABELS) + r")[ \u3000]*[:：]"
)

_FLATTENED_FRONT = 8
_FLATTENED_BACK = 3

_LETTER_SPACED = re.compile(rf"^(?:[{HAN_CLASS}][{SPACE_CLASS}]+){{1,7}}[{HAN_CLASS}]$")
_STRAY_SPACE = re.compile(
    rf"(?<=[{CJK_CLASS}])[{SPACE_CLASS}]+(?=[{CJK_CLASS}0-9])"
    rf"|(?<=[0-9])[{SPACE_CLASS}]+(?=[{CJK_CLASS}])"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOTICE_END = re.compile(f"(通知书|{'|'.join(TITLE_ENDINGS)}|规划|预案)》?$")
# A line at least this long that does not end a sentence was broken by wrapping.
_LONG_LINE = 100
_TITLE_ZONE = 15
_TITLE_MAX = 200  # a longer paragraph is not the first half of a split title


def clean(text: str) -> CleanText:
    """Clean newline-normalised text; return body lines, header fields and the report."""
    steps: list[CleaningStep] = []
    raw_lines = text.split("\n")
    lines: list[Line | None] = []
    for number, raw in enumerate(raw_lines, start=1):
        stripped = _remove_controls(raw, number, steps).strip(f"{SPACE_CLASS}\ufeff")
        lines.append(Line(number, stripped) if stripped else None)
    lines = _split_flattened(lines, steps)
    _drop_web_leftovers(lines, steps)
    header = _take_header_block(lines, steps)
    _close_letter_spacing(lines, steps)
    joined = _join_broken_lines(lines, steps)
    final = tuple(_remove_stray_spaces(line, steps) for line in joined)
    return CleanText(lines=final, header=header, steps=tuple(steps))


def _remove_controls(raw: str, number: int, steps: list[CleaningStep]) -> str:
    cleaned = _CONTROL.sub("", raw)
    if cleaned != raw:
        steps.append(CleaningStep("control-character", number, repr(raw[:40]), repr(cleaned[:40])))
    return cleaned


def _take_header_block(lines: list[Line | None], steps: list[CleaningStep]) -> dict[str, str]:
    """Remove a header block of 'label: value' lines at the top and return its fields.

    Rows may have been wrapped: a line without a label continues the block when it holds a
    '|' cell separator or a label follows it.
    """
    present = [index for index, line in enumerate(lines) if line is not None]
    run: list[int] = []
    for position, index in enumerate(present[:_HEADER_SCAN_LINES]):
        text = _text(lines[index])
        label = _LABEL_RE.search(text)
        if not run:
            if label is None or label.start() > 2:
                break
        elif label is None:
            following = present[position + 1] if position + 1 < len(present) else None
            next_text = _text(lines[following]) if following is not None else ""
            if not _continues_header(text, next_text):
                break
        run.append(index)
    block = "".join(_text(lines[index]) for index in run)
    for index in run:
        line = lines[index]
        assert line is not None
        steps.append(CleaningStep("header-block", line.number, line.text, ""))
        lines[index] = None
    return _header_fields(block)


def _text(line: Line | None) -> str:
    return line.text if line is not None else ""


def _continues_header(text: str, next_text: str) -> bool:
    if "。" in text or len(text) > _HEADER_CONTINUATION:
        return False
    return "|" in text or "｜" in text or bool(_LABEL_RE.match(next_text))


def _header_fields(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    matches = list(_LABEL_RE.finditer(block))
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        label = re.sub(r"[ \u3000]", "", match.group(1))
        end = following.start() if following else len(block)
        value = block[match.end() : end].strip(f"{SPACE_CLASS}|｜")
        if value:
            fields[label] = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", value)
    return fields


def _drop_web_leftovers(lines: list[Line | None], steps: list[CleaningStep]) -> None:
    """Drop page furniture and anti-scraping junk (see ``build_tools.chrome``)."""
    present = [index for index, line in enumerate(lines) if line is not None]
    edges = set(present[:EDGE_LINES] + present[-EDGE_LINES // 4 :])
    for index, line in enumerate(lines):
        if line is None:
            continue
        junk = junk_prefix(line.text)
        if junk:
            rest = line.text[junk:].strip(SPACE_CLASS)
            steps.append(CleaningStep("web-junk", line.number, line.text[:junk], ""))
            lines[index] = line = Line(line.number, rest) if rest else None
            if line is None:
                continue
        kind = is_chrome(line.text, index in edges)
        if kind:
            steps.append(CleaningStep(kind, line.number, line.text, ""))
            lines[index] = None


def _split_flattened(lines: list[Line | None], steps: list[CleaningStep]) -> list[Line | None]:
    """Split a long line that runs a notice's zones together (see ``chrome.split_flattened``).

    The pieces keep the source line's number; only the first few and the last lines can
    hold a title, addressees or a signature.
    """
    present = [index for index, line in enumerate(lines) if line is not None]
    front, back = set(present[:_FLATTENED_FRONT]), set(present[-_FLATTENED_BACK:])
    result: list[Line | None] = []
    for index, line in enumerate(lines):
        if line is None or (index not in front and index not in back):
            result.append(line)
            continue
        pieces = split_flattened(line.text, index in front)
        if len(pieces) > 1:
            for piece in pieces[1:]:
                steps.append(CleaningStep("line-split", line.number, piece[:8], "\n" + piece[:8]))
        result.extend(Line(line.number, piece.strip(SPACE_CLASS)) for piece in pieces)
    return result


def _close_letter_spacing(lines: list[Line | None], steps: list[CleaningStep]) -> None:
    for index, line in enumerate(lines):
        if line is not None and _LETTER_SPACED.match(line.text):
            closed = re.sub(f"[{SPACE_CLASS}]+", "", line.text)
            steps.append(CleaningStep("letter-spacing", line.number, line.text, closed))
            lines[index] = Line(line.number, closed)


class _Paragraph:
    """A paragraph being joined from lines. Its pieces are kept apart until it is complete:
    joining them one by one would copy a long paragraph once per line."""

    __slots__ = ("length", "number", "pieces", "tail")

    def __init__(self, line: Line) -> None:
        self.number = line.number
        self.pieces = [line.text]
        self.length = len(line.text)
        self.tail = line.text[-_TAIL:]

    def add(self, glue: str, text: str) -> None:
        """Append ``text`` after ``glue``."""
        self.pieces += [glue, text]
        self.length += len(glue) + len(text)
        self.tail = (self.tail + glue + text)[-_TAIL:]

    def text(self) -> str:
        """The paragraph so far."""
        if len(self.pieces) > 1:
            self.pieces = ["".join(self.pieces)]
        return self.pieces[0]


_TAIL = 8  # characters of a joined line's end shown in the cleaning report


def _join_broken_lines(lines: list[Line | None], steps: list[CleaningStep]) -> list[Line]:
    """Join a line to the next where wrapping or a split title broke one paragraph in two.

    A blank line between two lines always keeps them apart.
    """
    width = _wrap_width([line for line in lines if line is not None])
    joined: list[_Paragraph] = []
    previous_blank = True
    following = _following_texts(lines)
    for index, line in enumerate(lines):
        if line is None:
            previous_blank = True
            continue
        if joined:
            last = joined[-1]
            in_title_zone = len(joined) < _TITLE_ZONE
            reason = _join_reason(last, line.text, width, in_title_zone, previous_blank)
            if (
                reason is None
                and in_title_zone
                and _is_title_middle(last, line.text, following[index])
            ):
                reason = "title-join"
            if reason:
                glue = " " if last.tail[-1:].isascii() and line.text[:1].isascii() else ""
                before = last.tail
                last.add(glue, line.text)
                steps.append(
                    CleaningStep(
                        reason,
                        line.number,
                        before + "\n" + line.text[:_TAIL],
                        before + glue + line.text[:_TAIL],
                    )
                )
                previous_blank = False
                continue
        joined.append(_Paragraph(line))
        previous_blank = False
    return [Line(paragraph.number, paragraph.text()) for paragraph in joined]


def _join_reason(
    first: _Paragraph, second: str, width: int | None, in_title_zone: bool, after_blank: bool
) -> str | None:
    """Why two lines are one paragraph; a split title may even span a blank line."""
    if in_title_zone and first.length <= _TITLE_MAX and _is_split_title(first.text(), second):
        return "title-join"
    if in_title_zone and not after_blank and _is_broken_name(first.text(), second):
        return "title-join"
    if after_blank or first.tail[-1] in TERMINAL or starts_part(second):
        return None
    if first.length >= _LONG_LINE or (width is not None and first.length >= width - 1):
        return "line-join"
    return None


def _following_texts(lines: list[Line | None]) -> list[str]:
    """For each position, the text of the next line that is not blank."""
    found: list[str] = [""] * len(lines)
    text = ""
    for index in range(len(lines) - 1, -1, -1):
        found[index] = text
        line = lines[index]
        if line is not None:
            text = line.text
    return found


def _is_title_middle(first: _Paragraph, second: str, third: str) -> bool:
    """The middle line of a title printed over three lines (XX关于开展 / 大检查和 / …的通知)."""
    opening = first.text()
    return (
        first.length <= _TITLE_MAX
        and "关于" in opening
        and not opening.startswith(("【", "["))
        and not _NOTICE_END.search(opening)
        and opening[-1] not in TERMINAL
        and len(second) <= 30
        and not any(ch in second for ch in TERMINAL + "，,")
        and not starts_part(second)
        and len(third) <= 40
        and bool(_NOTICE_END.search(third))
    )


def _is_broken_name(first: str, second: str) -> bool:
    """A title broken inside its issuer's name (国家安全生产 / 监督管理局办公室…关于…)."""
    return (
        len(first) <= 12
        and bool(re.fullmatch(f"[{HAN_CLASS}]+", first))
        and "关于" in second
        and not second.startswith("关于")
        and bool(re.match(f"[{HAN_CLASS}]{{1,20}}?(局|厅|部|委|会|办公室|政府|办)", second))
    )


def _is_split_title(first: str, second: str) -> bool:
    """A notice title printed over two lines (《…开展 / …的通知》, 关于…的 / 通知)."""
    if first.startswith(("【", "[")) or any(ch in first for ch in TERMINAL):
        return False  # a label of the page's table (【失效依据】…), or a sentence
    if not (re.match(f"[{HAN_CLASS}]", first[-1]) or first[-1] in "《“（(、"):
        return False  # a line ending in ↓↓↓ or a date is not half a title
    if first.count("《") > first.count("》") and second.count("》") > second.count("《"):
        return len(second) <= 60
    return (
        ("关于" in first or first.startswith(("印发", "转发", "批转")))
        and not _NOTICE_END.search(first)
        and first[-1] not in TERMINAL
        and len(second) <= 40
        and bool(_NOTICE_END.search(second))
    )


def _wrap_width(lines: list[Line]) -> int | None:
    """The column at which the text was hard-wrapped, if it was.

    Hard-wrapped text has many lines of one length that do not end a sentence; ordinary
    text has a flat spread of lengths.
    """
    lengths = Counter(len(line.text) for line in lines if line.text[-1] not in TERMINAL)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    if width >= 16 and count >= 4 and count >= 0.25 * len(lines):
        return width
    return None


def _remove_stray_spaces(line: Line, steps: list[CleaningStep]) -> Line:
    """Remove spaces between Chinese characters, except inside a 《book title》.

    Official titles may separate two phrases with a space (《关于坚持科学发展安全发展 促进…》).
    """
    text = line.text
    if (" " in text.strip() or "\u3000" in text.strip()) and (
        len(split_issuers(text) or ()) > 1 or is_table_row(text)
    ):
        return line  # joint issuers (中共XX市委 XX市人民政府), or a table's labels and values
    depth = 0  # 《 minus 》 before ``seen``, counted as the matches go left to right
    seen = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth, seen
        start, end = match.span()
        depth += text.count("《", seen, start) - text.count("》", seen, start)
        seen = start
        if depth > 0:
            return match.group(0)
        before = snippet(text, start, end)
        after = text[max(0, start - 6) : start] + text[end : end + 6]
        steps.append(CleaningStep("stray-space", line.number, before, after))
        return ""

    cleaned = _STRAY_SPACE.sub(keep_or_drop, text)
    return Line(line.number, cleaned) if cleaned != text else line
