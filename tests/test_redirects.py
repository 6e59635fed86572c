"""Earlier notice addresses lead to the notice's page in Chromium, item anchor kept.

The seeds' site (a strict build) and a small one where a sidecar chooses a slug and two
notices ask for one page: every earlier address, with an anchor, ends on the right page
scrolled to the right item; without JavaScript, the refresh still gets there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import build_project, visit
from tests.helpers import SOURCE_DIR, serve

SEED_PAGES = {  # earlier address -> page (see tests/urls.txt), and an item of it
    "000_05dea3f25d6546d2": ("2012/wuzhengbanfa-2012-14", "s3-2"),
    "001_c701024b5ef4930f": ("2016/cheng-de-shi-gong-zuo-yao-dian", "s3-2"),
    "002_2d3bd3a670c033dc": ("2012/guobanfa-2012-14", "s1"),
    "003_65114f20cbda8ae2": ("2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian", "s2-5-3"),
    "004_8c49eeea5b975a30": (
        "2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian",
        "s2-4-1",
    ),
}


def arrive(page: Page, base: str, earlier: str, anchor: str) -> str:
    """Open the earlier address with ``#anchor``; return where the browser ended up."""
    visit(page, f"{base}/notices/{earlier}/#{anchor}")
    page.wait_for_url(lambda url: "/notices/" in url and f"/notices/{earlier}/" not in url)
    return page.url.removeprefix(base)


@pytest.mark.parametrize("earlier", sorted(SEED_PAGES))
def test_an_earlier_address_with_an_anchor_opens_that_item(
    page: Page, site_url: str, earlier: str
) -> None:
    target, anchor = SEED_PAGES[earlier]
    assert arrive(page, site_url, earlier, anchor) == f"/notices/{target}/#{anchor}"
    item = page.locator(f"#{anchor}")
    box = item.bounding_box()
    assert box is not None and 0 <= box["y"] < 400, box
    # Back leads to where the reader came from, not to the redirect again.
    assert page.evaluate("history.length") == 2


def test_without_javascript_the_refresh_and_the_link_lead_there(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/notices/003_65114f20cbda8ae2/#s2-5-3")
    page.wait_for_url(f"{site_url}/notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/")
    assert page.locator("#s2-5-3").count() == 1
    context.close()


def test_the_redirect_page_shows_where_the_notice_went(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    html = (site / "notices" / "001_c701024b5ef4930f" / "index.html").read_text("utf-8")
    assert "本通知的地址已改为" in html
    assert '<a href="../2016/cheng-de-shi-gong-zuo-yao-dian/">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_year_folder_opens_that_year_on_the_list(page: Page, site_url: str) -> None:
    visit(page, f"{site_url}/notices/2016/")
    page.wait_for_url(f"{site_url}/notices/#y2016")
    assert page.locator("#y2016").is_visible()


@pytest.fixture(scope="module")
def chosen_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A strict build of three notices: a slug from a sidecar, and two asking for one page."""
    sources = tmp_path_factory.mktemp("chosen-sources")
    for name in ("glossary.yml", "sectors.yml", "departments.yml"):
        shutil.copy(SOURCE_DIR / name, sources)
    seed = SOURCE_DIR / "003_65114f20cbda8ae2.txt"
    shutil.copy(seed, sources / "a.txt")
    (sources / "b.txt").write_bytes(seed.read_bytes() + b"\n")  # other bytes, same page asked
    shutil.copy(SOURCE_DIR / "002_2d3bd3a670c033dc.txt", sources / "gwy.txt")
    (sources / "gwy.yml").write_text("date: null\nslug: state-council-2012\n", encoding="utf-8")
    project = tmp_path_factory.mktemp("chosen-project")
    result = build_project(project, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "converted 3, warnings 0, failed 0" in result.stderr
    with serve(project / "site") as url:
        yield url


def test_a_chosen_slug_and_a_suffixed_page_are_reached_from_earlier_addresses(
    page: Page, chosen_site: str
) -> None:
    assert arrive(page, chosen_site, "gwy", "s1") == "/notices/2012/state-council-2012/#s1"
    seed = "/notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian"
    assert arrive(page, chosen_site, "a", "s2-1") == f"{seed}/#s2-1"
    second = arrive(page, chosen_site, "b", "s2-1")
    assert second.startswith(f"{seed}-") and second.endswith("/#s2-1") and second != f"{seed}/#s2-1"
    assert page.locator("#s2-1").count() == 1
