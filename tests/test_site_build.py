"""A real ``mkdocs build --strict`` of the project, in a temporary copy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, SEEDS, SITE_EXTENSIONS, load_seed, seed_url

TWO_PLUS = "004_8c49eeea5b975a30"


def test_build_is_clean(built_site: tuple[Path, str]) -> None:
    _, log = built_site
    assert "WARNING" not in log
    assert "converted 5, warnings 0, failed 0" in log


@pytest.mark.parametrize("name", SEEDS)
def test_every_part_has_its_anchor(built_site: tuple[Path, str], name: str) -> None:
    site, _ = built_site
    notice = load_seed(name)
    page = (site / seed_url(name) / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert {part.anchor for part in notice.parts()} <= ids
    assert '<html lang="zh"' in page


def test_listing_links_every_notice(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    listing = (site / "notices" / "index.html").read_text(encoding="utf-8")
    for name in SEEDS:
        assert f'href="{seed_url(name).removeprefix("notices/")}"' in listing


def test_site_uses_the_tested_markdown_extensions() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [
        next(iter(item)) if isinstance(item, dict) else item
        for item in config["markdown_extensions"]
    ]
    assert names == SITE_EXTENSIONS
    assert config["theme"]["language"] == "zh"
    assert config["theme"]["font"] is False


def _item_html(page: str, anchor: str) -> str:
    match = re.search(rf'<(p|h[2-4])[^>]*id="{anchor}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, anchor
    return match.group(2)


def test_a_glossary_entry_links_to_its_items_and_they_link_back(
    built_site: tuple[Path, str],
) -> None:
    site, _ = built_site
    entry = (site / "glossary" / "san-tong-shi" / "index.html").read_text(encoding="utf-8")
    targets = re.findall(r'href="\.\./\.\./(notices/[^"#]+/)#([^"]+)"', entry)
    assert {url for url, _ in targets} == {seed_url("001_c701024b5ef4930f"), seed_url(TWO_PLUS)}
    for url, anchor in targets:
        page = (site / url / "index.html").read_text(encoding="utf-8")
        assert 'href="../../../glossary/san-tong-shi/"' in _item_html(page, anchor)


def test_term_links_carry_a_tooltip(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    page = (site / seed_url(TWO_PLUS) / "index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a class="term" href="\.\./\.\./\.\./glossary/liang-ke-yi-wei/" title="([^"]+)"', page
    )
    assert link and link.group(1).startswith("两客一危：")


def test_generated_pages_are_searched_by_the_archive_index(built_site: tuple[Path, str]) -> None:
    """Material's lunr index keeps only hand-written pages; the sharded index has the rest."""
    site, _ = built_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "about/cite/" in locations
    assert not {loc for loc in locations if loc.startswith(("notices/", "glossary/", "sectors/"))}
    meta = json.loads((site / "search-data" / "meta.json").read_text(encoding="utf-8"))
    assert meta["docs"] == len(list((site / "search-data" / "d").glob("*.json")))
    assert len(list((site / "search-data" / "s").glob("*.json"))) == meta["shards"]
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '"search": "javascripts/search-worker.js"' in page


def test_pages_carry_a_content_security_policy(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    page = (site / "notices" / "003_65114f20cbda8ae2" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy"\s+content="([^"]+)"', page)
    assert (
        policy
        and "default-src 'self'" in policy.group(1)
        and "object-src 'none'" in policy.group(1)
    )
