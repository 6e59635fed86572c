"""The sector page at scale: ``python -m benchmarks.sector_page [N] [--keep DIR] [--site DIR]``.

Generates N synthetic notices (default 1,000; benchmarks/corpus.py), builds the site with
``mkdocs build`` (or takes a built ``--site``), serves it on the loopback and prints, for the
largest sector: the page's size, its data (index, first files, all files) and, in Chromium,
the time from navigation start to the first requirements painted and to the complete first
screen, for the unfiltered view, "national + one province" and one year. Median of
``REPEATS`` fresh browser contexts (nothing cached). Numbers go into RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5

# Installed before the page's scripts: when the first requirement enters the list, the next
# animation frame is when it can be painted; "ready" is when the first screen is complete.
_CLOCK = """
window.__firstPaint = new Promise((resolve) => {
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.getElementById("req-results");
    const view = document.getElementById("req-view");
    if (!list || !view) return;
    const observer = new MutationObserver(() => {
      if (list.firstElementChild && !window.__first) {
        window.__first = true;
        requestAnimationFrame(() => resolve(performance.now()));
      }
      if (view.dataset.state === "ready") {
        observer.disconnect();
        requestAnimationFrame(() => (window.__ready = performance.now()));
      }
    });
    observer.observe(view, { childList: true, subtree: true, attributes: true });
  });
});
"""


# Bytes the page fetched: itself, its styles and scripts, and the data (no compression here).
_FETCHED = """performance.getEntriesByType("navigation")
  .concat(performance.getEntriesByType("resource"))
  .reduce((sum, entry) => sum + entry.encodedBodySize, 0)"""


def build(size: int, folder: Path) -> Path:
    """Generate the corpus into a project copy and build it; the site folder."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.run import _project

    project = _project(folder, size)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
        cwd=project,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    print(f"built {size} notices in {time.perf_counter() - start:.0f} s")
    return project / "site"


def largest_sector(site: Path) -> tuple[str, dict[str, Any]]:
    """The sector with the most requirements, and its index."""
    found = []
    for index in (site / "data" / "sectors").glob("*/index.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        found.append((data["total"], index.parent.name, data))
    _, sector, data = max(found)
    return sector, data


def kb(path: Path) -> float:
    return path.stat().st_size / 1024


def sizes(site: Path, sector: str, index: dict[str, Any]) -> dict[str, float]:
    """Sizes (KB) of the page, its index, the first files each view loads, and all data."""
    folder = site / "data" / "sectors" / sector
    files = list(folder.glob("*.json"))
    pages = [kb(p) for p in (site / "sectors").glob("*/index.html")]
    data = [p for p in (site / "data").rglob("*.json") if p.parent.name != "years"]
    return {
        "page KB": kb(site / "sectors" / sector / "index.html"),
        "largest sector page KB": max(pages),
        "index KB": kb(folder / "index.json"),
        "first file (all) KB": kb(folder / index["streams"]["all"][0]["f"]),
        "largest file KB": max(kb(p) for p in files),
        "files": float(len(files)),
        "sector data MB": sum(kb(p) for p in files) / 1024,
        "all listing data MB": sum(kb(p) for p in data if p.parts[-3] in ("sectors", "departments"))
        / 1024,
        "item texts MB": sum(kb(p) for p in (site / "data" / "items").glob("*.json")) / 1024,
        "feeds": float(len(list((site / "feeds").rglob("*.xml")))),
        "feeds MB": sum(kb(p) for p in (site / "feeds").rglob("*.xml")) / 1024,
    }


def timings(
    site: Path, sector: str, views: dict[str, str]
) -> dict[str, tuple[float, float, float]]:
    """Per view: median ms to the first requirements painted, to the complete first screen,
    and KB fetched for it (page, scripts and data; fresh context each time)."""
    from playwright.sync_api import sync_playwright

    from tests.helpers import serve

    found: dict[str, tuple[float, float, float]] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for name, query in views.items():
            first, ready, fetched = [], [], []
            for _ in range(REPEATS):
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(_CLOCK)
                page.goto(f"{url}/sectors/{sector}/{query}")
                first.append(float(page.evaluate("window.__firstPaint")))
                page.wait_for_function("window.__ready !== undefined", timeout=60_000)
                ready.append(float(page.evaluate("window.__ready")))
                fetched.append(float(page.evaluate(_FETCHED)) / 1024)
                context.close()
            found[name] = (
                statistics.median(first),
                statistics.median(ready),
                statistics.median(fetched),
            )
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    """Build (or take) a site and print the sector page's numbers."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sector_page", description=__doc__)
    parser.add_argument("size", nargs="?", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--site", type=Path, help="measure this built site instead")
    args = parser.parse_args(argv)
    site = args.site or build(args.size, args.keep or Path(tempfile.mkdtemp(prefix="sector-")))
    sector, index = largest_sector(site)
    province = max(
        (p for p in index["places"] if p["key"] not in ("national", "unknown")),
        key=lambda p: sum(row[-1] for row in index["counts"] if index["places"][row[1]] is p),
    )
    newest = max(row[0] for row in index["counts"])
    views = {
        "unfiltered": "",
        f"national + {province['name']}": f"?province={province['name']}",
        f"year {newest}": f"?year={newest}",
    }
    print(f"sector {sector}: {index['total']} requirements")
    for name, value in sizes(site, sector, index).items():
        print(f"{name}: {value:.1f}")
    for name, (first, ready, fetched) in timings(site, sector, views).items():
        print(
            f"{name}: first requirements {first:.0f} ms, first screen complete {ready:.0f} ms, "
            f"{fetched:.0f} KB fetched"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
