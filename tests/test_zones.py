"""GB/T 9704 zones and the facts read from them, case by case (inline texts)."""

from __future__ import annotations

from textwrap import dedent

import pytest

from build_tools.chrome import junk_prefix, split_flattened
from build_tools.cleaning import clean
from build_tools.metadata.dates import parse_date
from build_tools.metadata.facts import read_facts
from build_tools.metadata.levels import level_hint, suffix_level
from build_tools.metadata.orgs import split_issuers
from build_tools.model import Notice
from build_tools.parse import parse_notice
from build_tools.sources import read_source
from build_tools.zones import Zone, find_zones


def zones_of(text: str) -> dict[str, str]:
    """Each line's zone, by its text (the first line of that text)."""
    cleaned = clean(dedent(text).strip() + "\n")
    zones: dict[str, str] = {}
    for zoned in find_zones(cleaned.lines):
        zones.setdefault(zoned.text, zoned.zone.value)
    return zones


def facts_of(text: str) -> dict[str, object]:
    cleaned = clean(dedent(text).strip() + "\n")
    return read_facts(find_zones(cleaned.lines), cleaned.lines, header=cleaned.header).values


def parse(tmp_path: object, text: str) -> Notice:
    from pathlib import Path

    folder = Path(str(tmp_path))
    path = folder / "n.txt"
    path.write_text(dedent(text).strip() + "\n", encoding="utf-8")
    return parse_notice(read_source(path, folder))


GOV_PAGE = """
    您的位置：首页 > 政务公开 > 通知公告
    关于印发安全生产工作要点的通知
    发布时间：2023-05-12 09:00  来源：县政府办公室  浏览次数：52
    字号：大 中 小
    X政办发〔2023〕5号
    X县人民政府办公室
    关于印发2023年安全生产工作要点的通知
    各乡镇人民政府，县直各部门：
    现将《2023年安全生产工作要点》印发给你们，请认真贯彻落实。
    X县人民政府办公室
    2023年5月10日
    （此件公开发布）
    2023年安全生产工作要点
    一、总体要求
    抄送：县委办公室。
"""


def test_a_government_page_in_its_zones() -> None:
    zones = zones_of(GOV_PAGE.replace("X县", "冠县").replace("X政", "冠政"))
    assert zones["关于印发安全生产工作要点的通知"] == "chrome"  # the page's own heading
    assert zones["冠政办发〔2023〕5号"] == "head"
    assert zones["冠县人民政府办公室"] == "title"  # under the number: the title's first line
    assert zones["关于印发2023年安全生产工作要点的通知"] == "title"
    assert zones["各乡镇人民政府，县直各部门："] == "recipients"
    assert zones["2023年5月10日"] == "date"
    assert zones["（此件公开发布）"] == "note"
    assert zones["一、总体要求"] == "attachment"
    assert zones["抄送：县委办公室。"] == "imprint"


def test_facts_come_from_their_own_zones() -> None:
    facts = facts_of(GOV_PAGE.replace("X县", "冠县").replace("X政", "冠政"))
    assert facts["notice_title"] == "冠县人民政府办公室关于印发2023年安全生产工作要点的通知"
    assert facts["doc_number"] == "冠政办发〔2023〕5号"
    assert facts["issuer"] == "冠县人民政府办公室"
    assert facts["date"] == "2023-05-10"  # not the page's 发布时间 2023-05-12


def test_chrome_never_reaches_the_body(tmp_path: object) -> None:
    notice = parse(tmp_path, GOV_PAGE.replace("X县", "冠县").replace("X政", "冠政"))
    body = "\n".join(p.text for p in notice.paragraphs)
    for chrome in ("您的位置", "发布时间", "字号", "浏览次数"):
        assert chrome not in body
    kinds = {step.kind for step in notice.cleaning}
    assert {"web-leftover", "web-chrome"} <= kinds
    assert notice.metadata.level is not None and notice.metadata.level.value == "county"


def test_the_issuer_above_everything_is_the_mark_not_the_title() -> None:
    facts = facts_of(
        """
        重庆市梁平区人民政府

        关于印发2018年全区安全生产工作要点的通知

        各乡镇人民政府（街道办事处），区政府各部门：
        现将《要点》印发给你们，请认真贯彻执行。
        重庆市梁平区人民政府
        2018年1月22日
        """
    )
    assert facts["notice_title"] == "关于印发2018年全区安全生产工作要点的通知"
    assert facts["issuer"] == "重庆市梁平区人民政府"


def test_a_flattened_page_is_read_inside_its_one_line() -> None:
    line = (
        "日照市人民政府关于进一步加强安全生产管理工作的通知 日政发[2006]35号 "
        "各区县人民政府，市政府各部门： 为深入贯彻落实省政府文件精神，进一步加强安全生产管理工作，"
        "有效预防和减少安全事故的发生，特作通知如下： 一、充分认识安全生产工作的重要性。"
        "各级各部门要牢固树立安全发展理念，切实把安全生产摆在更加突出的位置，落实责任。"
        "请认真贯彻执行。 日照市人民政府 2006年8月1日 "
    )
    pieces = split_flattened(line, front=True)
    assert pieces[0] == "日照市人民政府关于进一步加强安全生产管理工作的通知"
    assert pieces[1] == "日政发[2006]35号"
    assert pieces[2] == "各区县人民政府，市政府各部门："
    assert "日照市人民政府 2006年8月1日" in pieces
    facts = facts_of(line)
    assert (facts["doc_number"], facts["issuer"], facts["date"]) == (
        "日政发〔2006〕35号",
        "日照市人民政府",
        "2006-08-01",
    )


def test_a_page_heading_gives_way_to_the_printed_title() -> None:
    facts = facts_of(
        """
        关于推进安全生产领域改革发展的实施办法
        发布时间:2018-06-19    来源:
        中共赣州市委 赣州市人民政府
        印发《关于推进安全生产领域改革发展
        的实施办法》的通知
        各县（市、区）委、人民政府，市直各单位：
        经市委、市政府同意，现印发给你们。
        中共赣州市委      赣州市人民政府
        20171228
        """
    )
    assert facts["notice_title"] == (
        "中共赣州市委 赣州市人民政府印发《关于推进安全生产领域改革发展的实施办法》的通知"
    )
    assert facts["issuers"] == ("中共赣州市委", "赣州市人民政府")
    assert facts["issuer"] == "中共赣州市委 赣州市人民政府"
    assert facts["date"] == "2017-12-28"  # 年, 月, 日 lost, one reading only


def test_a_metadata_table_names_a_department_the_text_does_not() -> None:
    facts = facts_of(
        """
        标  题: 达拉特旗安全生产委员会关于印发《2024年工作要点》的通知
        索 引 号: 11150621MB/2024-3653124 发文字号: 达安委会发〔2024〕8号 成文日期: 2024-06-13
        发文机关: 应急管理局 公开日期: 2024-06-13
        达拉特旗安全生产委员会关于印发《2024年工作要点》的通知
        各苏木镇人民政府，旗安委会各成员单位：
        现印发给你们。
        """
    )
    assert facts["issuer"] == "达拉特旗安全生产委员会"
    assert facts["doc_number"] == "达安委会发〔2024〕8号"
    assert facts["date"] == "2024-06-13"
    assert facts["published"] == "2024-06-13"


def test_a_short_spelling_gives_way_to_the_full_name() -> None:
    facts = facts_of(
        """
        公主岭市安委会办公室转发《国务院安委会办公室关于加强消防工作的紧急通知》的通知
        公安委办字〔2014〕3号
        各乡镇人民政府、市直各部门：
        现将通知转发给你们。
        公主岭市安全生产委员会办公室
        2014年1月21日
        """
    )
    assert facts["issuer"] == "公主岭市安全生产委员会办公室"
    assert str(facts["notice_title"]).startswith("公主岭市安委会办公室转发")


def test_a_cited_notice_is_not_the_title() -> None:
    facts = facts_of(
        """
        各省、自治区、直辖市安全生产委员会：
        根据《国务院安委会办公室关于开展综合评估的通知》（安委办函〔2016〕4号）安排，现通报如下。
        国务院安委会办公室
        2016年9月7日
        """
    )
    assert "notice_title" not in facts and "doc_number" not in facts
    assert facts["issuer"] == "国务院安委会办公室"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二00四年七月二十四日", "2004-07-24"),
        ("二○○四年七月二十四日", "2004-07-24"),
        ("2017817日", "2017-08-17"),
        ("20171228", "2017-12-28"),
        ("2017123日", None),  # 1月23日 or 12月3日
    ],
)
def test_dates_as_printed_or_damaged(text: str, expected: str | None) -> None:
    found = parse_date(text)
    assert (found.isoformat() if found else None) == expected


def test_anti_scraping_junk() -> None:
    assert junk_prefix("6 ^$ {- Q H& {. {) q7 `' ?") > 0
    assert junk_prefix("/ \\& {& A' ?4 A* [- W) x各省、自治区") == len("/ \\& {& A' ?4 A* [- W) x")
    assert junk_prefix("1.1 编制目的") == 0
    assert junk_prefix("Attachment: the plan of the city") == 0


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("财政部 税务总局", ["财政部", "税务总局"]),
        ("中共山东省委办公厅 山东省人民政府办公厅", ["中共山东省委办公厅", "山东省人民政府办公厅"]),
        ("中共赣州市委赣州市人民政府", ["中共赣州市委", "赣州市人民政府"]),
        ("中共山东省委办公厅", ["中共山东省委办公厅"]),
        ("各镇人民政府", None),
    ],
)
def test_joint_issuers(name: str, names: list[str] | None) -> None:
    assert split_issuers(name) == names


@pytest.mark.parametrize(
    ("source", "number", "recipients", "level"),
    [
        ("自治区人民政府办公厅", None, [], "provincial"),
        (None, "国办发明电〔2007〕16号", [], "national"),
        (None, None, ["各省、自治区、直辖市人民政府："], "national"),
        (None, None, ["各市、县人民政府，省政府各部门："], "provincial"),
        (None, None, ["各县（市、区）人民政府，市政府各部门："], "prefectural"),
        (None, None, ["各乡镇人民政府，县直各部门："], "county"),
    ],
)
def test_level_hints(
    source: str | None, number: str | None, recipients: list[str], level: str
) -> None:
    assert level_hint(source, number, recipients) == level


def test_division_suffixes_settle_a_level() -> None:
    assert suffix_level("绍兴县建设局") == "county"  # a county that no longer exists
    assert suffix_level("达拉特旗安全生产委员会") == "county"
    assert suffix_level("湘西土家族苗族自治州人民政府") == "prefectural"
    assert suffix_level("中共赣州市委") is None  # 市 alone does not say which level


def test_unknown_stays_unknown(tmp_path: object) -> None:
    notice = parse(tmp_path, "一、加强领导\n各单位要加强领导。\n")
    meta = notice.metadata
    assert (meta.issuer, meta.date, meta.doc_number, meta.level) == (None, None, None, None)
    assert any("no issuer" in warning for warning in notice.warnings)
    assert {z.zone for z in notice.zones} == {Zone.BODY.value}


PRINTED = """
    冠县人民政府办公室文件
    ━━━━━━━━━━━━━━━━━━━━
    冠政办发〔2024〕1号
    冠县人民政府办公室
    关于印发2024年安全生产工作要点的通知
    各乡镇人民政府，县直各部门：
    现将要点印发给你们，请认真贯彻落实。
    — 2 —
    冠县人民政府办公室
    2024年1月5日— 3 —
    （此件公开发布）
    2024年安全生产工作要点
    一、总体要求
    抄送：县委办公室，县人大常委会办公室。
    冠县人民政府办公室                2024年1月5日印发
"""


def test_a_printed_document_with_its_mark_red_line_and_imprint() -> None:
    zones = zones_of(PRINTED)
    assert zones["冠县人民政府办公室文件"] == "head"
    assert zones["━━━━━━━━━━━━━━━━━━━━"] == "head"
    assert zones["（此件公开发布）"] == "note"
    assert zones["抄送：县委办公室，县人大常委会办公室。"] == "imprint"
    assert "— 2 —" not in zones  # a page number is page furniture
    facts = facts_of(PRINTED)
    assert facts["date"] == "2024-01-05"  # the page number glued to it dropped; not the 印发日期
    assert facts["doc_number"] == "冠政办发〔2024〕1号"
    assert facts["issuer"] == "冠县人民政府办公室"
