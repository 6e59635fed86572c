"""The site as a person uses it: Debian's Chromium driven by Playwright, fully offline.

Chromium comes from Debian (``/usr/bin/chromium``, installed by scripts/test.sh); Playwright
never downloads a browser. Set CHROMIUM to use another binary.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.conftest import visit


@pytest.mark.parametrize(
    "path", ["", "notices/", "notices/003_65114f20cbda8ae2/", "glossary/", "glossary/san-tong-shi/"]
)
def test_pages_request_nothing_from_other_hosts(page: Page, site_url: str, path: str) -> None:
    hosts = visit(page, f"{site_url}/{path}")
    assert hosts == {urlparse(site_url).netloc}


def test_hovering_a_term_shows_its_explanation(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/notices/004_8c49eeea5b975a30/")
    term = page.locator('a.term[href$="/glossary/liang-ke-yi-wei/"]').first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator('[role="tooltip"]').filter(has_text="两客一危：")
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert "客车" in tooltip.first.inner_text()


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type ``query`` into the search box; return the result links."""
    visit(page, f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    # Chinese text arrives as text input, without key events; Material searches on keyup,
    # as after an IME commits a word, so finish with a key that does not change the text.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a", "elements => elements.map(e => e.href)"
    )
    return [urlparse(link).path for link in links]


def test_searching_a_term_finds_the_notices_that_use_it(page: Page, site_url: str) -> None:
    paths = search(page, site_url, "两客一危")
    assert "/glossary/liang-ke-yi-wei/" in paths
    assert "/notices/001_c701024b5ef4930f/" in paths
    assert "/notices/004_8c49eeea5b975a30/" in paths
    # Whole-word search: a page that merely contains 一 or 两 is not a result.
    assert "/notices/000_05dea3f25d6546d2/" not in paths
