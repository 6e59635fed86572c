"""Numbering styles, nesting, anchors, title sentences and department clauses."""

from __future__ import annotations

import pytest

from build_tools.departments import find_clause
from build_tools.model import Line, NumberStyle, Part, Role
from build_tools.structure import match_number, parse_structure, title_sentence


def outline(*texts: str) -> tuple[Part, ...]:
    lines = tuple(Line(number, text) for number, text in enumerate(texts, start=1))
    return parse_structure(lines, {})[1]


def flat(parts: tuple[Part, ...]) -> list[tuple[str, str]]:
    return [(part.anchor, part.number) for root in parts for part in root.walk()]


@pytest.mark.parametrize(
    ("text", "style", "number", "value"),
    [
        ("一、总体要求", NumberStyle.CHINESE, "一、", 1),
        ("十二、其他", NumberStyle.CHINESE, "十二、", 12),
        ("（三）推动社会共建共治。", NumberStyle.PAREN_CHINESE, "（三）", 3),
        ("(三)推动社会共建共治。", NumberStyle.PAREN_CHINESE, "(三)", 3),
        ("1.严格落实责任。", NumberStyle.ARABIC, "1.", 1),
        ("17．道路交通。", NumberStyle.ARABIC, "17．", 17),
        ("3、加强培训。", NumberStyle.ARABIC, "3、", 3),
        ("（1）加强培训。", NumberStyle.PAREN_ARABIC, "（1）", 1),
        ("(12)加强培训。", NumberStyle.PAREN_ARABIC, "(12)", 12),
        ("一是落实企业安全生产主体责任。", NumberStyle.ORDINAL, "一是", 1),
        ("十一是加强监督。", NumberStyle.ORDINAL, "十一是", 11),
    ],
)
def test_numbering_styles(text: str, style: NumberStyle, number: str, value: int) -> None:
    found = match_number(text)
    assert found is not None
    assert (found.style, found.number, found.value) == (style, number, value)


@pytest.mark.parametrize(
    "text",
    [
        "2022年是党的二十大召开之年",
        "2.5万元用于治理",
        "2012.1.21印发",
        "12350举报电话",
        "（超范围、超定员）",
    ],
)
def test_not_numbering(text: str) -> None:
    assert match_number(text) is None


def test_nesting_follows_gb_t_9704() -> None:
    parts = outline(
        "一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "2.己", "（二）庚", "二、辛"
    )
    assert flat(parts) == [
        ("s1", "一、"),
        ("s1-1", "（一）"),
        ("s1-1-1", "1."),
        ("s1-1-1-1", "（1）"),
        ("s1-1-1-2", "（2）"),
        ("s1-1-2", "2."),
        ("s1-2", "（二）"),
        ("s2", "二、"),
    ]


def test_levels_may_be_skipped() -> None:
    parts = outline("一、甲", "1.乙", "2.丙", "二、丁", "3.戊")
    assert flat(parts) == [
        ("s1", "一、"),
        ("s1-1", "1."),
        ("s1-2", "2."),
        ("s2", "二、"),
        ("s2-1", "3."),
    ]


def test_ordinal_paragraphs_nest_under_any_part() -> None:
    parts = outline("一、甲", "一是乙。", "二是丙。", "二、丁", "1.戊", "一是己。")
    assert flat(parts) == [
        ("s1", "一、"),
        ("s1-1", "一是"),
        ("s1-2", "二是"),
        ("s2", "二、"),
        ("s2-1", "1."),
        ("s2-1-1", "一是"),
    ]


def test_anchors_come_from_position_not_wording() -> None:
    first = outline("一、甲", "1.乙", "2.丙")
    second = outline("一、完全不同的文字", "1.另一种说法", "2.又一种")
    assert [p.anchor for r in first for p in r.walk()] == [
        p.anchor for r in second for p in r.walk()
    ]


def test_unnumbered_paragraphs_belong_to_the_open_part() -> None:
    lines = (Line(1, "一、甲"), Line(2, "正文。"), Line(3, "二、乙"))
    paragraphs, _ = parse_structure(lines, {})
    assert [p.depth for p in paragraphs] == [1, 1, 1]
    assert paragraphs[1].part is None and paragraphs[1].role is Role.TEXT


def test_metadata_lines_never_open_parts() -> None:
    lines = (Line(1, "1.不是条目"), Line(2, "一、甲"))
    paragraphs, parts = parse_structure(lines, {1: Role.TITLE})
    assert paragraphs[0].role is Role.TITLE and paragraphs[0].part is None
    assert flat(parts) == [("s1", "一、")]


@pytest.mark.parametrize(
    ("rest", "heading"),
    [
        ("道路交通。推进农村道路交通安全秩序专项整治。", "道路交通"),
        ("压实企业主体责任。", "压实企业主体责任"),
        (
            "以落实安全生产责任为主线，加强安全生产监督考核",
            "以落实安全生产责任为主线，加强安全生产监督考核",
        ),
        (
            "推动落实安全生产责任。紧盯关键点。（市安委会办公室牵头，各镇街负责落实）",
            "推动落实安全生产责任",
        ),
        ("总体要求（试行）", "总体要求（试行）"),
        (
            "这是一个非常非常长的第一句话，它远远超过了一个标题应有的长度，所以不能当作标题来使用，只能算正文。后面还有。",
            None,
        ),
    ],
)
def test_title_sentence(rest: str, heading: str | None) -> None:
    assert title_sentence(rest) == heading


@pytest.mark.parametrize(
    ("text", "lead", "supporting"),
    [
        (
            "推进规划落地。（市安委会办公室牵头，市安委会成员单位、各镇街负责落实）",
            ("市安委会办公室",),
            ("市安委会成员单位", "各镇街"),
        ),
        (
            "加强考核。（市安委会办公室、市综合考核事务中心牵头，市安委会成员单位、各镇街负责落实）",
            ("市安委会办公室", "市综合考核事务中心"),
            ("市安委会成员单位", "各镇街"),
        ),
        (
            "提升信息化水平。（鲁南高科技化工园区管委会、市发改局、各镇街负责落实）",
            ("鲁南高科技化工园区管委会", "市发改局", "各镇街"),
            (),
        ),
        (
            "创建示范城市。（市安委会办公室牵头，城市安全专业委员会、市大数据中心，各镇街负责落实）",
            ("市安委会办公室",),
            ("城市安全专业委员会", "市大数据中心", "各镇街"),
        ),
        ("加强监管。(市应急局负责)。", ("市应急局",), ()),
        (
            "强化乡镇（街道）监管。（区应急局牵头，各乡镇（街道）配合）",
            ("区应急局",),
            ("各乡镇（街道）",),
        ),
    ],
)
def test_department_clauses(text: str, lead: tuple[str, ...], supporting: tuple[str, ...]) -> None:
    clause = find_clause(text)
    assert clause is not None
    assert (clause.lead, clause.supporting) == (lead, supporting)
    assert text.rstrip("。").endswith(clause.text)


@pytest.mark.parametrize(
    "text",
    [
        "开展“三超一改”（超范围、超定员、超药量和擅自改变工房用途）",
        "印发《办法（试行）》",
        "没有括注的句子。",
        "（牵头）",
    ],
)
def test_not_department_clauses(text: str) -> None:
    assert find_clause(text) is None
