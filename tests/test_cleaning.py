"""Every cleaning step, and that each is reported with kind, line, before and after."""

from __future__ import annotations

from textwrap import dedent

from build_tools.cleaning import clean
from build_tools.model import CleanText


def cleaned(text: str) -> CleanText:
    return clean(dedent(text).strip("\n"))


def texts(result: CleanText) -> list[str]:
    return [line.text for line in result.lines]


def kinds(result: CleanText) -> list[str]:
    return [step.kind for step in result.steps]


def test_header_block_becomes_metadata_not_body() -> None:
    result = cleaned(
        """
        索 引 号: 13531/2016-14036 | 主题分类: 市场监管、安全生产监管 | 发布机构: 市应急管理局 |
        文件编号: | 有 效 性: 有效 |
        正文第一行。
        """
    )
    assert texts(result) == ["正文第一行。"]
    assert result.header == {
        "索引号": "13531/2016-14036",
        "主题分类": "市场监管、安全生产监管",
        "发布机构": "市应急管理局",
        "有效性": "有效",
    }
    assert kinds(result) == ["header-block", "header-block"]
    assert result.steps[0].line == 1 and result.steps[0].after == ""


def test_header_labels_inside_the_body_are_left_alone() -> None:
    result = cleaned(
        """
        关于印发要点的通知
        各单位：
        有效性: 这一行在正文里。
        """
    )
    assert result.header == {}
    assert "有效性: 这一行在正文里。" in texts(result)


def test_web_leftovers_are_removed_and_reported() -> None:
    result = cleaned(
        """
        【字体：大 中 小】
        正文。
        用微信“扫一扫”,点击右上角分享按钮,
        即可将网页分享给您的微信好友或朋友圈。
        """
    )
    assert texts(result) == ["正文。"]
    assert kinds(result) == ["web-leftover"] * 3
    assert [step.line for step in result.steps] == [1, 3, 4]


def test_letter_spaced_words_are_closed() -> None:
    result = cleaned("通     知\n正文。")
    assert texts(result) == ["通知", "正文。"]
    assert result.steps[0].kind == "letter-spacing"
    assert (result.steps[0].before, result.steps[0].after) == ("通     知", "通知")


def test_stray_spaces_between_chinese_characters_are_removed() -> None:
    result = cleaned("深入贯彻落实科学发 展观，各类事故 总量下降，建立14 个基地。")
    assert texts(result) == ["深入贯彻落实科学发展观，各类事故总量下降，建立14个基地。"]
    assert kinds(result) == ["stray-space"] * 3
    assert (result.steps[0].before, result.steps[0].after) == (
        "彻落实科学发 展观，各类事",
        "彻落实科学发展观，各类事",
    )


def test_spaces_inside_book_titles_and_between_latin_words_stay() -> None:
    text = "落实《关于坚持科学发展安全发展 促进安全生产形势持续稳定好转的意见》和GB/T 9704 Word"
    result = cleaned(text)
    assert texts(result) == [text]
    assert result.steps == ()


def test_a_line_broken_mid_word_is_joined() -> None:
    long_line = "加强安全监管业务知识和技能培训，" * 7 + "努力建设一支严格执法的安监执"
    result = cleaned(f"{long_line}\n法队伍。\n下一段。")
    assert texts(result) == [long_line + "法队伍。", "下一段。"]
    step = result.steps[0]
    assert (step.kind, step.line) == ("line-join", 2)
    assert step.before == "严格执法的安监执\n法队伍。"


def test_hard_wrapped_text_is_rejoined_but_parts_stay_apart() -> None:
    paragraph = (
        "坚持以人民为中心，牢固树立安全发展理念，以推进安全生产领域改革为动力，不断提高安全生产水平。"
        * 3
    )
    width = 20
    wrapped = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    result = cleaned("\n".join(["一、总体要求", *wrapped, "二、重点工作"]))
    assert texts(result) == ["一、总体要求", paragraph, "二、重点工作"]


def test_a_blank_line_always_separates_paragraphs() -> None:
    long_line = "没有句号的很长一行" * 15
    result = cleaned(f"{long_line}\n\n第二段。")
    assert texts(result) == [long_line, "第二段。"]


def test_split_titles_are_joined() -> None:
    result = cleaned(
        """
        《国务院办公厅关于继续深入扎实开展
        “安全生产年”活动的通知》
        关于印发《2022年全市安全生产工作要点》的
        通     知
        """
    )
    assert texts(result) == [
        "《国务院办公厅关于继续深入扎实开展“安全生产年”活动的通知》",
        "关于印发《2022年全市安全生产工作要点》的通知",
    ]
    assert kinds(result) == ["letter-spacing", "title-join", "title-join"]


def test_control_characters_are_removed_and_reported() -> None:
    result = cleaned("正文\x07内容。\x0b")
    assert texts(result) == ["正文内容。"]
    assert kinds(result) == ["control-character"]


def test_line_numbers_refer_to_the_source() -> None:
    result = clean("\n\n第一段。\n\n\n第二段。")
    assert [line.number for line in result.lines] == [3, 6]
