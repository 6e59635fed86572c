"""Pre-rendered HTML blocks: the page is the same with and without the hook's stash."""

from __future__ import annotations

from build_tools.render.notice import render_notice
from build_tools.render.rawhtml import anchor_ids, join_blocks, stash, wrap_html_runs
from tests.helpers import seed_archive, to_html, to_html_without_hook


def test_blocks_leave_markdown_and_come_back() -> None:
    page = join_blocks(["<p>a</p>", '<p id="x">b</p>', "## 标题 {: #h }", "<p>c</p>"])
    stashed, chunks = stash(page)
    assert chunks == ['<p>a</p>\n<p id="x">b</p>', "<p>c</p>"]
    assert "<p>" not in stashed and "## 标题" in stashed
    assert anchor_ids(chunks) == {"x"}


def test_a_notice_page_renders_the_same_with_and_without_the_hook() -> None:
    archive = seed_archive()
    notice = archive.by_slug["003_65114f20cbda8ae2"]
    body = render_notice(notice, archive).split("\n---\n", 1)[1]
    with_hook = to_html(body).replace("\n", "")
    without = to_html_without_hook(body).replace("\n", "")
    for marker in ("<!--raw-->", "<!--/raw-->"):
        without = without.replace(marker, "")
    assert with_hook == without
    assert 'id="s2-1-1"' in with_hook and '<h2 id="s1">' in with_hook


def test_html_runs_are_grouped_between_markdown_lines() -> None:
    lines = ["# 标题", "", "<p>a</p>", "", "<p>b</p>", "", "## 小标题", "<p>c</p>"]
    wrapped = wrap_html_runs(lines)
    assert wrapped == [
        "# 标题",
        "",
        "<!--raw-->\n<p>a</p>\n<p>b</p>\n<!--/raw-->",
        "",
        "## 小标题",
        "",
        "<!--raw-->\n<p>c</p>\n<!--/raw-->",
        "",
    ]
