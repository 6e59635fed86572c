"""Clean a decoded notice: every change is explicit and reported as a CleaningStep.

Steps, in order: control characters; gov.cn-style header blocks (their fields become
metadata); web-page leftovers; letter-spaced words; lines broken by wrapping; stray spaces
between Chinese characters. Blank lines only separate paragraphs and are then dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from build_tools.model import CleaningStep, CleanText, Line
from build_tools.structure import starts_part
from build_tools.textutil import CJK_CLASS, HAN_CLASS, SPACE_CLASS, TERMINAL, snippet

# Labels of the metadata table that gov.cn-style policy libraries print above a document.
HEADER_LABELS = (
    "索引号", "主题分类", "发布机构", "发文机关", "文件编号", "发文字号", "有效性",
    "成文日期", "发布日期", "主题词", "标题", "体裁分类", "组配分类", "公开方式", "信息来源",
)  # fmt: skip
_HEADER_SCAN_LINES = 12
_HEADER_CONTINUATION = 80
_LABEL_RE = re.compile(
    "(" + "|".join("[ \u3000]*".join(label) for label in HEADER_LABELS) + r")[ \u3000]*[:：]"
)

# Lines that a web page adds around a document: share buttons, print links, font switches.
WEB_LEFTOVERS = tuple(
    re.compile(pattern)
    for pattern in (
        r"^用微信[“\"]?扫一扫[”\"]?",
        r"^即可将网页分享给您的微信好友或朋友圈",
        r"^扫一扫在手机(上)?打开当前页",
        r"^分享到[:：]",
        r"^【?(字体|字号)[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?】?$",
        r"^(【?(打印本页|打印|关闭窗口|关闭|收藏|返回顶部)】?\s*)+$",
        r"^(来源|发布时间|浏览次数|访问量|点击数|责任编辑)[:：].{0,60}$",
    )
)

_LETTER_SPACED = re.compile(rf"^(?:[{HAN_CLASS}][{SPACE_CLASS}]+){{1,7}}[{HAN_CLASS}]$")
_STRAY_SPACE = re.compile(
    rf"(?<=[{CJK_CLASS}])[{SPACE_CLASS}]+(?=[{CJK_CLASS}0-9])"
    rf"|(?<=[0-9])[{SPACE_CLASS}]+(?=[{CJK_CLASS}])"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOTICE_END = re.compile(r"(通知|意见|决定|通报|批复|函)》?$")
# A line at least this long that does not end a sentence was broken by wrapping.
_LONG_LINE = 100
_TITLE_ZONE = 15


def clean(text: str) -> CleanText:
    """Clean newline-normalised text; return body lines, header fields and the report."""
    steps: list[CleaningStep] = []
    raw_lines = text.split("\n")
    lines: list[Line | None] = []
    for number, raw in enumerate(raw_lines, start=1):
        stripped = _remove_controls(raw, number, steps).strip(f"{SPACE_CLASS}\ufeff")
        lines.append(Line(number, stripped) if stripped else None)
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
    for index, line in enumerate(lines):
        if line is not None and any(pattern.search(line.text) for pattern in WEB_LEFTOVERS):
            steps.append(CleaningStep("web-leftover", line.number, line.text, ""))
            lines[index] = None


def _close_letter_spacing(lines: list[Line | None], steps: list[CleaningStep]) -> None:
    for index, line in enumerate(lines):
        if line is not None and _LETTER_SPACED.match(line.text):
            closed = re.sub(f"[{SPACE_CLASS}]+", "", line.text)
            steps.append(CleaningStep("letter-spacing", line.number, line.text, closed))
            lines[index] = Line(line.number, closed)


def _join_broken_lines(lines: list[Line | None], steps: list[CleaningStep]) -> list[Line]:
    """Join a line to the next where wrapping or a split title broke one paragraph in two.

    A blank line between two lines always keeps them apart.
    """
    width = _wrap_width([line for line in lines if line is not None])
    joined: list[Line] = []
    previous_blank = True
    for line in lines:
        if line is None:
            previous_blank = True
            continue
        if joined:
            last = joined[-1]
            reason = _join_reason(
                last.text, line.text, width, len(joined) < _TITLE_ZONE, previous_blank
            )
            if reason:
                glue = " " if last.text[-1:].isascii() and line.text[:1].isascii() else ""
                merged = Line(last.number, last.text + glue + line.text)
                steps.append(
                    CleaningStep(
                        reason,
                        line.number,
                        last.text[-8:] + "\n" + line.text[:8],
                        last.text[-8:] + glue + line.text[:8],
                    )
                )
                joined[-1] = merged
                previous_blank = False
                continue
        joined.append(line)
        previous_blank = False
    return joined


def _join_reason(
    first: str, second: str, width: int | None, in_title_zone: bool, after_blank: bool
) -> str | None:
    """Why two lines are one paragraph; a split title may even span a blank line."""
    if in_title_zone and _is_split_title(first, second):
        return "title-join"
    if after_blank or first[-1] in TERMINAL or starts_part(second):
        return None
    if len(first) >= _LONG_LINE or (width is not None and len(first) >= width - 1):
        return "line-join"
    return None


def _is_split_title(first: str, second: str) -> bool:
    """A notice title printed over two lines (《…开展 / …的通知》, 关于…的 / 通知)."""
    if first.count("《") > first.count("》") and second.count("》") > second.count("《"):
        return len(second) <= 60
    return (
        "关于" in first
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

    def keep_or_drop(match: re.Match[str]) -> str:
        depth = text.count("《", 0, match.start()) - text.count("》", 0, match.start())
        if depth > 0:
            return match.group(0)
        start, end = match.span()
        before = snippet(text, start, end)
        after = text[max(0, start - 6) : start] + text[end : end + 6]
        steps.append(CleaningStep("stray-space", line.number, before, after))
        return ""

    cleaned = _STRAY_SPACE.sub(keep_or_drop, text)
    return Line(line.number, cleaned) if cleaned != text else line
