"""Inline cases for every metadata converter."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.metadata.dates import ImpossibleDateError, parse_date
from build_tools.metadata.doc_number import doc_number_year, normalise_doc_number
from build_tools.metadata.orgs import is_organisation, issuer_prefix
from build_tools.metadata.recipients import looks_like_recipients, split_recipients
from build_tools.metadata.regions import classify
from build_tools.metadata.titles import title_year, workplan_title
from build_tools.model import Level
from build_tools.zones import title_score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二○一二年二月二十一日", dt.date(2012, 2, 21)),
        ("二〇一二年二月二十一日", dt.date(2012, 2, 21)),
        ("二零一二年十二月三十一日", dt.date(2012, 12, 31)),
        ("二〇二二年一月十日", dt.date(2022, 1, 10)),
        ("2022年1月21日", dt.date(2022, 1, 21)),
        ("2022 年 01 月 21 日", dt.date(2022, 1, 21)),
        ("２０２２年１月２１日", dt.date(2022, 1, 21)),
        ("2022-01-21", dt.date(2022, 1, 21)),
        ("2022.1.21", dt.date(2022, 1, 21)),
        ("2022/1/21", dt.date(2022, 1, 21)),
        ("（2022年1月21日）", dt.date(2022, 1, 21)),
        ("2022年1月21日印发", None),
        ("自2021年12月20日至2022年3月31日", None),
        ("2022-01/21", None),
    ],
)
def test_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2022年2月30日", "二〇二一年二月二十九日", "2022-13-01"])
def test_impossible_dates_are_reported(text: str) -> None:
    with pytest.raises(ImpossibleDateError):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "国办发〔2012〕14号",
        "国办发[2012]14号",
        "国办发［2012］14号",
        "国办发(2012)14号",
        "国办发（2012）14号",
        "国办发【2012】14号",
        "国办发〖2012〗14号",
        "国办发 〔2012〕 14 号",
        "国办发〔2012〕第14号",
        "国办发〔２０１２〕１４号",
    ],
)
def test_doc_number_brackets_normalised(text: str) -> None:
    assert normalise_doc_number(text) == "国办发〔2012〕14号"


@pytest.mark.parametrize("text", ["（国发〔2011〕40号）印发", "2012年14号", "国办发〔12〕14号", ""])
def test_not_a_doc_number(text: str) -> None:
    assert normalise_doc_number(text) is None


def test_doc_number_year() -> None:
    assert doc_number_year("武政办发〔2012〕14号") == 2012


@pytest.mark.parametrize(
    ("line", "issuers"),
    [
        ("关于印发2012年安全生产工作要点的通知", None),
        ("《国务院办公厅关于继续深入扎实开展“安全生产年”活动的通知》", ["国务院办公厅"]),
        (
            "滕州市安全生产委员会关于印发《2022年全市安全生产工作要点》的通知",
            ["滕州市安全生产委员会"],
        ),
        (
            "安徽省人民政府办公厅转发国务院办公厅关于认真抓好今冬明春安全生产工作的通知",
            ["安徽省人民政府办公厅"],
        ),
        (
            "中共赣州市委 赣州市人民政府印发《关于推进安全生产领域改革发展的实施办法》的通知",
            ["中共赣州市委", "赣州市人民政府"],
        ),
        ("转发县人民政府办公室关于进一步加强近期安全生产的通知", None),
    ],
)
def test_notice_titles_and_their_issuers(line: str, issuers: list[str] | None) -> None:
    assert title_score(line) > 0
    prefix = issuer_prefix(line.strip("《》"))
    assert (prefix[0] if prefix else None) == issuers


def test_an_issuer_list_ending_in_deng_is_not_whole() -> None:
    line = (
        "中共中央宣传部、国家安全生产监督管理总局、公安部等关于开展2012年全国“安全生产月”活动的通知"
    )
    assert issuer_prefix(line) == (["中共中央宣传部", "国家安全生产监督管理总局", "公安部"], False)


@pytest.mark.parametrize(
    "line",
    [
        "现将《2012年安全生产工作要点》印发给你们。",
        "关于安全生产",
        "2012年安全生产工作要点",
        "根据《国务院安委会办公室关于开展综合评估的通知》",
        "您的位置：首页 > 政务公开 > 关于印发要点的通知",
    ],
)
def test_not_notice_titles(line: str) -> None:
    assert title_score(line) == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2022年全市安全生产工作要点", "2022年全市安全生产工作要点"),
        ("《2016年全市安全生产工作要点》", "2016年全市安全生产工作要点"),
        ("2019年安全生产工作计划", "2019年安全生产工作计划"),
        ("现将《2016年全市安全生产工作要点》印发给你们，请认真抓好贯彻落实。", None),
        ("一、以落实安全生产责任为主线，加强安全生产监督考核", None),
    ],
)
def test_workplan_titles(line: str, expected: str | None) -> None:
    assert workplan_title(line) == expected


def test_title_year() -> None:
    assert title_year("2018年全区安全生产工作要点") == 2018
    assert title_year("关于继续深入扎实开展“安全生产年”活动的通知") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("滕州市安全生产委员会", True),
        ("重庆市梁平区人民政府", True),
        ("国务院办公厅", True),
        ("2012年安全生产工作要点", False),
        ("各镇人民政府，开发区管委会：", False),
    ],
)
def test_organisation_lines(line: str, expected: bool) -> None:
    assert is_organisation(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "各镇人民政府，开发区管委会，街道办事处，区各办局（公司）行，区各直属单位：",
            ("各镇人民政府", "开发区管委会", "街道办事处", "区各办局（公司）行", "区各直属单位"),
        ),
        (
            "各县、自治县、区人民政府,高新区管理委员会,市安委会各成员单位:",
            ("各县、自治县、区人民政府", "高新区管理委员会", "市安委会各成员单位"),
        ),
        (
            "各乡镇人民政府（街道办事处，社区），区政府各部门；有关单位：",
            ("各乡镇人民政府（街道办事处，社区）", "区政府各部门", "有关单位"),
        ),
    ],
)
def test_recipients_split_outside_parentheses(line: str, expected: tuple[str, ...]) -> None:
    assert looks_like_recipients(line)
    assert split_recipients(line) == expected


def test_a_sentence_ending_in_a_colon_is_not_recipients() -> None:
    assert not looks_like_recipients("重点做好十方面工作:")
    assert not looks_like_recipients("经区政府同意，现将要点印发给你们。各单位要：")


@pytest.mark.parametrize(
    ("name", "level", "region"),
    [
        ("滕州市安全生产委员会", Level.COUNTY, "滕州市"),  # county-level city
        ("承德市", Level.PREFECTURAL, "承德市"),  # prefecture-level city
        ("重庆市梁平区人民政府", Level.COUNTY, "重庆市梁平区"),  # district of a municipality
        ("国务院办公厅", Level.NATIONAL, "全国"),
        ("应急管理部", Level.NATIONAL, "全国"),
        ("河北省人民政府办公厅", Level.PROVINCIAL, "河北省"),
        ("北京市人民政府", Level.PROVINCIAL, "北京市"),
        ("北京市朝阳区人民政府", Level.COUNTY, "北京市朝阳区"),
        ("吉林市人民政府", Level.PREFECTURAL, "吉林市"),
        ("河北省承德市宽城满族自治县人民政府", Level.COUNTY, "河北省承德市宽城满族自治县"),
    ],
)
def test_levels_from_the_division_dataset(name: str, level: Level, region: str) -> None:
    match = classify(name)
    assert match is not None
    assert (match.level, match.region) == (level, region)


@pytest.mark.parametrize("name", ["市应急管理局", "区安监局", "某某公司"])
def test_unknown_regions_stay_unknown(name: str) -> None:
    assert classify(name) is None
