"""Glossary: schema errors, pinyin order, matching, linking and its fidelity."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.errors import CuratedDataError
from build_tools.glossary.load import Glossary, load_glossary
from build_tools.glossary.matching import TermMatcher
from build_tools.glossary.pinyin import sort_key, term_pinyin
from build_tools.glossary.search_dict import user_dictionary
from build_tools.model import Line
from build_tools.render.links import Linker
from build_tools.render.notice import render_body
from build_tools.render.rawhtml import join_blocks
from build_tools.structure import parse_structure
from tests.helpers import squeeze, strip_annotations, to_html

SMALL = """
- id: liang-ke-yi-wei
  term: 两客一危
  explanation: 旅游包车、三类以上班线客车和危险货物运输车辆。
  components: [旅游包车和三类以上班线客车, 危险货物运输车辆]
  basis_confidence: unsure
  related: [liang-ke-yi-wei-yi-zhong]
- id: liang-ke-yi-wei-yi-zhong
  term: 两客一危一重
  explanation: 在两客一危之外再加重型货车。
  basis_confidence: unsure
- id: an-quan-sheng-chan-yue
  term: 安全生产月
  explanation: 每年六月的全国安全宣传活动。
  basis_confidence: checked
- id: an-quan-sheng-chan
  term: 安全生产
  explanation: 生产经营活动中防止和减少事故。
  basis_confidence: checked
- id: shuang-chong-yu-fang-ji-zhi
  term: 双重预防机制
  aliases: [双重预防, 双控]
  explanation: 风险分级管控和隐患排查治理两道防线。
  basis_confidence: checked
- id: zhang-xiao-ji-zhi
  term: 长效机制
  pinyin: cháng xiào jī zhì
  explanation: 长期起作用的制度安排。
  basis_confidence: checked
"""


def glossary_from(tmp_path: Path, text: str) -> Glossary:
    path = tmp_path / "glossary.yml"
    path.write_text(dedent(text), encoding="utf-8")
    return load_glossary(path)


@functools.cache
def small_glossary() -> Glossary:
    return glossary_from(Path(tempfile.mkdtemp(prefix="glossary-")), SMALL)


@pytest.fixture
def small() -> Glossary:
    return small_glossary()


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        (
            "- id: a\n  term: 甲乙\n  explanation: 乙\n  basis_confidence: sure\n",
            "basis_confidence",
            "checked or unsure",
        ),
        ("- id: a\n  term: 甲乙\n  basis_confidence: unsure\n", "explanation", "required"),
        (
            "- id: a\n  term: 甲乙\n  explanation: 乙\n  basis_confidence: unsure\n  colour: red\n",
            "colour",
            "unknown key",
        ),
        (
            "- id: A B\n  term: 甲乙\n  explanation: 乙\n  basis_confidence: unsure\n",
            "id",
            "lowercase",
        ),
        (
            "- id: a\n  term: 甲乙\n  explanation: 乙\n  basis_confidence: unsure\n"
            "  related: [b]\n",
            "related",
            "unknown term id",
        ),
        (
            "- id: a\n  term: 甲乙\n  pinyin: jiǎ\n  explanation: 丙\n  basis_confidence: unsure\n",
            "pinyin",
            "one syllable per",
        ),
        (
            "- id: a\n  term: 甲乙\n  explanation: 乙\n  basis_confidence: unsure\n  aliases: 丙\n",
            "aliases",
            "list",
        ),
    ],
)
def test_schema_errors_name_file_entry_and_key(
    tmp_path: Path, entry: str, key: str, message: str
) -> None:
    with pytest.raises(CuratedDataError) as caught:
        glossary_from(tmp_path, entry)
    text = str(caught.value)
    name = "A B" if key == "id" else "a"
    assert "glossary.yml:" in text
    assert f"entry '{name}'" in text
    assert f"key '{key}'" in text
    assert message in text


def test_duplicate_forms_are_rejected(tmp_path: Path) -> None:
    text = (
        SMALL
        + "- id: shuang-kong\n  term: 双控\n  explanation: 重复。\n  basis_confidence: unsure\n"
    )
    with pytest.raises(
        CuratedDataError, match="'双控' is already a form of shuang-chong-yu-fang-ji-zhi"
    ):
        glossary_from(tmp_path, text)


def test_terms_are_in_pinyin_order_with_overrides(small: Glossary) -> None:
    assert [term.term for term in small.terms] == [
        "安全生产",
        "安全生产月",
        "长效机制",  # cháng, by the override; pypinyin alone says zhǎng
        "两客一危",
        "两客一危一重",
        "双重预防机制",
    ]
    assert small.by_id["zhang-xiao-ji-zhi"].pinyin == "cháng xiào jī zhì"
    assert term_pinyin("长效机制") != "cháng xiào jī zhì"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["重大", "安全", "行业", "处罚", "调查"], ["安全", "处罚", "调查", "行业", "重大"]),
        (["妈", "麻", "马", "骂"], ["妈", "麻", "马", "骂"]),
        (["绿", "路", "女", "努"], ["路", "绿", "努", "女"]),
    ],
)
def test_pinyin_order_is_not_code_point_order(words: list[str], expected: list[str]) -> None:
    assert sorted(words, key=lambda word: sort_key(word, term_pinyin(word))) == expected


def test_polyphones_in_context() -> None:
    assert term_pinyin("重大危险源").startswith("zhòng")
    assert term_pinyin("行业").startswith("háng")
    assert term_pinyin("行刑衔接").startswith("xíng")
    assert term_pinyin("协调") == "xié tiáo"
    assert term_pinyin("处罚").startswith("chǔ")


def test_longest_match_wins(small: Glossary) -> None:
    matches = TermMatcher(small).find(
        "开展两客一危一重和“两客一危”整治，办好安全生产月，抓安全生产"
    )
    assert [(m.form, m.term_id) for m in matches] == [
        ("两客一危一重", "liang-ke-yi-wei-yi-zhong"),
        ("两客一危", "liang-ke-yi-wei"),
        ("安全生产月", "an-quan-sheng-chan-yue"),
        ("安全生产", "an-quan-sheng-chan"),
    ]


def test_aliases_match_their_term(small: Glossary) -> None:
    matches = TermMatcher(small).find("构建双重预防体系，推进双控工作")
    assert [(m.form, m.term_id) for m in matches] == [
        ("双重预防", "shuang-chong-yu-fang-ji-zhi"),
        ("双控", "shuang-chong-yu-fang-ji-zhi"),
    ]


def body(small: Glossary, *texts: str) -> str:
    lines = tuple(Line(number, text) for number, text in enumerate(texts, start=1))
    paragraphs, _ = parse_structure(lines, {})
    return to_html(join_blocks(render_body(paragraphs, Linker(TermMatcher(small)))))


def test_first_use_per_paragraph_links_and_headings_never(small: Glossary) -> None:
    html_text = body(
        small,
        "一、两客一危整治",
        "加强两客一危车辆管理，两客一危车辆全部联网。",
        "1.安全生产月。办好“安全生产月”活动。",
    )
    assert html_text.count('class="term"') == 2
    heading = html_text.split("</h2>")[0]
    assert "term" not in heading
    assert 'href="../../../glossary/liang-ke-yi-wei/"' in html_text
    assert 'title="两客一危：旅游包车、三类以上班线客车和危险货物运输车辆。"' in html_text
    item = html_text.split('id="s1-1"')[1]
    assert "<strong>1.安全生产月。</strong>" in item  # the title sentence is not linked
    assert "办好“<a" in item  # the quoted use in the body is


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "两客一危",
                "一重",
                "安全生产",
                "月",
                "双控",
                "*",
                "<b>",
                "[",
                "]",
                "（",
                "）",
                "。",
                "，",
                "1.",
                "一、",
                " ",
                "\n",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_links_keep_every_character(text: str) -> None:
    glossary = small_glossary()
    lines = tuple(Line(n, t.strip()) for n, t in enumerate(text.split("\n"), 1) if t.strip())
    paragraphs, _ = parse_structure(lines, {})
    html_text = to_html(join_blocks(render_body(paragraphs, Linker(TermMatcher(glossary)))))
    shown, tags = strip_annotations(html_text)
    assert squeeze(shown) == squeeze("".join(line.text for line in lines))
    assert all(attrs.get("class") in ("term", "headerlink") for tag, attrs in tags if tag == "a")


def test_user_dictionary_has_every_term_and_alias(small: Glossary) -> None:
    words = user_dictionary(small).splitlines()
    assert set(words) == {form for term in small.terms for form in term.forms}
