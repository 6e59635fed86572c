"""Markup in titles, names, terms and explanations stays text: in the built HTML, in Chromium.

Material puts ``page.title`` into ``<title>``, the header and ``<h1>`` unescaped, and renders
tooltips and overflowing header text as HTML; a title line, a department clause, a sidecar
value, a sector name or a glossary term from a contributor must not become an element.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from playwright.sync_api import Browser, Page

from tests.conftest import build_project, visit
from tests.helpers import notice_urls, serve
from tests.hostile_project import Fields, elements_of, everywhere, write_sources
from tests.test_hostile import record_dialogs

MARKUP = '<img src=x onerror=alert(8)><svg/onload=alert`10`><zq-el data-zq="1">"x"'
INJECTED = "zq-el, [data-zq], img[src='x'], [onerror], [onload]"


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def assert_no_injection(site: Path) -> None:
    """No element or attribute from the hostile text appears in any built page."""
    pages = built_pages(site)
    assert len(pages) > 10
    for page in pages:
        found = elements_of(page)
        assert "zq-el" not in found.tags, page
        assert not {"data-zq", "onerror", "onload"} & found.attributes, page


def build(tmp: Path, fields: Fields) -> Path:
    sources = tmp / "sources"
    write_sources(sources, fields)
    project = tmp / "project"
    project.mkdir()
    result = build_project(project, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    site = build(tmp_path_factory.mktemp("titles"), everywhere(MARKUP))
    with serve(site) as url:
        yield site, url


def test_no_element_from_any_field_in_the_built_html(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    assert_no_injection(site)
    notice = elements_of(site / notice_urls(site)["hostile"] / "index.html")
    assert "<img src=x onerror=alert(8)>" in notice.title
    pages = {p.relative_to(site).as_posix() for p in built_pages(site)}
    assert "sectors/e-yi/index.html" in pages and "glossary/e-yi-shu-yu/index.html" in pages
    roles = [p for p in pages if p.startswith("departments/") and "index.html" in p]
    assert any("<svg/onload" in elements_of(site / p).title for p in roles), roles


def _role_pages(site: Path) -> list[str]:
    return [
        p.parent.relative_to(site).as_posix()
        for p in built_pages(site)
        if p.parts[-3:-2] == ("departments",) and "<svg" in elements_of(p).title
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_no_script_runs_in_titles_headers_or_tooltips(
    browser: Browser, hostile_site: tuple[Path, str], width: int
) -> None:
    site, url = hostile_site
    context = browser.new_context(viewport={"width": width, "height": 800})
    page: Page = context.new_page()
    dialogs = record_dialogs(page)
    notice = notice_urls(site)["hostile"]
    paths = [notice, "sectors/e-yi/", "glossary/e-yi-shu-yu/", *_role_pages(site)]
    assert len(paths) == 5, paths
    for path in paths:
        visit(page, f"{url}/{path}")
        assert page.locator(INJECTED).count() == 0, path
        assert "<img src=x onerror=alert(8)>" in page.title() or "<svg/onload" in page.title()
        heading = page.locator("article h1").first.inner_text()
        assert "<" in heading and "zq-el" in heading, (path, heading)
    visit(page, f"{url}/{notice}")
    link = page.locator("a.term").first
    link.hover()
    page.wait_for_timeout(300)
    tip = link.get_attribute("title") or ""
    assert 'onerror=alert(8)><svg/onload=alert`10`><zq-el data-zq="1">"x"说明“x”' in tip
    assert page.locator(INJECTED).count() == 0
    assert dialogs == []
    context.close()


HOSTILE_PIECES = [
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(2)>",
    '"><zq-el data-zq=1>',
    "'><zq-el data-zq=2 ",
    "</title><zq-el>",
    "</textarea><zq-el>",
    "&lt;zq-el data-zq=3&gt;",
    "&#60;zq-el&#62;",
    "`${alert(3)}`",
    "]]><zq-el>",
    "{{ 7*7 }}",
    "<!--",
    "-->",
    "<script>alert(4)</script>",
    "[a](javascript:alert(5))",
    "*[zq]: x",
    "\\",
    "{: data-zq=4 }",
]
text_pieces = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_PIECES),
        st.text(alphabet="安全生产<>&\"'`=/ {}[]()!*#|", min_size=1, max_size=6),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_pieces)
def test_random_markup_in_every_field_never_becomes_html(text: str) -> None:
    """Property: whatever markup a field holds, no element or attribute of it is built."""
    with tempfile.TemporaryDirectory() as folder:
        site = build(Path(folder), everywhere(text))
        assert_no_injection(site)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_every_front_matter_reads_back(text: str) -> None:
    """Property: the one front-matter writer round-trips any text through yaml.safe_load."""
    from build_tools.render.frontmatter import front_matter

    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return  # not encodable as UTF-8, so no file can hold it; sidecars reject it
    values = {"title": text, "names": [text], "nested": {"term": text}}
    block = front_matter(values)
    assert block.startswith("---\n") and block.endswith("---\n")
    assert yaml.safe_load(block[4:-4]) == values
    body, read = get_data(f"{block}\n正文\n")
    assert read == values and body.strip() == "正文"


def test_no_inline_script_so_the_policy_can_forbid_them(hostile_site: tuple[Path, str]) -> None:
    """The CSP allows scripts from the site only; every script the pages hold is a file."""
    site, _ = hostile_site
    for page in built_pages(site):
        text = page.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in text:
            continue  # redirect stubs and the like
        policy = re.search(r'content="(default-src[^"]*)"', text)
        assert policy and "script-src 'self';" in policy.group(1), page
        for attributes in re.findall(r"<script([^>]*)>", text):
            assert "src=" in attributes or 'type="application/json"' in attributes, page
