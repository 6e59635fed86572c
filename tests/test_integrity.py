"""Integrity: locks, duplicate sources, the doctor, links that resolve, exports and the feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import feedparser
import pytest

from build_tools.convert import load_archive
from build_tools.doctor import report, run_checks
from build_tools.errors import ArchiveError
from build_tools.write import build_lock
from tests.helpers import ROOT, SOURCE_DIR, seed_archive


def test_two_builds_cannot_write_at_once(tmp_path: Path) -> None:
    with (
        build_lock(tmp_path),
        pytest.raises(ArchiveError, match="another build is writing"),
        build_lock(tmp_path),
    ):
        pass
    with build_lock(tmp_path):  # released after the first build
        pass


def test_a_build_in_another_process_is_refused_while_one_runs(tmp_path: Path) -> None:
    script = (
        "import time\nfrom pathlib import Path\nfrom build_tools.write import build_lock\n"
        f"with build_lock(Path({str(tmp_path)!r})):\n print('held', flush=True)\n time.sleep(30)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = subprocess.run(
            [sys.executable, "-m", "build_tools", "convert", "--source", str(SOURCE_DIR),
             "--docs", str(tmp_path)],
            capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 1
        assert "another build is writing here" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_two_sources_with_the_same_bytes_are_reported(tmp_path: Path) -> None:
    shutil.copy(SOURCE_DIR / "003_65114f20cbda8ae2.txt", tmp_path / "a.txt")
    shutil.copy(SOURCE_DIR / "003_65114f20cbda8ae2.txt", tmp_path / "b.txt")
    result = load_archive(tmp_path)
    assert [w for f, w in result.warnings if "same bytes" in w] == [
        "same bytes as a.txt: remove one of the two copies"
    ]


def test_doctor_reports_material_support_and_exit_status() -> None:
    checks = run_checks(today=dt.date(2026, 11, 23))
    support = next(c for c in checks if c.name == "material support")
    assert not support.ok and "2026-11-11" in support.detail and not support.fatal
    text, status = report(checks)
    assert status == 0 and "warn material support" in text
    assert next(c for c in run_checks(today=dt.date(2026, 1, 1)) if c.name == "material support").ok
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "doctor"], capture_output=True, text=True, cwd=ROOT,
        check=False,
    )  # fmt: skip
    assert "jieba" in result.stdout and "chromium" in result.stdout


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for key in ("href", "src"):
            wanted = (tag, key) in (
                ("a", "href"),
                ("link", "href"),
                ("script", "src"),
                ("img", "src"),
            )
            if wanted and values.get(key):
                self.links.append(values[key] or "")


def test_every_internal_link_and_anchor_resolves(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    pages: dict[str, _Links] = {}
    for html_file in site.rglob("*.html"):
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        pages["/" + html_file.relative_to(site).as_posix()] = parser
    broken = []
    for page, parser in pages.items():
        for link in parser.links:
            target = urlparse(urljoin(page, link))
            if target.scheme or link.startswith(("mailto:", "data:")):
                continue
            path = unquote(target.path)
            file = path + "index.html" if path.endswith("/") else path
            if not (site / file.lstrip("/")).exists():
                broken.append(f"{page} → {link}")
            elif target.fragment and file in pages and target.fragment not in pages[file].ids:
                broken.append(f"{page} → {link} (no #{target.fragment})")
    assert broken == []


def test_requirements_csv_opens_in_excel_with_one_row_per_item(
    built_site: tuple[Path, str],
) -> None:
    site, _ = built_site
    raw = (site / "data" / "requirements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    archive = seed_archive()
    assert len(rows) == sum(len(n.parts()) for n in archive.notices)
    first = next(
        r for r in rows if r["notice_id"] == "003_65114f20cbda8ae2" and r["anchor"] == "s2-1-1"
    )
    assert first["lead_departments"] == "市安委会办公室"
    assert first["supporting_departments"] == "市安委会成员单位；各镇街"
    data = json.loads((site / "data" / "requirements.json").read_text(encoding="utf-8"))
    assert len(data) == len(rows) and data[0]["item_url"].startswith("notices/")


def test_notices_and_glossary_exports(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    notices = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    assert {n["id"][:3] for n in notices} == {"000", "001", "002", "003", "004"}
    contract = {"title", "notice_title", "doc_number", "issuer", "level", "region", "date", "year",
                "recipients", "status", "index_number", "source", "sectors", "terms"}  # fmt: skip
    assert all(contract <= set(n) for n in notices)
    glossary = json.loads((site / "data" / "glossary.json").read_text(encoding="utf-8"))
    three = next(t for t in glossary if t["term"] == "三同时")
    assert {use["notice"][:3] for use in three["uses"]} == {"001", "004"}


def test_the_feed_is_valid_atom(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    text = (site / "feed.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 5
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry in feed.entries:
        assert entry.id.startswith("tag:") and entry.title and entry.link
        assert (site / entry.link / "index.html").is_file()
    assert re.search(r"<updated>2022-01-21T00:00:00Z</updated>", text)
