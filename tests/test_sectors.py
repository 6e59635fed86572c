"""Sectors: taxonomy validation, classifier behaviour, pages, role pages, gold-set evaluation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.errors import CuratedDataError
from build_tools.model import Sector
from build_tools.permalinks import notice_url
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import Taxonomy, load_taxonomy
from tests.helpers import ROOT, seed_archive

GOLD = ROOT / "tests" / "gold" / "sectors_001_004.yml"
SMALL = Taxonomy(
    (
        Sector("road", "道路交通", keywords=("道路运输", "两客一危"), exclusions=("交通运输局",)),
        Sector("chem", "危险化学品", aliases=("危化品",), keywords=("化工园区",)),
        Sector("coal", "煤矿", keywords=("瓦斯",), exclusions=("非煤矿",)),
    )
)


def test_a_sector_titled_item_is_strongest() -> None:
    hits = SectorClassifier(SMALL).classify(
        "道路交通", "推进“两客一危”车辆动态监控，严查危化品运输。"
    )
    assert [(hit.sector, hit.strength) for hit in hits] == [("road", "title"), ("chem", "text")]
    assert [e.keyword for e in hits[0].evidence] == ["道路交通", "两客一危"]


def test_a_general_item_gets_no_sector() -> None:
    assert (
        SectorClassifier(SMALL).classify("强化安全生产工作考核", "落实考核结果与履职评定挂钩。")
        == ()
    )


def test_exclusions_and_departments_do_not_count() -> None:
    hits = SectorClassifier(SMALL).classify(None, "市交通运输局负责；加强非煤矿山管理。")
    assert hits == ()


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        ("- id: a\n  name: 甲乙\n  parent: b\n", "parent", "unknown sector id"),
        ("- id: a\n  name: 甲乙\n  gbt4754: 12345\n", "gbt4754", "GB/T 4754 code"),
        ("- id: a\n  name: 甲乙\n  colour: red\n", "colour", "unknown key"),
        ("- id: a\n", "name", "required"),
    ],
)
def test_taxonomy_errors_name_file_entry_and_key(
    tmp_path: Path, text: str, key: str, message: str
) -> None:
    path = tmp_path / "sectors.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CuratedDataError) as caught:
        load_taxonomy(path)
    assert "sectors.yml:" in str(caught.value) and "entry 'a'" in str(caught.value)
    assert f"key '{key}'" in str(caught.value) and message in str(caught.value)


def test_every_required_sector_is_in_the_taxonomy() -> None:
    names = {s.name for s in seed_archive().taxonomy.sectors}
    required = set(
        [
            "煤矿",
            "非煤矿山",
            "金属非金属矿山",
            "尾矿库",
            "危险化学品",
            "烟花爆竹",
            "民用爆炸物品",
            "道路交通",
            "水上交通",
            "渔业船舶",
            "铁路",
            "民航",
            "建筑施工",
            "城镇燃气",
            "油气管道",
            "电力",
            "特种设备",
            "消防",
            "人员密集场所",
            "三合一场所",
            "九小场所",
            "高层建筑",
            "工贸",
            "冶金",
            "有色",
            "建材",
            "机械",
            "轻工",
            "纺织",
            "烟草",
            "商贸",
            "粉尘涉爆",
            "有限空间",
            "职业健康",
            "农业机械",
            "学校",
            "医疗机构",
            "旅游",
            "大型活动",
        ]
    )
    assert required <= names


def test_every_item_of_the_seeds_has_its_sectors_with_evidence() -> None:
    archive = seed_archive()
    for notice in archive.notices:
        for anchor, hits in archive.part_sectors[notice.slug].items():
            assert anchor in {part.anchor for part in notice.parts()}
            assert all(hit.evidence for hit in hits)


@pytest.mark.parametrize(
    ("sector", "seeds"), [("wei-xian-hua-xue-pin", None), ("dao-lu-jiao-tong", None)]
)
def test_sector_pages_list_every_seed_newest_first(
    built_site: tuple[Path, str], sector: str, seeds: None
) -> None:
    site, _ = built_site
    archive = seed_archive()
    expected = {n.slug for n in archive.notices if sector in archive.notice_sectors(n.slug)}
    overview = (site / "sectors" / sector / "index.html").read_text(encoding="utf-8")
    year_pages = re.findall(r'<a href="(\d{4}|unknown)/">', overview)
    assert year_pages == sorted(year_pages, reverse=True) and len(year_pages) >= 3
    links = []
    for year in year_pages:
        page = (site / "sectors" / sector / year / "index.html").read_text(encoding="utf-8")
        links += re.findall(r'<summary><a href="\.\./\.\./\.\./(notices/[^#"]+)#([^"]+)"', page)
    by_url = {notice_url(n): n for n in archive.notices}
    assert {by_url[url].slug for url, _ in links} == expected and len(expected) >= 4
    years = [by_url[url].metadata.year or 0 for url, _ in links]
    assert years == sorted(years, reverse=True)
    for url, anchor in links:
        target = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in target


def test_the_safety_committee_office_leads_the_003_items(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    role = site / "departments" / "an-wei-hui-ban-gong-shi"
    assert '<a href="2022/">2022年</a>' in (role / "index.html").read_text(encoding="utf-8")
    page = (role / "2022" / "index.html").read_text(encoding="utf-8")
    leads = page.split('id="supports"')[0]
    archive = seed_archive()
    notice = archive.by_slug["003_65114f20cbda8ae2"]
    anchors = set(re.findall(rf"{notice_url(notice)}#([^\"]+)", leads))
    expected = {
        p.anchor for p in notice.parts() if any("安委会办公室" in d for d in p.lead_departments)
    }
    assert anchors == expected and len(expected) == 17  # 17 of the 19 clauses have 牵头
