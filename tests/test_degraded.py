"""No degraded site without a word: missing or partly bad curated data, control characters.

A missing glossary.yml (sectors.yml, departments.yml) is a warning naming it, so ``check
--strict`` and ``mkdocs build --strict`` fail; one bad entry is an error naming file, entry and
key, and only that entry is left out; a control character in a sidecar is refused, and the
feed never holds a character XML 1.0 forbids.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.archive import Archive
from build_tools.convert import ConvertReport, convert, load_archive
from build_tools.render.exports import atom_feed
from tests.conftest import build_project
from tests.helpers import ROOT, SOURCE_DIR, seed_archive

GOOD = "003_65114f20cbda8ae2.txt"
OTHER = (SOURCE_DIR / "004_8c49eeea5b975a30.txt").read_bytes()
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")


def sources(folder: Path, leave_out: tuple[str, ...] = ()) -> Path:
    """The good seed with the curated data, but for the files in ``leave_out``."""
    folder.mkdir(parents=True)
    shutil.copy(SOURCE_DIR / GOOD, folder)
    for name in CURATED:
        if name not in leave_out:
            shutil.copy(SOURCE_DIR / name, folder)
    return folder


def check(source: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``python -m build_tools check`` on ``source``."""
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--source", str(source), *options],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("name", CURATED)
def test_missing_curated_data_is_a_warning_naming_it(name: str, tmp_path: Path) -> None:
    source = sources(tmp_path / "source_texts", leave_out=(name,))
    report = load_archive(source)
    assert report.failures == []
    assert [file for file, _ in report.warnings] == [str(source / name)]
    assert "missing" in report.warnings[0][1]
    relaxed, strict = check(source), check(source, "--strict")
    assert relaxed.returncode == 0, relaxed.stderr
    assert strict.returncode == 1 and name in strict.stderr and "missing" in strict.stderr


def test_an_empty_glossary_is_a_warning(tmp_path: Path) -> None:
    source = sources(tmp_path / "source_texts")
    (source / "glossary.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert check(source, "--strict").returncode == 1


def bad_entry(name: str, old: str, new: str) -> tuple[str, str]:
    """The curated file ``name`` with its first ``old`` replaced by ``new``."""
    text = (SOURCE_DIR / name).read_text(encoding="utf-8")
    assert old in text
    return name, text.replace(old, new, 1)


BAD_ENTRIES = {
    "glossary-confidence": (
        bad_entry("glossary.yml", "basis_confidence: checked", "basis_confidence: maybe"),
        "basis_confidence",
    ),
    "glossary-unknown-key": (bad_entry("glossary.yml", "  aliases: []", "  colour: red"), "colour"),
    "sectors-id": (bad_entry("sectors.yml", "- id: mei-kuang\n", "- id: Mei Kuang\n"), "id"),
    "departments-pattern": (
        bad_entry("departments.yml", 'patterns: ["', 'patterns: ["(unclosed", "'),
        "patterns",
    ),
}


def counts(report: ConvertReport) -> tuple[int, int, int]:
    """Terms, sectors and roles of a report's archive."""
    archive = report.archive
    assert archive is not None
    return len(archive.glossary.terms), len(archive.taxonomy.sectors), len(archive.roles.roles)


@pytest.mark.parametrize("case", sorted(BAD_ENTRIES))
def test_one_bad_entry_leaves_out_that_entry_only(case: str, tmp_path: Path) -> None:
    (name, text), key = BAD_ENTRIES[case]
    source = sources(tmp_path / "source_texts")
    full = counts(load_archive(source))
    (source / name).write_text(text, encoding="utf-8")
    report = load_archive(source)
    assert len(report.failures) == 1, report.failures
    message = report.failures[0].message
    assert name in message and f"key '{key}'" in message and "entry '" in message, message
    assert GOOD in {notice.source.file for notice in report.notices}
    kept = counts(report)
    index = CURATED.index(name)
    assert kept[index] == full[index] - 1
    assert [k for i, k in enumerate(kept) if i != index] == [
        f for i, f in enumerate(full) if i != index
    ]
    assert check(source).returncode == 1


def test_strict_site_build_fails_on_missing_or_bad_curated_data(tmp_path: Path) -> None:
    source = sources(tmp_path / "source_texts", leave_out=("glossary.yml",))
    (name, text), _ = BAD_ENTRIES["departments-pattern"]
    (source / name).write_text(text, encoding="utf-8")
    (tmp_path / "project").mkdir()
    result = build_project(tmp_path / "project", source)
    assert result.returncode != 0
    assert "glossary.yml" in result.stderr and "missing" in result.stderr
    assert "departments.yml" in result.stderr and "key 'patterns'" in result.stderr


CONTROL = ["\\x01", "\\x1b", "\\x7f", "\\x85", "\\ufffe", "\\x00"]


@pytest.mark.parametrize("character", CONTROL)
def test_control_characters_in_a_sidecar_are_refused(character: str, tmp_path: Path) -> None:
    source = sources(tmp_path / "src")
    (source / "bad.txt").write_bytes(OTHER)
    (source / "bad.yml").write_text(f'notes: x\nissuer: "市{character}政府"\n', encoding="utf-8")
    report = convert(source, tmp_path / "out")
    assert [notice.source.file for notice in report.notices] == [GOOD]
    assert len(report.failures) == 1, report.failures
    message = report.failures[0].message
    assert "bad.yml:2: key 'issuer'" in message and "U+" in message, message
    ET.parse(tmp_path / "out" / "feed.xml")


def test_the_feed_never_holds_characters_xml_forbids() -> None:
    archive = seed_archive()
    first = archive.notices[0]
    odd = "标题\x01\x08\x0b\x1f\ufffe\uffff\ud800尾"
    notice = replace(first, metadata=replace(first.metadata, title=odd, issuer="机关\x02"))
    feed = atom_feed(Archive((notice, *archive.notices[1:])))
    root = ET.fromstring(feed.encode("utf-8"))
    titles = [element.text for element in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "标题尾" in titles
