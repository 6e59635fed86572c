"""Sector and role pages in Chromium, at 1280 and 375 px: from the home page to "危险化学品,
national + 山东" in two clicks, filters that show exactly what the data says, newest first,
the province remembered, a feed to subscribe to; no console error, no other host."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlparse

import feedparser
import pytest
from playwright.sync_api import Browser, Page

from build_tools.permalinks import notice_url
from build_tools.provinces import NATIONAL
from build_tools.render.listing_view import notice_places
from build_tools.render.listings import Listing, role_listing, sector_listing
from build_tools.render.requirements import who
from tests.helpers import seed_archive

CHEM = "wei-xian-hua-xue-pin"
SHANDONG = "370000"
ROLE = "an-wei-hui-ban-gong-shi"
NATIONAL_PROVINCIAL = ["national", "provincial"]


@dataclass
class Tab:
    """A browser tab with what it logged and which hosts it asked."""

    page: Page
    errors: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Tab]:
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 400 else 812}, is_mobile=width < 400
    )
    made = Tab(context.new_page())
    made.page.on("console", lambda m: made.errors.append(m.text) if m.type == "error" else None)
    made.page.on("pageerror", lambda error: made.errors.append(str(error)))
    made.page.on("request", lambda r: made.hosts.add(urlparse(r.url).netloc))
    yield made
    width_used = made.page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert made.errors == [], made.errors
    assert width_used <= width, f"the page scrolls sideways: {width_used}px"


def settled(page: Page) -> None:
    """Wait until the list shows everything the filters ask for."""
    page.locator("#req-view[data-state=ready]").wait_for(timeout=10_000)


def shown(page: Page) -> list[tuple[str, str]]:
    """(notice slug, anchor) of every requirement listed, in order."""
    by_page = {notice_url(n): n.slug for n in seed_archive().notices}
    found = []
    for href in page.eval_on_selector_all("#req-results a.req-number", "as => as.map(a => a.href)"):
        url = urlparse(href)
        found.append((by_page[unquote(url.path).lstrip("/")], url.fragment))
    return found


def expected(
    listing: Listing, province: str | None = None, **only: object
) -> list[tuple[str, str]]:
    """The listing's rows under the filters, in the listing's (newest first) order."""
    places = notice_places(seed_archive())
    rows = []
    for row in listing.rows:
        notice = row.requirement.notice
        meta = notice.metadata
        if province and places[notice.slug] not in (NATIONAL, province):
            continue
        if "level" in only and (meta.level.value if meta.level else "unknown") not in only["level"]:  # type: ignore[operator]
            continue
        if "year" in only and meta.year != only["year"]:
            continue
        if "kind" in only and row.kind != only["kind"]:
            continue
        if "issuer" in only and str(only["issuer"]) not in who(notice):
            continue
        rows.append((notice.slug, row.requirement.part.anchor))
    return rows


def test_two_clicks_from_home_to_chemicals_in_national_and_shandong(
    tab: Tab, site_url: str
) -> None:
    page = tab.page
    page.goto(f"{site_url}/")
    page.locator(".sector-links a", has_text="危险化学品").click()  # click 1
    page.wait_for_url(f"**/sectors/{CHEM}/")
    settled(page)
    page.locator(".req-places label.chip", has_text="山东").click()  # click 2
    settled(page)
    want = expected(sector_listing(seed_archive(), CHEM), SHANDONG)
    assert {slug for slug, _ in want} == {"003_65114f20cbda8ae2", "002_2d3bd3a670c033dc"}
    assert shown(page) == want  # newest first: 滕州 2022, then 国务院办公厅 2012
    assert f"共 {len(want)} 条国家级和山东省的要求" in page.locator("#req-count").inner_text()
    assert parse_qs(urlparse(page.url).query) == {"province": ["山东省"]}
    feed = page.locator("#req-feed")
    href = feed.get_attribute("href") or ""
    assert href.endswith(f"/feeds/sectors/{CHEM}/{SHANDONG}.xml")
    assert "国家级和山东省" in feed.inner_text()
    response = page.request.get(href)
    parsed = feedparser.parse(
        response.body(),
        response_headers={"content-type": "application/atom+xml", "content-location": href},
    )
    assert not parsed.bozo and len(parsed.entries) == 2
    assert tab.hosts == {urlparse(site_url).netloc}


def test_the_province_is_remembered_across_pages_and_reloads(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/")
    settled(page)
    page.locator(".req-places label.chip", has_text="山东").click()
    settled(page)
    for path in (f"sectors/{CHEM}/", "sectors/dao-lu-jiao-tong/"):
        page.goto(f"{site_url}/{path}")  # no query: the stored choice applies
        settled(page)
        assert page.locator('input[name=province][value="山东省"]').is_checked()
        assert parse_qs(urlparse(page.url).query) == {"province": ["山东省"]}
        sector = path.split("/")[1]
        assert shown(page) == expected(sector_listing(seed_archive(), sector), SHANDONG)[:50]
    page.reload()
    settled(page)
    assert page.locator('input[name=province][value="山东省"]').is_checked()
    page.locator(".req-places label.chip", has_text="全部地区").click()
    settled(page)
    page.goto(f"{site_url}/sectors/{CHEM}/")
    settled(page)
    assert page.locator('input[name=province][value=""]').is_checked()
    assert urlparse(page.url).query == ""


@pytest.mark.parametrize(
    ("query", "province", "only"),
    [
        ("level=national", None, {"level": ["national"]}),
        (
            "level=national,provincial&province=山东省",
            SHANDONG,
            {"level": ["national", "provincial"]},
        ),
        ("province=山东省&level=county", SHANDONG, {"level": ["county"]}),
        ("year=2016", None, {"year": 2016}),
        ("issuer=国务院", None, {"issuer": "国务院"}),
        ("province=河北省&year=2016", "130000", {"year": 2016}),
    ],
)
def test_a_link_opens_a_filtered_view_that_matches_the_data(
    tab: Tab, site_url: str, query: str, province: str | None, only: dict[str, object]
) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/?{query}")
    settled(page)
    want = expected(sector_listing(seed_archive(), CHEM), province, **only)
    assert want and shown(page) == want
    assert page.locator("#req-count").inner_text().startswith(f"共 {len(want)} 条")
    assert sorted(parse_qs(urlparse(page.url).query)) == sorted(parse_qs(query))


def test_level_counts_and_chips_update_with_the_filters(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/?province=山东省")
    settled(page)
    counts = {
        box: page.locator(f'.req-levels [data-count="{box}"]').inner_text()
        for box in ("national", "provincial", "county")
    }
    listing = sector_listing(seed_archive(), CHEM)
    assert counts == {
        "national": str(len(expected(listing, SHANDONG, level=["national"]))),
        "provincial": "0",
        "county": str(len(expected(listing, SHANDONG, level=["county"]))),
    }
    page.locator('.req-levels input[value="national"]').uncheck()
    settled(page)
    assert shown(page) == expected(
        listing, SHANDONG, level=["provincial", "prefectural", "county", "unknown"]
    )
    assert "level=" in page.url and "national" not in parse_qs(urlparse(page.url).query)["level"][0]


def test_a_heat_map_cell_opens_the_sector_in_that_year(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/")
    page.locator(f'a[href="{CHEM}/?year=2016"]').click()
    page.wait_for_url(f"**/sectors/{CHEM}/?year=2016")
    settled(page)
    assert page.locator("select[name=from]").input_value() == "2016"
    assert shown(page) == expected(sector_listing(seed_archive(), CHEM), year=2016)


def test_a_requirement_expands_to_its_whole_text(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/?province=山东省")
    settled(page)
    slug, anchor = shown(page)[0]
    page.locator("#req-results .req-expand").first.click()
    full = page.locator("#req-results .req-full-text").first
    notice = seed_archive().by_slug[slug]
    full.filter(has_text=notice.part_texts()[anchor][:20]).wait_for(timeout=5000)
    assert full.inner_text().strip() == notice.part_texts()[anchor].strip()


def test_a_role_page_filters_what_it_leads_in_a_province(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/departments/{ROLE}/?province=山东省&kind=lead")
    settled(page)
    want = expected(role_listing(seed_archive(), ROLE), SHANDONG, kind="lead")
    assert len([1 for slug, _ in want if slug.startswith("003")]) == 17
    assert shown(page) == want
    assert page.locator("#req-results .req-kind-lead").count() == len(want)
    page.select_option("select[name=kind]", "support")
    settled(page)
    assert shown(page) == expected(role_listing(seed_archive(), ROLE), SHANDONG, kind="support")
    assert "kind=support" in page.url


def test_a_province_without_requirements_here_shows_the_national_ones(
    tab: Tab, site_url: str
) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/?province=江苏省")
    settled(page)
    assert page.locator('input[name=province][value="江苏省"]').is_checked()
    assert shown(page) == expected(sector_listing(seed_archive(), CHEM), "320000")
    assert {slug for slug, _ in shown(page)} == {"002_2d3bd3a670c033dc"}
    page.goto(f"{site_url}/sectors/{CHEM}/?province=<b>x</b>")
    settled(page)
    assert page.locator('input[name=province][value=""]').is_checked()
    assert page.locator("#req-view b").count() == 0


def test_typing_an_issuer_narrows_the_list(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/sectors/{CHEM}/")
    settled(page)
    page.locator("input[name=issuer]").fill("滕州")
    settled(page)
    assert shown(page) == expected(sector_listing(seed_archive(), CHEM), issuer="滕州")
    assert parse_qs(urlparse(page.url).query) == {"issuer": ["滕州"]}
