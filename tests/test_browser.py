"""The site as a person uses it: Debian's Chromium driven by Playwright, fully offline.

Chromium comes from Debian (``/usr/bin/chromium``, installed by scripts/test.sh); Playwright
never downloads a browser. Set CHROMIUM to use another binary.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from build_tools.search.tokens import key_text, normalise, run_tokens, runs
from tests.conftest import visit


@pytest.mark.parametrize(
    "path",
    ["", "notices/", "notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/", "glossary/",
     "glossary/san-tong-shi/"],
)  # fmt: skip
def test_pages_request_nothing_from_other_hosts(page: Page, site_url: str, path: str) -> None:
    hosts = visit(page, f"{site_url}/{path}")
    assert hosts == {urlparse(site_url).netloc}


def test_hovering_a_term_shows_its_explanation_as_plain_text(page: Page, site_url: str) -> None:
    """The explanation is the link's title: the browser's own tooltip, which is plain text.

    Material's tooltips would render it as HTML, so none may be made from it.
    """
    visit(page, f"{site_url}/{SEEDS['004'][1:]}")
    term = page.locator('a.term[href$="/glossary/liang-ke-yi-wei/"]').first
    term.scroll_into_view_if_needed()
    term.hover()
    page.wait_for_timeout(300)
    title = term.get_attribute("title") or ""
    assert title.startswith("两客一危：") and "客车" in title
    assert page.locator('[role="tooltip"]').count() == 0


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
    assert SEEDS["001"] in paths
    assert SEEDS["004"] in paths
    # Whole-word search: a page that merely contains 一 or 两 is not a result.
    assert SEEDS["000"] not in paths
    # The glossary entry comes first when the query is the term itself.
    assert paths[0] == "/glossary/liang-ke-yi-wei/"


SEEDS = {  # the seeds' pages (see tests/urls.txt)
    "000": "/notices/2012/wuzhengbanfa-2012-14/",
    "001": "/notices/2016/cheng-de-shi-gong-zuo-yao-dian/",
    "002": "/notices/2012/guobanfa-2012-14/",
    "003": "/notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/",
    "004": "/notices/2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian/",
}


@pytest.mark.parametrize(
    ("query", "first", "found", "not_found"),
    [
        ("三同时", "/glossary/san-tong-shi/", {"001", "004"}, {"000", "002", "003"}),
        ("一岗双责", "/glossary/yi-gang-shuang-ze/", {"000", "001", "002", "004"}, {"003"}),
        ("危险化学品", "/sectors/wei-xian-hua-xue-pin/", {"001", "002", "004"}, set()),
        # A document number finds its notice first; 000 (武政办发〔2012〕14号) is not it.
        ("国办发〔2012〕14号", SEEDS["002"], {"002"}, {"000"}),
        ("国办发[2012]14号", SEEDS["002"], {"002"}, {"000"}),
    ],
)
def test_search_finds_the_right_pages(
    page: Page, site_url: str, query: str, first: str, found: set[str], not_found: set[str]
) -> None:
    paths = search(page, site_url, query)
    assert paths[0] == first
    assert {SEEDS[seed] for seed in found} <= set(paths)
    assert not {SEEDS[seed] for seed in not_found} & set(paths)


def test_a_search_result_links_to_the_item(page: Page, site_url: str) -> None:
    search(page, site_url, "两客一危")
    notice = SEEDS["004"]
    item = page.locator(f'.md-search-result__item a[href*="{notice}"][href*="#s"]').first
    anchor = urlparse(item.get_attribute("href") or "").fragment
    item.click()
    page.wait_for_url(f"**#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    assert "两客一危" in target.inner_text()
    assert target.is_visible()


WORKER_SAMPLES = [
    "两客一危",
    "国办发〔2012〕14号",
    "ＧＢ／Ｔ 4754—2017《国民经济行业分类》",
    "㈠加强①２０２６年Ａ级",
    "危化品2016年",
    "𠀀安全",
    "〇一二三 x ",
]


def test_the_worker_cuts_text_as_the_index_does(page: Page, site_url: str) -> None:
    """Query side (JavaScript) and index side (Python) must agree on keys and bigrams."""
    visit(page, f"{site_url}/about/")
    page.add_script_tag(url=f"{site_url}/javascripts/search-worker.js")
    cut = page.evaluate(
        """samples => samples.map(s => [keyed(s).key,
             (normalise(s).match(RUN) || []).flatMap(runTokens)])""",
        WORKER_SAMPLES,
    )
    for sample, (key, tokens) in zip(WORKER_SAMPLES, cut, strict=True):
        assert key == key_text(sample), sample
        expected = [
            token
            for run in runs(normalise(sample))
            for token in run_tokens(run)
            if run.isascii() or len(token) == 2
        ]
        assert tokens == expected, sample
