"""The compare page: outline alignment and character diff, the generated files, the browser.

The inline cases document what a reader sees; the browser tests check that compare.js does
the same as build_tools/compare.py, on a tiny site whose second notice is a variant of a seed
with known differences.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Page

from build_tools.archive import Archive
from build_tools.compare import (
    THRESHOLD,
    Aligned,
    OutlineRow,
    align,
    char_diff,
    default_pair,
    outline_rows,
)
from build_tools.convert import load_archive
from build_tools.glossary.load import GLOSSARY_FILE
from build_tools.model import Level, Notice, NumberStyle
from build_tools.permalinks import notice_url
from build_tools.render.compare import render_compare
from build_tools.roles import DEPARTMENTS_FILE
from build_tools.sectors.load import SECTORS_FILE
from build_tools.write import MANIFEST
from tests.conftest import visit
from tests.helpers import ROOT, SOURCE_DIR, notice_urls, seed_archive, serve

SEED = "003_65114f20cbda8ae2"
VARIANT = "003b_variant"
CHANGED_FROM = "根据工作实际及时调整修订安全生产工作考核标准"
CHANGED_TO = "根据工作实际适时修订安全生产工作考核标准"
ADDED_ITEM = (
    "19.加强汛期防汛防台风工作。汛前组织排查山洪、泥石流易发区域，"
    "完善转移避险预案，落实抢险物资和队伍。（市水务局牵头，各镇街负责落实）"
)
SCRIPT = ROOT / "docs" / "javascripts" / "compare.js"


def row(
    anchor: str,
    number: str,
    text: str,
    style: NumberStyle = NumberStyle.ARABIC,
    depth: int = 1,
    heading: str | None = None,
) -> OutlineRow:
    """An outline row whose text starts with its number, as in a notice."""
    return OutlineRow(anchor, number, style, depth, heading, number + text)


def as_json(outline: list[OutlineRow]) -> list[dict[str, Any]]:
    """Rows as the compare page's JSON holds them."""
    return [dict(asdict(r), style=r.style.value) for r in outline]


def expected(lines: list[Aligned]) -> list[list[str | None]]:
    """Each aligned line as [status, left anchor, right anchor, moved anchor]."""
    return [
        [
            line.status,
            line.left.anchor if line.left else None,
            line.right.anchor if line.right else None,
            line.moved.anchor if line.moved else None,
        ]
        for line in lines
    ]


def summary(lines: list[Aligned]) -> list[tuple[str, str | None, str | None]]:
    """Each aligned line as (status, left anchor, right anchor)."""
    return [
        (
            line.status,
            line.left.anchor if line.left else None,
            line.right.anchor if line.right else None,
        )
        for line in lines
    ]


ITEMS = [
    "加强危险化学品安全监管，开展重大危险源专项检查。",
    "深化道路交通安全整治，严查超载超限和疲劳驾驶。",
    "推进建筑施工安全专项治理，落实起重机械检测制度。",
    "强化消防安全宣传教育，组织开展消防演练活动。",
]


def numbered(texts: list[str]) -> list[OutlineRow]:
    """Arabic-numbered items 1., 2., … with positional anchors."""
    return [row(f"s{k}", f"{k}.", text) for k, text in enumerate(texts, start=1)]


# ---- alignment ----


def test_identical_outlines_are_the_same_throughout() -> None:
    lines = align(numbered(ITEMS), numbered(ITEMS))
    assert [line.status for line in lines] == ["same"] * 4
    assert all(line.similarity == 1.0 and not line.renumbered for line in lines)


def test_a_few_changed_characters_make_a_changed_part() -> None:
    changed = [ITEMS[0], "深化道路交通安全整治，严查超速超载和酒后驾驶。", *ITEMS[2:]]
    lines = align(numbered(ITEMS), numbered(changed))
    assert summary(lines) == [
        ("same", "s1", "s1"),
        ("changed", "s2", "s2"),
        ("same", "s3", "s3"),
        ("same", "s4", "s4"),
    ]
    assert THRESHOLD <= lines[1].similarity < 1.0


def test_a_removed_part_and_the_renumbering_after_it() -> None:
    lines = align(numbered(ITEMS), numbered([ITEMS[0], *ITEMS[2:]]))
    assert summary(lines) == [
        ("same", "s1", "s1"),
        ("removed", "s2", None),
        ("same", "s3", "s2"),
        ("same", "s4", "s3"),
    ]
    assert [line.renumbered for line in lines] == [False, False, True, True]
    assert lines[1].moved is None


def test_an_added_part() -> None:
    new = "加强汛期防汛防台风工作，落实抢险物资和队伍。"
    lines = align(numbered(ITEMS), numbered([*ITEMS[:2], new, *ITEMS[2:]]))
    assert summary(lines) == [
        ("same", "s1", "s1"),
        ("same", "s2", "s2"),
        ("added", None, "s3"),
        ("same", "s3", "s4"),
        ("same", "s4", "s5"),
    ]


def test_a_moved_part_is_removed_and_added_and_says_where_it_went() -> None:
    reordered = [ITEMS[1], ITEMS[2], ITEMS[3], ITEMS[0]]
    lines = align(numbered(ITEMS), numbered(reordered))
    assert summary(lines) == [
        ("removed", "s1", None),
        ("same", "s2", "s1"),
        ("same", "s3", "s2"),
        ("same", "s4", "s3"),
        ("added", None, "s4"),
    ]
    removed, added = lines[0], lines[-1]
    assert removed.moved is not None and removed.moved.anchor == "s4"
    assert added.moved is not None and added.moved.anchor == "s1"
    assert removed.similarity == added.similarity == 1.0


def test_parts_of_different_numbering_styles_never_pair() -> None:
    left = [row("s1", "一、", "总体要求", NumberStyle.CHINESE, 0, "总体要求")]
    right = [row("s1", "（一）", "总体要求", NumberStyle.PAREN_CHINESE, 0, "总体要求")]
    assert summary(align(left, right)) == [("removed", "s1", None), ("added", None, "s1")]


def test_dissimilar_parts_are_removed_and_added_not_changed() -> None:
    left = numbered([ITEMS[0]])
    right = numbered(["全面落实安全生产责任制，签订年度目标责任书。"])
    assert [line.status for line in align(left, right)] == ["removed", "added"]


def test_the_outline_structure_keeps_parents_and_children_apart() -> None:
    left = [
        row("s1", "一、", "重点工作", NumberStyle.CHINESE, 0, "重点工作"),
        row("s1-1", "（一）", "压实安全生产责任", NumberStyle.PAREN_CHINESE, 1),
        *[replace(r, anchor=f"s1-1-{r.anchor[1:]}", depth=2) for r in numbered(ITEMS[:2])],
    ]
    right = [left[0], left[1], left[3]]
    assert summary(align(left, right)) == [
        ("same", "s1", "s1"),
        ("same", "s1-1", "s1-1"),
        ("removed", "s1-1-1", None),
        ("same", "s1-1-2", "s1-1-2"),
    ]


def test_empty_outlines() -> None:
    assert align([], []) == []
    assert summary(align(numbered(ITEMS[:1]), [])) == [("removed", "s1", None)]


# ---- character diff ----


def test_char_diff_marks_deleted_and_inserted_characters() -> None:
    assert char_diff(CHANGED_FROM, CHANGED_TO) == [
        ("equal", "根据工作实际"),
        ("delete", "及"),
        ("insert", "适"),
        ("equal", "时"),
        ("delete", "调整"),
        ("equal", "修订安全生产工作考核标准"),
    ]
    assert char_diff("", "") == []
    assert char_diff("安全", "安全") == [("equal", "安全")]


@given(st.text(alphabet="安全生产责任制，。一二三𠀀a", max_size=40), st.text(max_size=40))
def test_char_diff_loses_no_character(a: str, b: str) -> None:
    pieces = char_diff(a, b)
    assert "".join(text for op, text in pieces if op != "insert") == a
    assert "".join(text for op, text in pieces if op != "delete") == b
    assert all(text for _, text in pieces)


# ---- outlines, default pair and generated files ----


def test_outline_rows_follow_the_notice() -> None:
    notice = seed_archive().by_slug[SEED]
    rows = outline_rows(notice)
    assert [r.anchor for r in rows] == [part.anchor for part in notice.parts()]
    assert rows[0].depth == 0 and rows[2].depth == 1 and rows[3].depth == 2
    assert all(r.text.startswith(r.number) for r in rows)
    assert rows[0].body.startswith("总体要求\n坚持以习近平新时代")


def test_default_pair_without_consecutive_years_is_the_two_newest() -> None:
    assert default_pair(seed_archive()) == ("004_8c49eeea5b975a30", SEED)


def test_default_pair_prefers_one_issuers_consecutive_years() -> None:
    seeds = {n.slug: n for n in seed_archive().notices}

    def issued(slug: str, year: int) -> Notice:
        notice = seeds[slug]
        meta = replace(notice.metadata, issuer="某市人民政府", level=Level.PREFECTURAL, year=year)
        return replace(notice, metadata=meta)

    older, newer = issued("000_05dea3f25d6546d2", 2014), issued("002_2d3bd3a670c033dc", 2015)
    others = [
        n
        for slug, n in seeds.items()
        if slug not in ("000_05dea3f25d6546d2", "002_2d3bd3a670c033dc")
    ]
    archive = Archive(notices=(*others, older, newer))
    assert default_pair(archive) == ("000_05dea3f25d6546d2", "002_2d3bd3a670c033dc")
    assert default_pair(Archive(notices=())) is None


def test_render_compare_writes_the_page_and_one_outline_per_notice() -> None:
    archive = seed_archive()
    files = render_compare(archive)
    outlines = sorted(f"compare/data/{n.slug}.json" for n in archive.notices)
    assert sorted(files) == sorted(["compare/index.md", *outlines])
    for notice in archive.notices:
        record = json.loads(files[f"compare/data/{notice.slug}.json"])
        assert record["url"] == f"../{notice_url(notice)}"
        assert record["title"] == notice.metadata.title
        assert record["rows"] == as_json(outline_rows(notice))
    page = files["compare/index.md"]
    assert page.startswith("---\ntitle: 比较\n---\n")
    options = re.findall(r"^<option .*</option>$", page, re.M)
    assert len(options) == len(archive.notices)
    assert '<option value="004_8c49eeea5b975a30" selected>' in page
    assert f'data-default="{SEED}"' in page
    assert '<script src="../javascripts/compare.js"></script>' in page


def test_notice_text_on_the_page_is_escaped() -> None:
    notice = seed_archive().by_slug[SEED]
    hostile = replace(notice, metadata=replace(notice.metadata, title='<b onclick="x">&</b>'))
    page = render_compare(Archive(notices=(hostile,)))["compare/index.md"]
    assert "<b onclick" not in page
    assert "&lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt;" in page


# ---- the browser: compare.js against the Python reference ----


def variant_text() -> str:
    """The seed with item 4 reworded, item 7 removed (8–19 renumbered) and an item added."""
    lines = (SOURCE_DIR / f"{SEED}.txt").read_text(encoding="utf-8").splitlines()
    result: list[str] = []
    for line in lines:
        match = re.match(r"(\d+)\.", line)
        number = int(match.group(1)) if match else 0
        if number == 7:
            continue
        if number == 4:
            assert CHANGED_FROM in line
            line = line.replace(CHANGED_FROM, CHANGED_TO)
        if number > 7:
            line = f"{number - 1}{line[len(str(number)) :]}"
        result.append(line)
        if number == 19:
            result.append(ADDED_ITEM)
    assert len(result) == len(lines)
    return "\n".join(result) + "\n"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def page_ids(site: Path, path: str) -> set[str]:
    """Every id of the built page at URL path ``path``."""
    parser = _Ids()
    parser.feed((site / path.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser.ids


@pytest.fixture(scope="module")
def compare_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A tiny site (the seed and its variant) with hand-made compare files, served locally."""
    project = tmp_path_factory.mktemp("compare-project")
    for folder in ("build_tools", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project / folder)
    generated = ("notices", "glossary", "sectors", "departments", "data", "browse", "compare")
    shutil.copytree(
        ROOT / "docs",
        project / "docs",
        ignore=lambda folder, names: [
            n
            for n in names
            if n.startswith(".") or (Path(folder) == ROOT / "docs" and n in generated)
        ],
    )
    manifest = ROOT / "docs" / MANIFEST
    if manifest.is_file():  # other generated files (home page, feed) of the last build
        for relative in json.loads(manifest.read_text(encoding="utf-8")):
            (project / "docs" / relative).unlink(missing_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in config
    config = config.replace("not_in_nav: |\n", "not_in_nav: |\n  /compare/*.md\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    sources = project / "source_texts"
    sources.mkdir()
    shutil.copy(SOURCE_DIR / f"{SEED}.txt", sources)
    for name in (GLOSSARY_FILE, SECTORS_FILE, DEPARTMENTS_FILE):
        if (SOURCE_DIR / name).is_file():
            shutil.copy(SOURCE_DIR / name, sources)
    (sources / f"{VARIANT}.txt").write_text(variant_text(), encoding="utf-8")
    (sources / f"{VARIANT}.yml").write_text("year: 2023\n", encoding="utf-8")
    report = load_archive(sources)
    assert report.archive is not None and not report.failures, report.failures
    compare_files = render_compare(report.archive)
    for relative, text in compare_files.items():
        target = project / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            "site",
        ],
        cwd=project.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Until the build renders the compare files itself, the hook leaves these alone; after,
    # it writes the same bytes.
    for relative, text in compare_files.items():
        assert (project / "docs" / relative).read_text(encoding="utf-8") == text
    site = project / "site"
    with serve(site) as url:
        yield site, url


ROWS_JS = """() => Array.from(document.querySelectorAll(".compare-table tbody tr")).map((tr) => {
  const links = (cell) => Array.from(cell.querySelectorAll("a")).map((a) => a.href);
  const texts = (cell, tag) => Array.from(cell.querySelectorAll(tag)).map((e) => e.textContent);
  return {
    status: tr.className.replace("compare-", ""),
    left: links(tr.cells[0]), middle: links(tr.cells[1]), right: links(tr.cells[2]),
    del: texts(tr.cells[0], "del"), ins: texts(tr.cells[2], "ins"),
    insLeft: texts(tr.cells[0], "ins"), delRight: texts(tr.cells[2], "del"),
  };
})"""


def open_compare(page: Page, url: str) -> tuple[set[str], list[dict[str, Any]]]:
    """Open the compare page at ``url``; return the hosts it requested and its table rows."""
    hosts = visit(page, url)
    page.locator("table.compare-table tbody tr").first.wait_for(timeout=10_000)
    return hosts, page.evaluate(ROWS_JS)


def anchor(href: object) -> str:
    """The fragment of a link."""
    return urlparse(str(href)).fragment


def test_the_table_shows_exactly_the_known_differences(
    page: Page, compare_site: tuple[Path, str], screenshots: Path
) -> None:
    site, base = compare_site
    hosts, rows = open_compare(page, f"{base}/compare/?a={SEED}&b={VARIANT}")
    assert hosts == {urlparse(base).netloc}
    page.screenshot(path=screenshots / "compare_variant.png", full_page=True)
    assert len(rows) == 27
    by_status: dict[str, list[dict[str, Any]]] = {}
    for found in rows:
        by_status.setdefault(str(found["status"]), []).append(found)
    assert {status: len(found) for status, found in by_status.items()} == {
        "same": 24,
        "changed": 1,
        "removed": 1,
        "added": 1,
    }
    (changed,) = by_status["changed"]
    assert [anchor(h) for h in (*changed["left"], *changed["right"])] == ["s2-2-2", "s2-2-2"]
    assert changed["del"] == ["及", "调整"] and changed["ins"] == ["适"]
    assert changed["insLeft"] == [] and changed["delRight"] == []
    (removed,) = by_status["removed"]
    assert [anchor(h) for h in removed["left"]] == ["s2-3-2"] and removed["right"] == []
    assert removed["middle"] == []  # not moved: the added item is another text
    (added,) = by_status["added"]
    assert added["left"] == [] and [anchor(h) for h in added["right"]] == ["s2-5-7"]
    # Every link leads to a part that exists on a page of this site.
    for found in rows:
        for href in [*found["left"], *found["middle"], *found["right"]]:
            parsed = urlparse(str(href))
            assert parsed.netloc == urlparse(base).netloc
            assert parsed.path in {f"/{url}" for url in notice_urls(site).values()}
            assert parsed.fragment in page_ids(site, parsed.path), href
    summary_text = page.locator("#compare-summary").inner_text()
    assert summary_text == "相同 24 条，修改 1 条，新增 1 条，删除 1 条。"


def test_the_default_pair_is_preselected_and_choices_go_into_the_url(
    page: Page, compare_site: tuple[Path, str]
) -> None:
    site, base = compare_site
    open_compare(page, f"{base}/compare/")
    # The variant's sidecar makes it 2023: one issuer's consecutive years.
    assert page.input_value("#compare-a") == SEED
    assert page.input_value("#compare-b") == VARIANT
    assert parse_qs(urlparse(page.url).query) == {"a": [SEED], "b": [VARIANT]}
    page.click("#compare-swap")
    page.wait_for_function(
        "() => document.querySelector('table.compare-table tbody tr.compare-removed a')"
        f"?.href.includes('{notice_urls(site)[VARIANT]}')"
    )
    assert parse_qs(urlparse(page.url).query) == {"a": [VARIANT], "b": [SEED]}
    page.select_option("#compare-b", VARIANT)
    page.wait_for_function(
        "() => document.getElementById('compare-summary').textContent.startsWith('相同 26 条')"
    )
    assert parse_qs(urlparse(page.url).query) == {"a": [VARIANT], "b": [VARIANT]}


def test_the_browser_aligns_and_diffs_as_python_does(page: Page) -> None:
    """compare.js's algorithm section, run in Chromium on every pair of seeds."""
    source = SCRIPT.read_text(encoding="utf-8")
    core = source[source.index("  // ---- difflib") : source.index("  // ---- page ----")]
    notices = list(seed_archive().notices)
    pairs = [(outline_rows(left), outline_rows(right)) for left in notices for right in notices]
    pairs.append((numbered(ITEMS), numbered([ITEMS[1], ITEMS[2], ITEMS[3], ITEMS[0]])))
    cases = []
    for left_rows, right_rows in pairs:
        lines = align(left_rows, right_rows)
        texts = [(line.left.body, line.right.body) for line in lines if line.left and line.right]
        texts += [(CHANGED_FROM, CHANGED_TO), ("安全𠀀生产", "安𠀀全生产a")]
        cases.append(
            {
                "left": as_json(left_rows),
                "right": as_json(right_rows),
                "expected": expected(lines),
                "diffs": [[a, b, [list(p) for p in char_diff(a, b)]] for a, b in texts],
            }
        )
    mismatches = page.evaluate(
        """([core, threshold, cases]) => {
          const load = new Function("THRESHOLD", core + "return { align, charDiff };");
          const { align, charDiff } = load(threshold);
          const bad = [];
          for (const c of cases) {
            const got = align(c.left, c.right).map((l) => [l.status, l.left ? l.left.anchor : null,
              l.right ? l.right.anchor : null, l.moved ? l.moved.anchor : null]);
            if (JSON.stringify(got) !== JSON.stringify(c.expected)) bad.push(got);
            for (const [a, b, expected] of c.diffs) {
              const diff = charDiff(a, b);
              if (JSON.stringify(diff) !== JSON.stringify(expected)) bad.push(diff);
            }
          }
          return bad;
        }""",
        [core, THRESHOLD, cases],
    )
    assert mismatches == []
