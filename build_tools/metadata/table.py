"""A web page's own metadata table above a notice: 索引号, 发文机关, 发文字号, 成文日期 ….

Policy libraries print these as 'label: value' rows, as table cells ('文 号 | X |'), as
【label】 value, with a label glued to its value (发布文号皖安〔2024〕1号), or with the labels and
the values on different lines. Each value is checked for its type (a date for a date label,
a document number for a number label), so a value in another field's place is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from build_tools.metadata.dates import find_date
from build_tools.metadata.doc_number import find_doc_number
from build_tools.metadata.orgs import split_issuers
from build_tools.model import Line

# Label → the fact it gives. Letter-spaced labels (索 引 号) are matched too.
LABELS = {
    "索引号": "index_number",
    "发文字号": "doc_number",
    "发布文号": "doc_number",
    "发文号": "doc_number",
    "文件编号": "doc_number",
    "文件字号": "doc_number",
    "文号": "doc_number",
    "发文机关": "issuer",
    "发布机构": "publisher",
    "发布单位": "publisher",
    "发布部门": "publisher",
    "颁布部门": "publisher",
    "颁布机构": "publisher",
    "制定机关": "issuer",
    "制定机构": "issuer",
    "发文机构": "issuer",
    "发文文号": "doc_number",
    "公文时效": "status",
    "法规标题": "title",
    "信息名称": "title",
    "生成日期": "",
    "公开时限": "",
    "公开范围": "",
    "责任处室": "",
    "失效依据": "",
    "发文日期": "",
    "作者": "publisher",
    "成文日期": "date",
    "发布日期": "published",
    "发布时间": "published",
    "发表时间": "published",
    "发表日期": "published",
    "公开日期": "published",
    "公布日期": "published",
    "颁布日期": "published",
    "颁布时间": "published",
    "有效性状态": "status",
    "废止日期": "",
    "有效性": "status",
    "时效性": "status",
    "效力状态": "status",
    "标题": "title",
    "法规名称": "title",
    "文件名称": "title",
    "名称": "title",
    "实施日期": "",
    "生效日期": "",
    "主题分类": "",
    "信息分类": "",
    "主题词": "",
    "体裁分类": "",
    "组配分类": "",
    "公开方式": "",
    "信息来源": "",
    "来源": "",
    "效力级别": "",
    "效力属性": "",
    "法规类别": "",
    "概述": "",
    "概  述": "",
}
_LABEL = re.compile(
    r"[【\[]?("
    + "|".join("[ \u3000]*".join(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")[】\]]?[ \u3000]*[:：|｜]?"
)
_STATUS = re.compile(r"^(现行有效|部分失效|已废止|已修改|有效|失效|废止)(?!日期)")
_SEPARATORS = " \u3000|｜:：【】[]"


@dataclass(frozen=True)
class TableValue:
    """One value of the page's metadata table and the line it was read from."""

    fact: str
    value: str
    line: int


def read_table(lines: Sequence[Line]) -> tuple[list[TableValue], set[int]]:
    """The typed values of the metadata table in ``lines``, and the lines that hold it."""
    values: list[TableValue] = []
    used: set[int] = set()
    for position, line in enumerate(lines):
        matches = [m for m in _LABEL.finditer(line.text) if _starts_cell(line.text, m.start())]
        if not matches:
            continue
        used.add(line.number)
        for match, following in zip(matches, [*matches[1:], None], strict=False):
            label = re.sub(r"[ \u3000]", "", match.group(1))
            end = following.start() if following else len(line.text)
            raw = line.text[match.end() : end].strip(_SEPARATORS)
            below = False
            if not raw and following is None and position + 1 < len(lines):
                nxt = lines[position + 1]
                if not _LABEL.match(nxt.text):
                    raw, below = nxt.text.strip(_SEPARATORS), True
                    used.add(nxt.number)
            typed = _typed(LABELS[label], raw)
            if typed:
                values.append(TableValue(LABELS[label], typed, line.number))
            elif below and split_issuers(raw):
                # Labels and values on different lines: a body's name is still one.
                values.append(TableValue("publisher", raw, line.number))
    return values, used


def is_table_row(text: str) -> bool:
    """Whether a line opens with a label of the table or holds two of them."""
    starts = [m for m in _LABEL.finditer(text) if _starts_cell(text, m.start())]
    return len(starts) >= 2 or bool(starts and starts[0].start() == 0)


def _starts_cell(text: str, start: int) -> bool:
    """A label opens a line or a cell, never sits inside a sentence."""
    return start == 0 or text[start - 1] in _SEPARATORS or text[start - 1] in "】)）"


def _typed(fact: str, raw: str) -> str | None:
    """The value of ``raw`` for ``fact``, or None if it is not of that type."""
    if not fact or not raw:
        return None
    if fact == "doc_number":
        found = find_doc_number(raw)
        return found[0] if found else None
    if fact in ("date", "published"):
        date = find_date(raw)
        return date[0].isoformat() if date else None
    if fact == "status":
        status = _STATUS.match(raw)
        return status.group(1) if status else None
    return raw if len(raw) <= 120 else None


def header_values(header: Mapping[str, str]) -> list[TableValue]:
    """The typed values of a header block that cleaning took off the top of the text."""
    values = []
    for label, raw in header.items():
        fact = LABELS.get(label, "")
        typed = _typed(fact, raw)
        if typed:
            values.append(TableValue(fact, typed, 0))
    return values
