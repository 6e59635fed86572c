"""The JSON behind sector and role pages: every requirement once per stream, newest first,
counts that add up, places read from the division data, and a page that does not grow."""

from __future__ import annotations

import json
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from build_tools.archive import Archive
from build_tools.model import Metadata
from build_tools.provinces import NATIONAL, UNKNOWN, Province, Provinces
from build_tools.render.listing_data import FILE_SIZE, FIRST_FILE, iter_listing_data, pack
from build_tools.render.listing_view import notice_places
from build_tools.render.listings import SNIPPET, Listing, Row, sector_listing
from build_tools.render.requirements import who
from build_tools.write import Keyed, Made
from tests.helpers import seed_archive

CHEM = "wei-xian-hua-xue-pin"
SHANDONG = "370000"


def made(content: Made | Keyed) -> str:
    """The text of a generated file."""
    if isinstance(content, Keyed):
        content = content.make()
    assert isinstance(content, str)
    return content


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    """Every data file of the seeds, parsed, by path."""
    return {path: json.loads(made(content)) for path, content in iter_listing_data(seed_archive())}


def stream_rows(data: dict[str, Any], folder: str, stream: str) -> list[tuple[str, str]]:
    """(notice id, anchor) of a stream's rows, file after file."""
    index = data[f"{folder}/index.json"]
    found = []
    for file in index["streams"][stream]:
        chunk = data[f"{folder}/{file['f']}"]
        assert len(chunk["rows"]) == file["n"]
        found += [(chunk["notices"][row[0]]["id"], row[2]) for row in chunk["rows"]]
    return found


def test_the_seeds_are_placed_by_their_region_code() -> None:
    places = notice_places(seed_archive())
    assert places == {
        "000_05dea3f25d6546d2": UNKNOWN,  # a district nobody can name
        "001_c701024b5ef4930f": "130000",  # 承德市, 河北省
        "002_2d3bd3a670c033dc": NATIONAL,  # 国务院办公厅
        "003_65114f20cbda8ae2": SHANDONG,  # 滕州市 (370481)
        "004_8c49eeea5b975a30": "500000",  # 重庆市梁平区
    }


@pytest.mark.parametrize(
    ("region", "code", "expected"),
    [
        ("山东省滕州市", None, SHANDONG),
        ("滕州市", None, SHANDONG),
        ("内蒙古自治区", None, "150000"),
        ("某某市", None, UNKNOWN),
        (None, "370481", SHANDONG),
        (None, None, UNKNOWN),
    ],
)
def test_a_province_comes_from_the_code_else_the_name(
    region: str | None, code: str | None, expected: str
) -> None:
    meta = Metadata("t", None, None, None, None, region, None, None, (), None, None, None, code)
    assert Provinces.load().place(meta) == expected


def test_province_short_names() -> None:
    provinces = Provinces.load()
    shorts = {p.name: p.short for p in provinces.by_prefix.values()}
    assert shorts["山东省"] == "山东" and shorts["北京市"] == "北京"
    assert shorts["内蒙古自治区"] == "内蒙古" and shorts["广西壮族自治区"] == "广西"
    assert shorts["香港特别行政区"] == "香港"
    assert Province("370000", "山东省") in provinces.named([SHANDONG])


def test_the_index_counts_every_requirement_by_place_level_and_year(data: dict[str, Any]) -> None:
    archive = seed_archive()
    listing = sector_listing(archive, CHEM)
    index = data[f"data/sectors/{CHEM}/index.json"]
    assert index["name"] == "危险化学品" and index["total"] == len(listing.rows)
    assert sum(row[-1] for row in index["counts"]) == index["total"]
    places = [place["key"] for place in index["places"]]
    assert places == [NATIONAL, "130000", SHANDONG, "500000", UNKNOWN]
    shandong = next(p for p in index["places"] if p["key"] == SHANDONG)
    assert shandong == {"key": SHANDONG, "name": "山东省", "short": "山东"}
    by_place: Counter[str] = Counter()
    for _year, place, _level, kind, n in index["counts"]:
        by_place[index["places"][place]["key"]] += n
        assert index["kinds"][kind]["key"] == ""
    places_of = notice_places(archive)
    assert by_place == Counter(places_of[r.requirement.notice.slug] for r in listing.rows)
    issuers = data[f"data/sectors/{CHEM}/{index['issuers']}"]["issuers"]
    by_issuer = {name: sum(row[-1] for row in rows) for name, rows in issuers}
    assert by_issuer == Counter(who(r.requirement.notice) for r in listing.rows)
    summed: Counter[tuple[int, ...]] = Counter()
    for _, rows in issuers:
        for *key, n in rows:
            summed[tuple(key)] += n
    assert summed == {tuple(key): n for *key, n in index["counts"]}
    assert index["feeds"]["places"][SHANDONG] == {
        "href": f"feeds/sectors/{CHEM}/{SHANDONG}.xml",
        "title": "危险化学品：国家级和山东省的新要求",
    }


def test_every_stream_holds_its_requirements_newest_first(data: dict[str, Any]) -> None:
    archive = seed_archive()
    listing = sector_listing(archive, CHEM)
    expected = [(r.requirement.notice.slug, r.requirement.part.anchor) for r in listing.rows]
    folder = f"data/sectors/{CHEM}"
    assert stream_rows(data, folder, "all") == expected
    places = notice_places(archive)
    index = data[f"{folder}/index.json"]
    merged = []
    for stream in index["streams"]:
        if stream != "all":
            rows = stream_rows(data, folder, stream)
            assert {places[slug] for slug, _ in rows} == {stream}
            merged += rows
    assert sorted(merged, key=expected.index) == expected


def test_a_row_shows_number_start_of_text_and_evidence(data: dict[str, Any]) -> None:
    folder = f"data/sectors/{CHEM}"
    chunk = data[f"{folder}/{SHANDONG}-1.json"]
    (notice,) = chunk["notices"]
    assert notice["id"] == "003_65114f20cbda8ae2" and notice["i"] == "滕州市安全生产委员会"
    assert notice["u"].startswith("notices/") and notice["u"].endswith("/")
    assert notice["l"] == "county" and notice["y"] == 2022 and notice["d"] == "2022-01-21"
    numbers = [row[1] for row in chunk["rows"]]
    assert "7." in numbers
    seven = chunk["rows"][numbers.index("7.")]
    assert seven[3].startswith("扎实开展重点行业领域") and not seven[3].startswith("7.")
    assert len(seven[3]) <= SNIPPET + 1 and seven[4].startswith("归入依据（")
    texts = data["data/items/003_65114f20cbda8ae2.json"]
    assert texts[seven[2]].startswith("7.扎实开展重点行业领域")


def test_role_rows_say_lead_or_support(data: dict[str, Any]) -> None:
    index = data["data/departments/an-wei-hui-ban-gong-shi/index.json"]
    kinds = [kind["key"] for kind in index["kinds"]]
    assert kinds == ["", "lead", "support"]
    led = sum(row[-1] for row in index["counts"] if kinds[row[3]] == "lead")
    assert led >= 17  # 17 of 003's clauses alone
    assert index["feeds"]["places"] == {}
    rows = data["data/departments/an-wei-hui-ban-gong-shi/all-1.json"]["rows"]
    assert {row[5] for row in rows} <= {"lead", "support"}
    assert all(row[4].startswith("原文：") for row in rows)


class _Year:
    def __init__(self, year: int) -> None:
        self.year = year


def _rows(years: list[int]) -> list[Row]:
    """Rows whose notices have these plan years (only the year matters to ``pack``)."""

    class Notice:
        def __init__(self, year: int) -> None:
            self.metadata = _Year(year)

    class Requirement:
        def __init__(self, year: int) -> None:
            self.notice = Notice(year)

    return [Row(Requirement(year), "") for year in years]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sizes",
    [[5], [FIRST_FILE], [FIRST_FILE + 1], [150, 100], [3000], [FIRST_FILE, 1, FILE_SIZE, 700, 400]],
)
def test_files_are_small_first_and_keep_years_whole_where_they_fit(sizes: list[int]) -> None:
    years = [year for k, size in enumerate(sizes) for year in [2030 - k] * size]
    files = pack(_rows(years))
    assert len(files[0]) <= FIRST_FILE and all(len(f) <= FILE_SIZE for f in files[1:])
    assert all(files)
    for before, after in pairwise(files):
        last, first = before[-1].requirement.notice.metadata.year, after[0].requirement.notice
        limit = FILE_SIZE if before is not files[0] else FIRST_FILE
        if last == first.metadata.year:
            assert len(before) == limit  # a year is cut only where a file is full
    flat = [row.requirement.notice.metadata.year for file in files for row in file]
    assert flat == years


def test_the_sector_page_holds_the_form_not_the_requirements(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    page = (site / "sectors" / CHEM / "index.html").read_text(encoding="utf-8")
    assert 'id="req-view" data-folder="sectors" data-id="wei-xian-hua-xue-pin"' in page
    assert page.count('<li class="req"') == 0
    assert 'value="山东省" data-code="370000"' in page
    assert '<script src="../../javascripts/requirements.js"></script>' in page
    assert (
        '<link rel="alternate" type="application/atom+xml" title="危险化学品：各地的新要求" '
        'href="../../feeds/sectors/wei-xian-hua-xue-pin.xml">' in page
    )
    assert 'href="../../feeds/sectors/wei-xian-hua-xue-pin.xml" id="req-feed"' in page
    assert (site / "data" / "sectors" / CHEM / "index.json").is_file()


def test_heat_map_cells_open_the_filtered_view(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    overview = (site / "sectors" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{CHEM}/?year=2022"><rect' in overview


def test_an_empty_listing_has_no_data(tmp_path: Path) -> None:
    archive = Archive(())
    assert list(iter_listing_data(archive)) == []
    assert Listing("sectors", "x", "x", []).slugs == []
