"""Once published, a notice's address never changes: every address in tests/urls.txt is a
page of the built site.

When a notice is added, list its addresses (review the lines it adds, then commit them):

    .venv/bin/python -m tests.published_urls

When this test says an address is gone, do not edit the list: give the notice its address
back (``slug:`` in its sidecar keeps a slug whatever its 发文字号 or title become).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import seed_archive
from tests.published_urls import current, published


def test_every_published_address_is_still_a_page(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    listed = published()
    assert len(listed) >= 10
    gone = [url for url in listed if not (site / url / "index.html").is_file()]
    assert gone == [], (
        f"published addresses missing from the build: {gone}; restore them (a sidecar "
        "slug: sets a notice's address), never remove them from tests/urls.txt"
    )


def test_every_current_address_is_listed() -> None:
    unlisted = sorted(set(current(seed_archive())) - set(published()))
    assert unlisted == [], (
        f"addresses not in tests/urls.txt: {unlisted}; run .venv/bin/python -m "
        "tests.published_urls and commit the lines it adds"
    )


def test_an_earlier_address_leads_to_the_notices_page(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for notice in seed_archive().notices:
        redirect = (site / "notices" / notice.slug / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="../{notice.page}/">' in redirect
