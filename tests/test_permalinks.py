"""Readable, permanent notice addresses: the slug rules, uniqueness, the sidecar override."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.convert import convert, load_archive
from build_tools.errors import SidecarError
from build_tools.metadata.sidecar import load_sidecar
from build_tools.model import Notice
from build_tools.permalinks import (
    MAX_SLUG,
    SLUG_SHAPE,
    doc_number_slug,
    former_url,
    notice_url,
    page_file,
    relative_url,
    slug_problem,
    title_core,
    unique_pages,
    words_slug,
    year_folder,
)
from build_tools.render.redirects import POLICY, redirect_page, redirect_pages
from tests.helpers import ROOT, SOURCE_DIR, load_seed, seed_archive

SEED = "003_65114f20cbda8ae2.txt"
SEED_PAGE = "2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian"


@pytest.mark.parametrize(
    ("doc_number", "slug"),
    [
        ("国办发〔2012〕14号", "guobanfa-2012-14"),
        ("武政办发〔2012〕14号", "wuzhengbanfa-2012-14"),
        ("安委〔2021〕1号", "anwei-2021-1"),
        ("鲁政办字〔2025〕137号", "luzhengbanzi-2025-137"),
        ("冀安委办〔2019〕007号", "jianweiban-2019-7"),  # serial as a number
        ("渝府办发〔2018〕1号", "yufubanfa-2018-1"),
        ("not a number", None),
    ],
)
def test_a_doc_number_gives_pinyin_prefix_year_and_serial(doc_number: str, slug: str) -> None:
    assert doc_number_slug(doc_number) == slug


@pytest.mark.parametrize(
    ("issuer", "title", "slug"),
    [
        ("滕州市安全生产委员会", "2022年全市安全生产工作要点",
         "teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian"),
        (
            "重庆市梁平区人民政府",
            "2018年全区安全生产工作要点",
            "chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian",
        ),
        ("承德市", "2016年全市安全生产工作要点", "cheng-de-shi-gong-zuo-yao-dian"),
        (None, "关于印发2012年安全生产工作要点的通知", "gong-zuo-yao-dian"),
        # The issuer is not said twice; the title's core gives at most eight syllables.
        (
            "国务院办公厅",
            "国务院办公厅关于继续深入扎实开展“安全生产年”活动的通知",
            "guo-wu-yuan-ban-gong-ting-ji-xu-shen-ru-zha-shi-kai-zhan",
        ),
        ("某县应急管理局", "关于印发《2023年度安全生产大检查实施方案》的通知",
         "mou-xian-ying-ji-guan-li-ju-da-jian-cha-shi-shi-fang-an"),
        ("ＡＢＣ公司", "index", "abc-gong-si-index"),
        (None, "《》", "notice"),
    ],
)  # fmt: skip
def test_without_a_doc_number_issuer_and_title_core_in_pinyin(
    issuer: str | None, title: str, slug: str
) -> None:
    assert words_slug(issuer, title) == slug


def test_the_title_core_drops_year_wrapper_area_and_topic_but_keeps_a_name() -> None:
    assert title_core("关于印发2022年全市安全生产工作要点的通知") == "工作要点"
    assert title_core("安全生产工作要点") == "工作要点"
    assert title_core("安全生产") == "安全生产"  # nothing else to tell it by


@given(st.text(max_size=300), st.text(max_size=300))
def test_any_issuer_and_title_give_a_valid_slug(issuer: str, title: str) -> None:
    slug = words_slug(issuer, title)
    assert slug_problem(slug) is None, slug
    assert len(slug) <= MAX_SLUG


def test_seeds_get_readable_addresses() -> None:
    pages = {n.slug: n.page for n in seed_archive().notices}
    assert pages == {
        "000_05dea3f25d6546d2": "2012/wuzhengbanfa-2012-14",
        "001_c701024b5ef4930f": "2016/cheng-de-shi-gong-zuo-yao-dian",
        "002_2d3bd3a670c033dc": "2012/guobanfa-2012-14",
        "003_65114f20cbda8ae2": SEED_PAGE,
        "004_8c49eeea5b975a30": "2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian",
    }
    notice = seed_archive().by_slug["002_2d3bd3a670c033dc"]
    assert notice_url(notice) == "notices/2012/guobanfa-2012-14/"
    assert page_file(notice) == "notices/2012/guobanfa-2012-14.md"
    assert former_url(notice) == "notices/002_2d3bd3a670c033dc/"


def test_a_notice_without_a_plan_year_is_undated() -> None:
    assert year_folder(None) == "undated" and year_folder(2012) == "2012"


def _copies(files: list[str]) -> list[Notice]:
    """The seed under each of ``files``: notices asking for one page."""
    seed = load_seed(SEED)
    return [replace(seed, slug=f"id{n}", source=replace(seed.source, file=f)) for n, f in
            enumerate(files)]  # fmt: skip


def test_collisions_get_a_suffix_from_the_source_path_whatever_the_order() -> None:
    files = ["b/second.txt", "a/first.txt", "c.txt", "z/last.pdf"]
    expected = {n.source.file: n.page for n in unique_pages(_copies(files))}
    assert expected["a/first.txt"] == SEED_PAGE
    assert len(set(expected.values())) == len(files)
    for file, page in expected.items():
        assert page == SEED_PAGE or re.fullmatch(f"{SEED_PAGE}-[0-9a-f]{{6}}", page), file
    for _ in range(10):
        shuffled = random.sample(files, len(files))
        assert {n.source.file: n.page for n in unique_pages(_copies(shuffled))} == expected
    # A suffix depends on the notice's own path: it stays when others come and go.
    fewer = {n.source.file: n.page for n in unique_pages(_copies(["a/first.txt", "z/last.pdf"]))}
    assert fewer["z/last.pdf"] == expected["z/last.pdf"]


def test_a_suffix_never_takes_another_notices_page() -> None:
    one, two, three = _copies(["a.txt", "b.txt", "c.txt"])
    taken = unique_pages([one, two])[1].page  # what b.txt gets beside a.txt
    squatter = replace(three, page=taken)  # c.txt asks for exactly that page
    pages = [n.page for n in unique_pages([one, two, squatter])]
    assert len(set(pages)) == 3 and pages[2] == taken


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Guo_Ban", "lowercase letters a-z, digits and single hyphens"),
        ("guo--ban", "single hyphens"),
        ("-guo", "single hyphens"),
        ("国办发", "lowercase letters"),
        ("a" * (MAX_SLUG + 1), f"at most {MAX_SLUG} characters"),
        ("index", "name of a list page"),
        (12, "expected text"),
        ("", "expected text|lowercase"),
    ],
)
def test_a_sidecar_slug_is_validated_with_file_line_and_key(
    tmp_path: Path, value: object, problem: str
) -> None:
    path = tmp_path / "notice.yml"
    written = f"'{value}'" if value == "" else value
    path.write_text(f"notes: chosen by hand\nslug: {written}\n", encoding="utf-8")
    with pytest.raises(SidecarError, match=rf"notice\.yml:2: key 'slug': got .*({problem})"):
        load_sidecar(path)


def test_a_sidecar_slug_overrides_the_address(tmp_path: Path) -> None:
    source = tmp_path / "source_texts"
    source.mkdir()
    shutil.copy(SOURCE_DIR / SEED, source)
    (source / SEED.replace(".txt", ".yml")).write_text("slug: tengzhou-2022\n", encoding="utf-8")
    report = convert(source, tmp_path / "docs")
    assert report.failures == []
    (notice,) = report.notices
    assert notice.warnings == ()
    assert notice.page == "2022/tengzhou-2022"
    assert (tmp_path / "docs" / "notices" / "2022" / "tengzhou-2022.md").is_file()
    redirect = (tmp_path / "docs" / former_url(notice) / "index.html").read_text("utf-8")
    assert 'href="../2022/tengzhou-2022/"' in redirect


def test_colliding_notices_get_their_own_pages_rows_and_search_documents(tmp_path: Path) -> None:
    source = tmp_path / "source_texts"
    source.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SOURCE_DIR / SEED, source / name)
    report = load_archive(source)
    assert report.archive is not None and report.parked is not None
    pages = {n.source.file: n.page for n in report.archive.notices}
    assert pages["a.txt"] == SEED_PAGE and pages["b.txt"].startswith(f"{SEED_PAGE}-")
    # What was made before the collision was known is made again for the page it got.
    for notice in report.archive.notices:
        url = notice_url(notice)
        assert f'"u":"{url}"' in (report.parked.get(f"doc:{notice.slug}") or "")
        assert f"{url}#s1" in (report.parked.get(f"json:{notice.slug}") or "")
        assert f'"url":"../{url}"' in (report.parked.get(f"outline:{notice.slug}") or "")
    report.parked.close()


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("notices/2012/a/", "notices/2022/b/", "../../2012/a/"),
        ("notices/2012/a/", "notices/2012/b/", "../a/"),
        ("notices/2012/a/", "notices/", "2012/a/"),
        ("notices/2012/a/", "", "notices/2012/a/"),
        ("notices/2012/a/", "notices/old/", "../2012/a/"),
        ("sources/x.txt", "notices/2012/a/", "../../../sources/x.txt"),
        ("notices/", "notices/", "./"),
    ],
)
def test_relative_links_between_pages(target: str, page: str, link: str) -> None:
    assert relative_url(target, page) == link


def test_a_redirect_page_forwards_by_script_refresh_and_link() -> None:
    notice = seed_archive().by_slug["002_2d3bd3a670c033dc"]
    page = redirect_page(notice)
    target = "../2012/guobanfa-2012-14/"
    assert f'<link rel="canonical" href="{target}">' in page
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
    assert f'<a href="{target}">notices/2012/guobanfa-2012-14/</a>' in page
    # The script comes first, so it forwards (with the anchor) before the refresh would.
    assert page.index('<script src="../../javascripts/redirect.js">') < page.index("refresh")
    assert "<script>" not in page
    assert (ROOT / "docs" / "javascripts" / "redirect.js").is_file()


def test_a_year_folder_leads_to_that_year_unless_an_earlier_address_took_it() -> None:
    seeds = list(seed_archive().notices)
    pages = dict(redirect_pages(seeds))
    years = sorted(path for path in pages if re.fullmatch(r"notices/\d{4}/index\.html", path))
    assert years == [f"notices/{year}/index.html" for year in (2012, 2016, 2018, 2022)]
    assert '<link rel="canonical" href="../#y2012">' in pages["notices/2012/index.html"]
    undated = replace(seeds[0], page="undated/x")
    assert 'href="../#yunknown"' in dict(redirect_pages([undated]))["notices/undated/index.html"]
    # A notice once published at notices/2012/ (a file 2012.txt) keeps that address.
    named = replace(seeds[0], slug="2012")
    page = dict(redirect_pages([named]))["notices/2012/index.html"]
    assert '<link rel="canonical" href="wuzhengbanfa-2012-14/">' in page


def test_redirect_pages_carry_the_sites_policy() -> None:
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy"\s+content="([^"]+)"', template)
    assert policy is not None and policy.group(1) == POLICY


def test_slug_shape_is_what_the_docs_promise() -> None:
    assert SLUG_SHAPE.fullmatch("guobanfa-2012-14")
    assert not SLUG_SHAPE.fullmatch("Guobanfa-2012-14")
