"""引用 and 被引用 on notice pages, and data/citations.json|csv (issue 17, item 3), on
made-up notices that cite each other (tests/citing_notices.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from build_tools.archive import Archive
from build_tools.citations.resolve import BY_NUMBER, BY_TITLE, BY_TITLE_WITHOUT_ISSUER
from build_tools.convert import convert
from build_tools.permalinks import notice_url, relative_url
from build_tools.render.citations import MAX_CITING, cited_by_block, cites_block
from build_tools.render.csv_cells import original_text
from build_tools.render.notice import render_notice
from tests.citing_notices import MADE_UP, write_archive


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return write_archive(tmp_path_factory.mktemp("citing"), MADE_UP)


def test_cited_by_is_grouped_by_level_with_the_forwarding_marked(made_up: Archive) -> None:
    block = cited_by_block(made_up.by_slug["a_national"], made_up)
    assert block is not None
    levels = [block.index(name) for name in ("省级（1）", "地市级（1）", "县级（1）")]
    assert levels == sorted(levels)
    assert '<span class="cite-mark">转发</span>' in block  # the provincial notice forwards it
    assert "国家级" not in block


def test_the_page_links_what_the_archive_holds_and_searches_the_rest(made_up: Archive) -> None:
    county = made_up.by_slug["d_county"]
    block = cites_block(county, made_up)
    assert block is not None
    national = made_up.by_slug["a_national"]
    href = relative_url(notice_url(national), notice_url(county))
    assert href == "../anwei-2021-3/" and f'href="{href}"' in block
    assert "中华人民共和国安全生产法" in block and "?q=" in block
    assert block.index("安委〔2021〕3号") < block.index("中华人民共和国安全生产法")  # text order
    assert "2021年全区安全生产工作要点" not in block  # its own plan is no citation
    page = render_notice(county, made_up)
    assert '<h2 id="cites">引用</h2>' in page
    assert '<h2 id="cited-by">被引用</h2>' not in page  # nobody cites the county
    assert '<h2 id="cited-by">被引用</h2>' in render_notice(national, made_up)


def test_a_hostile_cited_title_stays_text(made_up: Archive) -> None:
    block = cites_block(made_up.by_slug["d_county"], made_up)
    assert block is not None
    assert "<script>" not in block
    assert "《&lt;script&gt;alert(1)&lt;/script&gt;关于&quot;危化&quot;的通知》" in block
    assert "?q=%3Cscript%3E" in block  # the search link's query is encoded too


def test_exports_list_every_cited_document_and_neutralise_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    write_archive(folder, MADE_UP)
    convert(folder, tmp_path / "docs")
    records = json.loads((tmp_path / "docs/data/citations.json").read_text(encoding="utf-8"))
    assert {(r["notice_id"], r["cited_id"], r["rule"]) for r in records if r["cited_id"]} == {
        ("b_provincial", "a_national", BY_NUMBER),
        ("c_prefectural", "b_provincial", BY_TITLE),
        ("c_prefectural", "a_national", BY_TITLE_WITHOUT_ISSUER),
        ("d_county", "a_national", BY_NUMBER),
        ("d_county", "c_prefectural", BY_NUMBER),
    }
    attached = [r for r in records if r["attached"]]
    assert {r["notice_id"] for r in attached} == {"c_prefectural", "d_county"}
    text = (tmp_path / "docs/data/citations.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == len(records)
    formula = [row["title"] for row in rows if "HYPERLINK" in row["title"]]
    assert formula == ['\'=HYPERLINK("http://x","点击")']
    assert original_text(formula[0]) == '=HYPERLINK("http://x","点击")'


def test_a_much_cited_notice_lists_twenty_per_level_and_counts_the_rest(tmp_path: Path) -> None:
    county = (
        "关于做好{n}年安全生产工作的通知\n\n甲{n}县人民政府\n{n}年2月1日\n\n"
        "一、工作要求\n（一）认真贯彻落实安委〔2021〕3号文件精神。\n"
    )
    files = {"a_national.txt": MADE_UP["a_national.txt"]}
    files |= {f"county_{n}.txt": county.format(n=n) for n in range(2000, 2000 + MAX_CITING + 2)}
    archive = write_archive(tmp_path / "src", files)
    assert len(archive.cited.cited_by["a_national"]) == MAX_CITING + 2
    block = cited_by_block(archive.by_slug["a_national"], archive)
    assert block is not None
    assert block.count("<li>") == MAX_CITING and "另有 2 份" in block
    assert block.index("2021年") < block.index("2020年")  # newest first
