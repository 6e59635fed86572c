"""Atom feeds per sector (and sector + province), role, issuer and level: valid per
feedparser, newest first, linked from their pages, and hostile text stays text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import feedparser
import pytest

from build_tools.convert import load_archive
from build_tools.render.feed_paths import issuer_feed, issuer_key, level_feed, listing_feed
from build_tools.render.feeds import EMPTY_SITEMAP, FEED_SIZE, iter_feeds
from build_tools.write import Keyed, Made
from tests.helpers import seed_archive
from tests.hostile_project import everywhere, write_sources

SITE = "http://archive.example/"
CHEM = "wei-xian-hua-xue-pin"
ATOM = "{http://www.w3.org/2005/Atom}"


def made(content: Made | Keyed) -> str:
    if isinstance(content, Keyed):
        content = content.make()
    assert isinstance(content, str)
    return content


def parse(path: str, text: str) -> Any:
    """The feed as a reader at its address sees it (relative links resolved)."""
    headers = {"content-location": SITE + path, "content-type": "application/atom+xml"}
    feed = feedparser.parse(text, response_headers=headers)
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    assert feed.version == "atom10"
    return feed


@pytest.fixture(scope="module")
def feeds() -> dict[str, str]:
    return {path: made(content) for path, content in iter_feeds(seed_archive())}


def notice_links(feed: Any) -> list[str]:
    return [entry.link.removeprefix(SITE) for entry in feed.entries]


def page_of(slug: str) -> str:
    return f"notices/{seed_archive().by_slug[slug].page}/"


def test_every_feed_is_valid_atom_with_dated_linked_entries(feeds: dict[str, str]) -> None:
    documents = {path: text for path, text in feeds.items() if not path.endswith("sitemap.xml")}
    assert len(documents) > 60
    for path, text in documents.items():
        feed = parse(path, text)
        assert feed.feed.title and feed.feed.id.startswith("tag:")
        assert feed.feed.links[0].href == SITE + path  # rel="self"
        assert len(feed.entries) <= FEED_SIZE
        dates = [entry.updated_parsed for entry in feed.entries]
        assert all(dates) and dates == sorted(dates, reverse=True)
        for entry in feed.entries:
            assert entry.link.startswith(SITE + "notices/") and entry.link.endswith("/")
            assert entry.id.startswith("tag:") and entry.title and entry.author


def test_national_and_shandong_feed_of_a_sector(feeds: dict[str, str]) -> None:
    path = listing_feed("sectors", CHEM, "370000")
    feed = parse(path, feeds[path])
    assert feed.feed.title == "危险化学品：国家级和山东省的新要求"
    assert notice_links(feed) == [page_of("003_65114f20cbda8ae2"), page_of("002_2d3bd3a670c033dc")]
    first = feed.entries[0]
    assert first.title == "2022年全市安全生产工作要点" and first.author == "滕州市安全生产委员会"
    assert first.updated.startswith("2022-01-21") and "条涉及危险化学品的要求" in first.summary
    items = re.findall(r'href="([^"]+)"', first.content[0].value)
    assert items and all(
        link.startswith(SITE + page_of("003_65114f20cbda8ae2") + "#s") for link in items
    )
    whole = parse(listing_feed("sectors", CHEM), feeds[listing_feed("sectors", CHEM)])
    assert len(whole.entries) == 5  # every seed concerns 危险化学品


def test_role_issuer_and_level_feeds(feeds: dict[str, str]) -> None:
    role = listing_feed("departments", "an-wei-hui-ban-gong-shi")
    feed = parse(role, feeds[role])
    assert feed.feed.title == "安委会办公室牵头和配合的新任务"
    assert page_of("003_65114f20cbda8ae2") in notice_links(feed)
    assert "【牵头】" in feed.entries[0].content[0].value
    issuer = issuer_feed("滕州市安全生产委员会")
    assert issuer.startswith("feeds/issuers/teng-zhou-shi-an-quan-sheng-chan-wei-yuan-hui-")
    assert notice_links(parse(issuer, feeds[issuer])) == [page_of("003_65114f20cbda8ae2")]
    national = parse(level_feed("national"), feeds[level_feed("national")])
    assert notice_links(national) == [page_of("002_2d3bd3a670c033dc")]
    county = parse(level_feed("county"), feeds[level_feed("county")])
    assert len(county.entries) == 3
    assert feeds["feeds/sectors/sitemap.xml"] == EMPTY_SITEMAP


def test_issuer_feed_names_are_stable_and_distinct() -> None:
    assert issuer_key("林业局") != issuer_key("林叶局")
    assert issuer_key("林业局") == issuer_key("林业局")
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{6}", issuer_key("<script>"))


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>&amp;\"'"


def test_a_hostile_title_and_issuer_stay_text_in_every_feed(tmp_path: Path) -> None:
    fields = everywhere(HOSTILE)
    write_sources(tmp_path, fields)
    report = load_archive(tmp_path)
    assert report.archive is not None and not report.failures, report.failures
    checked = 0
    for path, content in iter_feeds(report.archive):
        text = made(content)
        root = ElementTree.fromstring(text.encode())
        names = {element.tag.removeprefix(ATOM) for element in root.iter()}
        assert names <= {"feed", "id", "title", "link", "updated", "author", "name", "entry",
                         "summary", "content", "category", "urlset",
                         "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"}, path  # fmt: skip
        if path.endswith("sitemap.xml"):
            continue
        feed = parse(path, text)
        for entry in feed.entries:
            assert entry.title == fields.sidecar_title
            assert entry.author == fields.sidecar_text
            assert HOSTILE in entry.summary  # the issuer, as written
            checked += 1
        if path.startswith("feeds/issuers/"):
            assert feed.feed.title == f"{fields.sidecar_text}：新收录的通知"
    assert checked >= 4  # the sector's, the role's, the issuer's and the level's


def test_pages_link_their_feeds(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    pages = {
        f"sectors/{CHEM}/index.html": listing_feed("sectors", CHEM),
        "departments/an-wei-hui-ban-gong-shi/index.html": listing_feed(
            "departments", "an-wei-hui-ban-gong-shi"
        ),
        "browse/issuers/index.html": level_feed("national"),
    }
    for page, feed in pages.items():
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" [^>]*>', html)
        assert any(f'href="../../{feed}"' in link for link in links), page
        assert re.search(rf'<a [^>]*href="../../{re.escape(feed)}"', html), page
        assert (site / feed).is_file()
    issuers = (site / "browse" / "issuers" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../{issuer_feed("国务院办公厅")}"' in issuers
    for folder in ("sectors", "departments", "levels", "issuers"):
        assert (site / "feeds" / folder / "sitemap.xml").is_file()
