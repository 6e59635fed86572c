"""Nothing lost, nothing becomes markup: for the seeds and for any text hypothesis finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.cleaning import clean
from build_tools.metadata.facts import read_facts
from build_tools.render.notice import render_body, render_notice
from build_tools.render.rawhtml import join_blocks
from build_tools.structure import parse_structure
from build_tools.zones import find_zones, without_chrome
from tests.helpers import (
    SEEDS,
    SOURCE_DIR,
    load_seed,
    seed_archive,
    squeeze,
    strip_annotations,
    to_html,
)

# Tags the renderer itself emits; any other tag would have come from source characters.
OUR_TAGS = {"p", "h2", "h3", "h4", "strong", "a", "div", "span", "table", "tr", "th", "td"}
MARKDOWN_SPECIALS = [
    *"<>&*_[]()`#|\\!-+.{}:~^=\"'/@$%;?,",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#x3c;",
    "[link](http://example.com)",
    "http://example.com",
    "{: #injected }",
    "1. ",
    "- ",
    "> ",
    "    ",
    "| a | b |",
    "---",
    "!!! note",
    "==mark==",
    ":smile:",
]
CHINESE = list(
    "一二三四五六七八九十是、（）()。，：；“”《》安全生产工作要点牵头负责落实市安委会办公室"
)
SPACES = [" ", "\u3000", "\t", "\u00a0", "\n", "\n\n", "\r\n", "\r"]
notice_text = st.lists(
    st.one_of(
        st.sampled_from(MARKDOWN_SPECIALS + CHINESE + SPACES),
        st.text(min_size=1, max_size=3),
    ),
    max_size=60,
).map("".join)


def body_html(text: str) -> tuple[str, str]:
    """Render ``text`` as a notice body; return (cleaned text, HTML)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = clean(text)
    zoned = find_zones(cleaned.lines)
    roles = read_facts(zoned, cleaned.lines).roles
    kept, _ = without_chrome(cleaned.lines, zoned)
    paragraphs, _ = parse_structure(kept, roles)
    html_text = to_html(join_blocks(render_body(paragraphs)))
    return "".join(line.text for line in kept), html_text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice_text)
def test_any_text_survives_rendering(text: str) -> None:
    source, html_text = body_html(text)
    shown, tags = strip_annotations(html_text)
    assert squeeze(shown) == squeeze(source)
    assert {tag for tag, _ in tags} <= OUR_TAGS
    for tag, attributes in tags:
        if tag == "a":
            assert attributes.get("class") == "headerlink"
        if tag in ("div", "span"):
            assert attributes.get("class", "").startswith("dept")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "*强调* _下划线_ **粗体**",
        "[链接](http://example.com) <http://example.com>",
        "# 不是标题",
        "1. 不是列表",
        "- 不是列表",
        "> 不是引用",
        "| 不 | 是表格 |",
        "`不是代码`",
        "&amp; &lt; &#x41;",
        "{: #not-an-id .nor-a-class }",
        '!!! note "不是提示框"',
    ],
)
def test_markdown_and_html_in_a_notice_show_literally(text: str) -> None:
    _, html_text = body_html(f"第一段。\n{text}")
    shown, tags = strip_annotations(html_text)
    assert shown.split("\n") == ["第一段。", text.strip()]
    assert [tag for tag, attrs in tags if attrs.get("class") != "headerlink"] == ["p", "p"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_pages_keep_every_cleaned_character(name: str) -> None:
    archive = seed_archive()
    notice = archive.by_slug[load_seed(name).slug]
    page = render_notice(notice, archive)
    assert 'class="term"' in to_html(page)
    body = page.split("\n---\n", 1)[1]
    shown, _ = strip_annotations(to_html(body))
    assert squeeze(shown) == squeeze("".join(p.text for p in notice.paragraphs))


@pytest.mark.parametrize("name", SEEDS)
def test_cleaning_only_removes_what_it_reports(name: str) -> None:
    """The raw text minus the lines reported as removed is the body, whitespace aside."""
    notice = load_seed(name)
    expected = squeeze((SOURCE_DIR / name).read_text(encoding="utf-8"))
    for step in notice.cleaning:
        if step.after == "":
            assert squeeze(step.before) in expected
            expected = expected.replace(squeeze(step.before), "", 1)
    assert squeeze("".join(p.text for p in notice.paragraphs)) == expected
