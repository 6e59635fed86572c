"""Acceptance: every fact the five seeds state is extracted."""

from __future__ import annotations

from collections import Counter

import pytest

from build_tools.model import Level, Notice
from tests.helpers import load_seed

SEED_000 = "000_05dea3f25d6546d2.txt"
SEED_001 = "001_c701024b5ef4930f.txt"
SEED_002 = "002_2d3bd3a670c033dc.txt"
SEED_003 = "003_65114f20cbda8ae2.txt"
SEED_004 = "004_8c49eeea5b975a30.txt"


def styles(notice: Notice) -> Counter[str]:
    return Counter(part.style.value for part in notice.parts())


def test_000() -> None:
    notice = load_seed(SEED_000)
    meta = notice.metadata
    assert (meta.doc_number, meta.date, meta.year) == ("武政办发〔2012〕14号", "2012-02-21", 2012)
    assert meta.title == "2012年安全生产工作要点"
    assert meta.notice_title == "关于印发2012年安全生产工作要点的通知"
    assert meta.level is Level.COUNTY  # from the sidecar: 经区政府同意
    assert styles(notice) == {"chinese": 7, "ordinal": 17}
    assert len(meta.recipients) == 5


def test_001() -> None:
    notice = load_seed(SEED_001)
    meta = notice.metadata
    assert (meta.index_number, meta.status, meta.publisher) == (
        "13531/2016-14036",
        "有效",
        "市应急管理局",
    )
    assert (meta.title, meta.year) == ("2016年全市安全生产工作要点", 2016)
    assert (meta.region, meta.level, meta.region_code) == ("承德市", Level.PREFECTURAL, "130800")
    assert styles(notice) == {"chinese": 10, "arabic": 60}
    assert [part.value for part in notice.parts() if part.style.value == "arabic"] == list(
        range(1, 61)
    )
    kinds = Counter(step.kind for step in notice.cleaning)
    assert kinds == {"header-block": 2, "web-leftover": 2, "line-join": 1}
    assert notice.paragraphs[-1].text.endswith("勇于担当、善抓落实的安监执法队伍。")


def test_002() -> None:
    notice = load_seed(SEED_002)
    meta = notice.metadata
    assert (meta.doc_number, meta.issuer, meta.level) == (
        "国办发〔2012〕14号",
        "国务院办公厅",
        Level.NATIONAL,
    )
    # As printed: the issuer prefix is part of the title (the page wraps it in 《》).
    assert meta.notice_title == "国务院办公厅关于继续深入扎实开展“安全生产年”活动的通知"
    assert meta.issuers == ("国务院办公厅",)
    assert meta.year == 2012  # from the doc number: the text has no date
    assert meta.date is None
    assert styles(notice) == {"chinese": 8, "paren_chinese": 21}
    assert "深入贯彻落实科学发展观" in notice.paragraphs[3].text


def test_003() -> None:
    notice = load_seed(SEED_003)
    meta = notice.metadata
    assert (meta.issuer, meta.date, meta.level) == (
        "滕州市安全生产委员会",
        "2022-01-21",
        Level.COUNTY,
    )
    assert meta.notice_title == "关于印发《2022年全市安全生产工作要点》的通知"
    assert styles(notice) == {"chinese": 2, "paren_chinese": 5, "arabic": 19}
    with_clause = [part for part in notice.parts() if part.department_clause]
    assert len(with_clause) == 19
    assert all(part.style.value == "arabic" for part in with_clause)
    first = with_clause[0]
    assert first.lead_departments == ("市安委会办公室",)
    assert first.supporting_departments == ("市安委会成员单位", "各镇街")
    leads_only = [p for p in with_clause if not p.supporting_departments]
    assert [p.value for p in leads_only] == [10, 19]


def test_004() -> None:
    notice = load_seed(SEED_004)
    meta = notice.metadata
    assert (meta.issuer, meta.date, meta.level) == (
        "重庆市梁平区人民政府",
        "2018-01-22",
        Level.COUNTY,
    )
    assert (meta.region, meta.region_code) == ("重庆市梁平区", "500155")
    # The issuer is printed on a line of its own above the title (a blank line between).
    assert meta.notice_title == "关于印发2018年全区安全生产工作要点的通知"
    assert styles(notice) == {"chinese": 3, "paren_chinese": 8, "arabic": 37}
    road = next(part for part in notice.parts() if part.number == "17．")
    assert (road.heading, road.anchor) == ("道路交通", "s2-4-1")


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004])
def test_seeds_convert_without_warnings(name: str) -> None:
    assert load_seed(name).warnings == ()
