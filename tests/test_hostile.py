"""Hostile input: nothing a source contains runs, loads or becomes markup, in a real browser."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Dialog, Page

from build_tools.convert import load_archive
from build_tools.render.notice import render_notice
from tests.conftest import build_project, visit
from tests.helpers import SOURCE_DIR, serve, squeeze, strip_annotations, to_html

HOSTILE_LINES = [
    "<script>alert('source')</script>",
    "<img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1)) ![图](http://evil.example/x.png)",
    '<!-- 注释 --> {{ config.site_name }} {% raw %} --8<-- "mkdocs.yml" [TOC]',
    "*[HTML]: Hyper Text",
    "---",
    '<iframe src="http://evil.example/"></iframe><style>body{display:none}</style>',
    '<a href="http://evil.example/">外链</a> &lt;escaped&gt; &amp;',
]
HOSTILE = (
    "滕州市安全生产委员会\n\n关于印发《2030年恶意测试要点》的通知\n\n2030年恶意测试要点\n\n"
    "一、总体要求\n" + "\n".join(f"{n}.{line}" for n, line in enumerate(HOSTILE_LINES, 1)) + "\n"
)


def test_hostile_text_renders_literally(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    report = load_archive(folder)
    assert report.archive is not None and report.failures == []
    notice = report.archive.notices[0]
    html_text = to_html(render_notice(notice, report.archive).split("\n---\n", 1)[1])
    shown, tags = strip_annotations(html_text)
    assert {tag for tag, _ in tags} <= {"p", "h2", "strong", "a", "dl", "div", "dt", "dd", "pre",
                                        "code", "span"}  # fmt: skip
    for _, attributes in tags:
        assert not attributes.get("href", "").startswith(("javascript:", "http"))
        assert "onerror" not in attributes
    for line in HOSTILE_LINES:
        assert squeeze(line) in squeeze(shown)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    sources = tmp_path_factory.mktemp("hostile-sources")
    shutil.copy(SOURCE_DIR / "003_65114f20cbda8ae2.txt", sources)
    for name in ("glossary.yml", "sectors.yml", "departments.yml"):
        shutil.copy(SOURCE_DIR / name, sources)
    (sources / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (sources / "evil.txt").write_text("一、正文。\n", encoding="utf-8")
    (sources / "evil.yml").write_text('url: !!python/object/apply:os.system ["touch /tmp/pwned"]\n')
    project = tmp_path_factory.mktemp("hostile-project")
    result = build_project(project, sources)
    # The sidecar with a Python tag fails that notice (strict build reports it); others build.
    assert "evil.yml" in result.stderr and "python/object/apply" in result.stderr
    assert (project / "site" / "notices" / "hostile" / "index.html").is_file()
    assert not Path("/tmp/pwned").exists()
    with serve(project / "site") as url:
        yield url


def record_dialogs(page: Page) -> list[str]:
    """Every alert/confirm/prompt the page opens (dismissed at once)."""
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return dialogs


def test_no_script_runs_and_nothing_is_injected(page: Page, hostile_site: str) -> None:
    dialogs = record_dialogs(page)
    baseline = visit(
        page, f"{hostile_site}/notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/"
    )
    inline_scripts = page.locator("script:not([src])").count()
    # The notice's earlier address, whose page (titled with the hostile text) forwards.
    hosts = visit(page, f"{hostile_site}/notices/hostile/")
    assert re.search(r"/notices/(\d{4}|undated)/[a-z0-9-]+/$", page.url), page.url
    assert dialogs == []
    assert page.locator("script:not([src])").count() == inline_scripts
    assert page.locator("article img, article iframe, article style").count() == 0
    assert page.locator('article a[href^="javascript:"], article a[href*="evil"]').count() == 0
    assert hosts | baseline == {urlparse(hostile_site).netloc}
    text = page.locator("article").inner_text()
    assert "<script>alert('source')</script>" in text
    assert "{{ config.site_name }}" in text and "--8<--" in text


def test_search_results_show_hostile_text_literally(page: Page, hostile_site: str) -> None:
    dialogs = record_dialogs(page)
    visit(page, f"{hostile_site}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("onerror")
    box.press("End")
    results = page.locator(".md-search-result__list")
    results.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "<img src=x onerror=alert(1)>" in results.inner_text()
    assert results.locator("img, iframe, style, script").count() == 0
    assert dialogs == []
