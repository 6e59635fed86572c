"""Printing a notice page (issue 17, item 5): Chromium's PDF of it is the document alone;
and the page's 引用 block as a reader uses it (item 3).

The metadata panel, the text and what follows it (citations, related notices) are printed;
the site around them (header, tabs, navigation, search, footer), the download and copy
tools and the ¶ of each item's permalink are not.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator

import pdfplumber
import pytest
from playwright.sync_api import Browser, Page

from build_tools.permalinks import notice_url
from tests.helpers import seed_archive, squeeze

SEED = "003_65114f20cbda8ae2"  # 滕州市, 2022: numbered items, citations, related notices
# Words of the site around a notice, none of which the notice or its annotations print.
SITE_WORDS = ("搜索", "按年度", "按发文机关", "按行业", "术语表", "下载原文", "Material", "¶")


@pytest.fixture
def notice_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    notice = seed_archive().by_slug[SEED]
    tab.goto(f"{site_url}/{notice_url(notice)}")
    tab.wait_for_load_state("networkidle")
    yield tab
    context.close()
    assert errors == []


def test_a_chinese_font_is_installed() -> None:
    """Without one, Chromium prints Chinese as empty boxes and the PDF has no text to read."""
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    assert fonts.stdout.strip(), "no Chinese font: run scripts/test.sh (fonts-wqy-microhei)"


def pdf_text(page: Page) -> str:
    """The text layer of the page printed to PDF by Chromium (A4, as a reader prints)."""
    data = page.pdf(format="A4")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(sheet.extract_text() or "" for sheet in pdf.pages)


def test_a_printed_notice_is_the_document_alone(notice_page: Page) -> None:
    text = pdf_text(notice_page)
    flat = squeeze(text)
    assert "关于印发《2022年全市安全生产工作要点》的通知" in flat  # the title
    assert "创建省级安全发展示范城市" in flat  # a line of the body
    assert "发文机关" in flat and "滕州市安全生产委员会" in flat  # the metadata panel
    assert "山东省生产经营单位安全总监制度实施办法" in flat and "被引用" not in flat  # 引用
    for word in SITE_WORDS:
        assert word not in text, word


def test_print_hides_the_site_and_calms_the_links(notice_page: Page) -> None:
    notice_page.emulate_media(media="print")
    notice_page.wait_for_timeout(300)  # past any colour transition of the screen styles
    hidden = notice_page.evaluate(
        """() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
                  '.md-footer', '.notice-tools', '.headerlink', '.cite-search']
            .filter(sel => document.querySelector(sel))
            .map(sel => [sel, getComputedStyle(document.querySelector(sel)).display])"""
    )
    assert len(hidden) >= 7 and all(display == "none" for _, display in hidden), hidden
    shown = notice_page.evaluate(
        "() => ['.notice-meta', '.notice-citations', 'p.item'].map("
        "sel => getComputedStyle(document.querySelector(sel)).display)"
    )
    assert "none" not in shown
    links = notice_page.evaluate(
        """() => {
            const body = getComputedStyle(document.querySelector('.md-typeset')).color;
            return [...document.querySelectorAll('.md-typeset a.term, .md-typeset a.sector')]
              .slice(0, 5).map(a => {
                const style = getComputedStyle(a);
                return [style.color === body, style.textDecorationLine];
              });
        }"""
    )
    assert links and all(same and line == "none" for same, line in links), links


def test_a_citation_not_in_the_archive_opens_the_site_search(notice_page: Page) -> None:
    notice_page.click(".notice-citations a.cite-search >> nth=2")  # 《山东省…评价细则》
    notice_page.wait_for_selector(".md-search-result__meta")
    assert notice_page.input_value("input.md-search__input") == "山东省省级安全发展示范城市评价细则"
    notice_page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    assert "1 个符合条件的结果" in notice_page.inner_text(".md-search-result__meta")


def test_the_citations_fit_a_phone_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    tab = context.new_page()
    tab.goto(f"{site_url}/{notice_url(seed_archive().by_slug[SEED])}")
    widths = tab.evaluate(
        "() => [...document.querySelectorAll('.notice-citations')]"
        ".map(block => [block.scrollWidth, block.clientWidth])"
    )
    context.close()
    assert widths and all(scroll <= client for scroll, client in widths), widths
