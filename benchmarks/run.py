"""Benchmark the build at scale: ``python -m benchmarks.run [N ...]`` (default 100 1000).

For each N it generates a synthetic corpus, converts it, runs a full ``mkdocs build`` and
measures the site and search in Chromium, then prints one table. ``--smoke`` runs a tiny size
for CI. ``--huge`` times instead one huge notice at a time (a 10 MB item, a 30 MB notice:
benchmarks/huge.py) through ``inspect``, ``convert`` and ``mkdocs build``. Numbers and the
machine's facts go into benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import generate
from benchmarks.huge import huge_notice, one_giant_item, write_notice

ROOT = Path(__file__).resolve().parent.parent
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")
QUERIES = ("两客一危", "危险化学品", "安全生产标准化")
REPEATS = 3  # fresh pages per query (cold browser cache each time); the median is reported


@dataclass
class Row:
    """Measurements for one corpus size."""

    size: int
    convert_s: float
    convert_rss_mb: float
    build_s: float
    build_rss_mb: float
    site_mb: float
    median_page_kb: float
    median_notice_kb: float  # notice pages only: the page a reader lands on
    largest_page_kb: float
    search_index_mb: float
    largest_shard_kb: float
    incremental_s: float
    search_ms: dict[str, float]


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        detail = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {detail}")
    return elapsed, usage.ru_maxrss / 1024


def _project(folder: Path, size: int) -> Path:
    project = folder / f"n{size}"
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("overrides", "build_tools"):
        shutil.copytree(ROOT / name, project / name, dirs_exist_ok=True)
    sys.path.insert(0, str(ROOT))
    from tests.conftest import copy_hand_written_docs

    copy_hand_written_docs(project / "docs")
    sources = project / "source_texts"
    generate(sources, size)
    for name in CURATED:
        if (ROOT / "source_texts" / name).is_file():
            shutil.copy(ROOT / "source_texts" / name, sources / name)
    return project


# Timed inside the page, so the test driver's own round trips are not counted: from the
# keyup event (its timeStamp: when the key was released) to the first animation frame
# after Material inserted the first result, i.e. when it can be painted.
_CLOCK = """() => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__firstResult = new Promise((resolve) => {
    box.addEventListener("keyup", (event) => {
      const observer = new MutationObserver(() => {
        if (!list.querySelector(".md-search-result__item")) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - event.timeStamp));
      });
      observer.observe(list, { childList: true, subtree: true });
    }, { once: true });
  });
}"""


def _search_ms(site: Path) -> dict[str, float]:
    """Median time from the query (the keyup after typing it) to the first result, index
    included, over ``REPEATS`` fresh pages. Nothing of the index is fetched before the query.
    """
    from playwright.sync_api import sync_playwright

    from tests.helpers import serve

    found: dict[str, float] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for query in QUERIES:
            times = []
            for _ in range(REPEATS):
                page = browser.new_page()  # a new context: nothing cached
                page.goto(f"{url}/")
                box = page.locator("input.md-search__input")
                box.click()
                box.press_sequentially(query)
                # Chinese text arrives without key events; Material queries on the next
                # keyup, as after an IME commits a word: the clock starts there.
                page.evaluate(_CLOCK)
                box.press("End")
                page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
                times.append(float(page.evaluate("window.__firstResult")))
                page.close()
            found[query] = statistics.median(times)
        browser.close()
    return found


def measure(folder: Path, size: int) -> Row:
    """Generate, convert, build and measure one corpus size."""
    project = _project(folder, size)
    python = sys.executable
    sources = project / "source_texts"
    convert = [python, "-m", "build_tools", "convert", "--quiet",
               "--docs", str(folder / f"docs{size}"), "--source", str(sources)]  # fmt: skip
    # Cold: no cache. The build then converts cold too, filling the cache.
    convert_s, convert_rss = _timed([*convert, "--no-cache"], ROOT)
    build_s, build_rss = _timed([python, "-m", "mkdocs", "build", "-q", "-d", "site"], project)
    changed = sorted(sources.glob("*.txt"))[size // 2]
    changed.write_bytes(changed.read_bytes() + "\n十、补充一条要求。\n".encode())
    incremental_s, _ = _timed(convert, ROOT)
    site = project / "site"
    pages = [p.stat().st_size / 1024 for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    index = site / "search-data"
    shards = [p.stat().st_size / 1024 for p in (index / "s").glob("*.json")]
    return Row(
        size=size,
        convert_s=convert_s,
        convert_rss_mb=convert_rss,
        build_s=build_s,
        build_rss_mb=build_rss,
        site_mb=total,
        median_page_kb=statistics.median(pages),
        median_notice_kb=statistics.median(
            p.stat().st_size / 1024 for p in (site / "notices").glob("*/index.html")
        ),
        largest_page_kb=max(pages),
        search_index_mb=sum(p.stat().st_size for p in index.rglob("*.json")) / 2**20,
        largest_shard_kb=max(shards, default=0.0),
        incremental_s=incremental_s,
        search_ms=_search_ms(site),
    )


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    head = (
        "| N | convert s | notices/s | convert RSS MB | one changed s | build s | t(N)/t(N/10) "
        "| build RSS MB | site MB | median page KB | median notice page KB | largest page KB "
        "| search data MB "
        "| largest shard KB | first result ms |"
    )
    lines = [head, "|" + "---|" * 15]
    by_size = {row.size: row for row in rows}
    for row in rows:
        previous = by_size.get(row.size // 10)
        ratio = f"{row.build_s / previous.build_s:.1f}" if previous else "–"
        search = " / ".join(f"{q} {ms:.0f}" for q, ms in row.search_ms.items())
        rate = row.size / row.convert_s
        lines.append(
            f"| {row.size} | {row.convert_s:.1f} | {rate:.0f} | {row.convert_rss_mb:.0f} "
            f"| {row.incremental_s:.1f} | {row.build_s:.1f} | {ratio} | {row.build_rss_mb:.0f} "
            f"| {row.site_mb:.1f} | {row.median_page_kb:.0f} | {row.median_notice_kb:.0f} "
            f"| {row.largest_page_kb:.0f} "
            f"| {row.search_index_mb:.1f} | {row.largest_shard_kb:.0f} | {search} |"
        )
    return "\n".join(lines)


HUGE: dict[str, Callable[[], str]] = {
    "10 MB item": lambda: one_giant_item(10),
    "30 MB notice": lambda: huge_notice(30),
}


def huge(folder: Path) -> str:
    """Seconds and peak RSS to inspect, convert and build the seeds plus one huge notice, for
    each of HUGE, as a Markdown table."""
    python = sys.executable
    lines = [
        "| notice | inspect s | convert s | convert RSS MB | mkdocs build s | build RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for index, (name, text) in enumerate(HUGE.items()):
        project = folder / f"huge{index}"
        project.mkdir(parents=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for part in ("overrides", "build_tools", "source_texts"):
            shutil.copytree(ROOT / part, project / part)
        sys.path.insert(0, str(ROOT))
        from tests.conftest import copy_hand_written_docs

        copy_hand_written_docs(project / "docs")
        path = write_notice(project / "source_texts", "huge.txt", text())
        inspect_s, _ = _timed([python, "-m", "build_tools", "inspect", str(path)], ROOT)
        docs = str(folder / f"docs-huge{index}")
        convert = [python, "-m", "build_tools", "convert", "--quiet", "--no-cache",
                   "--docs", docs, "--source", str(path.parent)]  # fmt: skip
        convert_s, convert_rss = _timed(convert, ROOT)
        build = [python, "-m", "mkdocs", "build", "-q", "-d", "site"]
        build_s, build_rss = _timed(build, project)
        lines.append(
            f"| {name} | {inspect_s:.1f} | {convert_s:.1f} | {convert_rss:.0f} "
            f"| {build_s:.1f} | {build_rss:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--smoke", action="store_true", help="one tiny size, for CI")
    parser.add_argument("--huge", action="store_true", help="time one huge notice at a time")
    parser.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    args = parser.parse_args(argv)
    sizes = [10] if args.smoke else args.sizes
    folder = args.keep or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    if args.huge:
        print(huge(folder))
    else:
        rows = [measure(folder, size) for size in sizes]
        print(table(rows))
        print(json.dumps([row.__dict__ for row in rows], ensure_ascii=False))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
