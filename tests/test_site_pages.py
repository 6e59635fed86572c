"""The public site in Chromium: home, notice page, glossary link, permalink, phone width."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.conftest import visit

NOTICE_001 = "notices/2016/cheng-de-shi-gong-zuo-yao-dian/"
NOTICE_003 = "notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/"
NOTICE_004 = "notices/2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian/"


def pairs(page: Page, labels: str, values: str) -> dict[str, str]:
    """Label → value from two parallel lists of elements."""
    texts = page.locator(values).all_inner_texts()
    return dict(zip(page.locator(labels).all_inner_texts(), texts, strict=True))


def test_home_shows_counts_and_charts(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/")
    counts = pairs(page, ".count span", ".count b")
    assert counts["通知"] == "5" and counts["术语"] != "0"
    assert int(counts["编号条目"]) == 24 + 70 + 29 + 26 + 48
    assert page.locator(".chart svg").first.is_visible()
    assert page.locator(".md-tabs__link").all_inner_texts()[:7] == [
        "首页", "按年度", "按发文机关", "按行业", "术语表", "数据", "关于"
    ]  # fmt: skip


def test_notice_page_shows_the_metadata_panel(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/{NOTICE_003}")
    panel = pairs(page, ".notice-meta dt", ".notice-meta dd")
    assert panel["发文机关"] == "滕州市安全生产委员会"
    assert panel["成文日期"] == "2022-01-21"
    assert panel["层级"] == "县级" and panel["地区"] == "滕州市" and panel["年度"] == "2022"
    assert "滕州市安全生产委员会. 关于印发" in page.locator("pre.citation").inner_text()
    toc = page.locator(".md-nav--secondary .md-nav__link").all_inner_texts()
    assert "一、总体要求" in toc and "（一）树牢安全发展理念" in toc


def test_raw_download_is_the_source_byte_for_byte(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/{NOTICE_003}")
    href = page.locator(".notice-tools a[download]").get_attribute("href")
    assert href
    response = page.request.get(f"{site_url}/{NOTICE_003}{href}")
    source = Path(__file__).parent.parent / "source_texts" / "003_65114f20cbda8ae2.txt"
    assert response.body() == source.read_bytes()


def test_clicking_a_term_opens_its_entry(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/{NOTICE_001}")
    page.locator('a.term[href$="/glossary/san-tong-shi/"]').first.click()
    page.wait_for_url(re.compile(r"/glossary/san-tong-shi/$"))
    assert page.locator("h1").inner_text().rstrip("¶") == "三同时"


def test_an_item_permalink_scrolls_to_the_item(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/{NOTICE_004}#s2-4-1")
    item = page.locator("#s2-4-1")
    assert "17．道路交通" in item.inner_text()
    box = item.bounding_box()
    assert box is not None and 0 <= box["y"] < 400
    item.hover()
    assert page.locator("#s2-4-1 a.headerlink").is_visible()


@pytest.mark.parametrize("path", ["", NOTICE_003, "glossary/", "sectors/", "browse/all/"])
def test_headings_are_in_order_and_controls_labelled(page: Page, site_url: str, path: str) -> None:
    visit(page, f"{site_url}/{path}")
    assert page.locator("html").get_attribute("lang") == "zh"
    levels = [
        int(tag[1])
        for tag in page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "elements => elements.map(e => e.tagName.toLowerCase())",
        )
    ]
    assert levels and levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in pairwise(levels))
    unlabelled = page.eval_on_selector_all(
        "article input, article select, article textarea",
        "elements => elements.filter(e => !e.closest('label') && !e.getAttribute('aria-label'))"
        ".map(e => e.outerHTML)",
    )
    assert unlabelled == []


def test_usable_on_a_phone(browser_page_375: Page, site_url: str, screenshots: Path) -> None:
    page = browser_page_375
    visit(page, f"{site_url}/{NOTICE_003}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page scrolls sideways on a phone: {width}px"
    page.screenshot(path=screenshots / "phone_375_notice.png", full_page=False)
    assert page.locator("#s2-1-1").is_visible() or page.locator("h1").is_visible()


def test_filter_list_loads_one_year(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    visit(page, f"{site_url}/browse/all/")
    page.locator("#filter-results li").first.wait_for(timeout=5000)
    years = [
        path
        for path in requested
        if path.startswith("/data/years/") and path != "/data/years/index.json"
    ]
    assert years == ["/data/years/2022.json"]
    page.select_option("#filter-year", "")
    page.locator("#filter-count").filter(has_text="共 5 份通知").wait_for(timeout=5000)
    page.select_option("#filter-level", "县级")
    page.locator("#filter-count").filter(has_text="共 3 份通知").wait_for(timeout=5000)
