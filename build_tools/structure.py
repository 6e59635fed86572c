"""Numbered structure of a notice: 一、 → （一） → 1. → （1）, and 一是 paragraphs.

Each numbered line opens a Part; unnumbered lines belong to the innermost open part. Levels
may be skipped. Anchors come from position (s3-2-15), never from wording, so a link to an
item survives an edit of its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.departments import find_clause
from build_tools.model import Line, NumberStyle, Paragraph, Part, Role
from build_tools.textutil import chinese_to_int

_CN = "一二三四五六七八九十百"
NUMBER_PATTERNS: tuple[tuple[NumberStyle, re.Pattern[str]], ...] = (
    (NumberStyle.CHINESE, re.compile(rf"^(([{_CN}]+)、)")),
    (NumberStyle.PAREN_CHINESE, re.compile(rf"^([（(]\s*([{_CN}]+)\s*[）)])")),
    (NumberStyle.PAREN_ARABIC, re.compile(r"^([（(]\s*(\d{1,3})\s*[）)])")),
    (NumberStyle.ARABIC, re.compile(r"^((\d{1,3})\s*[.．、](?![\d.．]))(?=\S)")),
    (NumberStyle.ORDINAL, re.compile(r"^(([一二三四五六七八九十]+)是)(?=[^，,。、\s])")),
)
# Nesting order, outermost first; a marker closes every open part of its rank or deeper.
RANK = {
    NumberStyle.CHINESE: 0,
    NumberStyle.PAREN_CHINESE: 1,
    NumberStyle.ARABIC: 2,
    NumberStyle.PAREN_ARABIC: 3,
    NumberStyle.ORDINAL: 4,
}
_SENTENCE_END = re.compile(r"[。！？；;!?]")
_MAX_TITLE_SENTENCE = 40
_MAX_HEADING_LINE = 60


@dataclass(frozen=True)
class NumberMatch:
    """A numbering marker found at the start of a line."""

    style: NumberStyle
    number: str
    value: int


def match_number(text: str) -> NumberMatch | None:
    """The numbering marker that opens ``text``, if any."""
    for style, pattern in NUMBER_PATTERNS:
        match = pattern.match(text)
        if match:
            digits = match.group(2)
            value = int(digits) if digits.isdigit() else chinese_to_int(digits)
            return NumberMatch(style, match.group(1), value)
    return None


def starts_part(text: str) -> bool:
    """Whether a line opens a numbered part (used to keep wrapped lines apart)."""
    return match_number(text) is not None


def title_sentence(text: str) -> str | None:
    """The leading title sentence of a part's text after its number (17．道路交通。→ 道路交通)."""
    clause = find_clause(text)
    if clause is not None:
        text = text[: text.rfind(clause.text)]
    text = text.strip()
    end = _SENTENCE_END.search(text)
    if end is None:
        return text.rstrip("，,：: ") if 0 < len(text) <= _MAX_HEADING_LINE else None
    sentence = text[: end.start()].strip()
    return sentence if 0 < len(sentence) <= _MAX_TITLE_SENTENCE else None


@dataclass
class _Node:
    match: NumberMatch
    line: Line
    anchor: str
    own_text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Part:
        first = self.line.text[len(self.match.number) :]
        clause = find_clause(self.own_text[-1]) if self.own_text else None
        return Part(
            number=self.match.number,
            style=self.match.style,
            value=self.match.value,
            anchor=self.anchor,
            heading=title_sentence(first),
            line=self.line.number,
            lead_departments=clause.lead if clause else (),
            supporting_departments=clause.supporting if clause else (),
            department_clause=clause.text if clause else None,
            children=tuple(child.freeze() for child in self.children),
        )


def parse_structure(
    lines: tuple[Line, ...], roles: dict[int, Role]
) -> tuple[tuple[Paragraph, ...], tuple[Part, ...]]:
    """Build body paragraphs and the outline tree from cleaned lines.

    ``roles`` marks lines that metadata extraction recognised (title, date, …); those lines
    never open a part and do not belong to one.
    """
    top: list[_Node] = []
    stack: list[_Node] = []
    opened: list[tuple[Line, _Node | None, int, str | None]] = []
    for line in lines:
        role = roles.get(line.number, Role.TEXT)
        found = match_number(line.text) if role is Role.TEXT else None
        if found is None:
            owner = stack[-1].anchor if stack and role is Role.TEXT else None
            if stack and role is Role.TEXT:
                stack[-1].own_text.append(line.text)
            opened.append((line, None, len(stack), owner))
            continue
        while stack and RANK[stack[-1].match.style] >= RANK[found.style]:
            stack.pop()
        siblings = stack[-1].children if stack else top
        prefix = f"{stack[-1].anchor}-" if stack else "s"
        node = _Node(found, line, f"{prefix}{len(siblings) + 1}", [line.text])
        siblings.append(node)
        stack.append(node)
        opened.append((line, node, len(stack), node.anchor))
    outline = tuple(node.freeze() for node in top)
    by_anchor = {part.anchor: part for root in outline for part in root.walk()}
    paragraphs = tuple(
        Paragraph(
            line=line.number,
            text=line.text,
            role=Role.PART if node else roles.get(line.number, Role.TEXT),
            part=by_anchor[node.anchor] if node else None,
            depth=depth,
            owner=owner,
        )
        for line, node, depth, owner in opened
    )
    return paragraphs, outline
