"""Sources stay inside source_texts/: a link that leaves it, dangles or loops is refused by
name, and nothing it points at reaches any output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.convert import ConvertReport, convert, load_archive
from tests.conftest import copy_hand_written_docs
from tests.helpers import ROOT, SOURCE_DIR

GOOD = "003_65114f20cbda8ae2.txt"
OTHER = SOURCE_DIR / "004_8c49eeea5b975a30.txt"
SECRET = "机密外泄标记QX7"  # appears in no source: any output holding it came from outside
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")


def sources(folder: Path, curated: bool = False) -> Path:
    """A source folder with the good seed (and the curated data, if asked)."""
    folder.mkdir(parents=True)
    shutil.copy(SOURCE_DIR / GOOD, folder)
    for name in CURATED if curated else ():
        shutil.copy(SOURCE_DIR / name, folder)
    return folder


def outside(tmp_path: Path) -> Path:
    """A folder outside the sources holding a notice, a sidecar and a glossary with SECRET."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(
        f"{SECRET}安全生产工作要点\n\n一、{SECRET}总体要求\n（一）{SECRET}。\n", encoding="utf-8"
    )
    (folder / "secret.yml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    glossary = (SOURCE_DIR / "glossary.yml").read_text(encoding="utf-8")
    glossary = glossary.replace("explanation: ", f"explanation: {SECRET}")
    (folder / "glossary.yml").write_text(glossary, encoding="utf-8")
    return folder


def failures_naming(report: ConvertReport, name: str) -> list[str]:
    """Messages of the failures that name ``name``."""
    return [failure.message for failure in report.failures if name in failure.message]


def outputs_holding(folder: Path, text: str) -> list[str]:
    """Every file under ``folder`` whose bytes contain ``text``."""
    needle = text.encode("utf-8")
    files = [folder] if folder.is_file() else folder.rglob("*")
    return [str(path) for path in files if path.is_file() and needle in path.read_bytes()]


def test_links_leaving_the_sources_are_refused_and_never_read(tmp_path: Path) -> None:
    away = outside(tmp_path)
    source = sources(tmp_path / "src", curated=True)
    (source / "p.txt").symlink_to(away / "secret.txt")
    shutil.copy(OTHER, source / "q.txt")
    (source / "q.yml").symlink_to(away / "secret.yml")
    (source / "glossary.yml").unlink()
    (source / "glossary.yml").symlink_to(away / "glossary.yml")
    (source / "sub").symlink_to(away, target_is_directory=True)
    report = convert(source, tmp_path / "out")
    for link in ("p.txt", "q.yml", "glossary.yml", "sub"):
        messages = failures_naming(report, link)
        assert messages, f"{link}: no error naming it in {report.failures}"
        assert all("outside" in message for message in messages), messages
    assert {notice.source.file for notice in report.notices} == {GOOD}
    assert outputs_holding(tmp_path / "out", SECRET) == []
    assert (tmp_path / "out" / "notices" / "index.md").is_file()


def test_dangling_links_and_loops_are_reported(tmp_path: Path) -> None:
    source = sources(tmp_path / "src")
    (source / "dangling.txt").symlink_to(source / "nowhere.txt")
    (source / "self.txt").symlink_to("self.txt")
    (source / "ping.txt").symlink_to("pong.txt")
    (source / "pong.txt").symlink_to("ping.txt")
    (source / "gone").symlink_to(tmp_path / "no-such-folder", target_is_directory=True)
    report = load_archive(source)
    assert "dangles" in " ".join(failures_naming(report, "dangling.txt"))
    assert "dangles" in " ".join(failures_naming(report, "gone"))
    for looped in ("self.txt", "ping.txt", "pong.txt"):
        assert "loop" in " ".join(failures_naming(report, looped)), report.failures
    assert [notice.source.file for notice in report.notices] == [GOOD]


def test_links_that_stay_inside_are_followed(tmp_path: Path) -> None:
    source = sources(tmp_path / "src")
    (source / "real").mkdir()
    shutil.copy(OTHER, source / "real" / "other.txt")
    (source / "real" / "shared.yml").write_text("region: 滕州市\n", encoding="utf-8")
    (source / "alias.txt").symlink_to(Path("real") / "other.txt")
    (source / "alias.yml").symlink_to(Path("real") / "shared.yml")
    (source / "again").symlink_to("real", target_is_directory=True)  # not walked twice
    report = load_archive(source)
    assert report.failures == []
    files = sorted(notice.source.file for notice in report.notices)
    assert files == [GOOD, "alias.txt", "real/other.txt"]
    alias = next(notice for notice in report.notices if notice.source.file == "alias.txt")
    assert alias.metadata.region == "滕州市"


def test_check_names_the_link_and_fails(tmp_path: Path) -> None:
    away = outside(tmp_path)
    source = sources(tmp_path / "source_texts", curated=True)
    (source / "p.txt").symlink_to(away / "secret.txt")
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--source", str(source)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "p.txt" in result.stderr and "outside" in result.stderr
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("link", ["p.txt", "glossary.yml"])
def test_strict_site_build_refuses_before_writing_anything(tmp_path: Path, link: str) -> None:
    away = outside(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "build_tools", project / "build_tools")
    copy_hand_written_docs(project / "docs")
    source = sources(project / "source_texts", curated=True)
    (source / link).unlink(missing_ok=True)
    (source / link).symlink_to(away / ("secret.txt" if link.endswith(".txt") else link))
    docs_before = sorted(path.relative_to(project) for path in (project / "docs").rglob("*"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", "site"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode != 0
    assert link in result.stderr and "outside" in result.stderr
    assert not (project / "site").exists()
    assert sorted(path.relative_to(project) for path in (project / "docs").rglob("*")) == (
        docs_before
    )
    for folder in project.iterdir():
        if folder.name != "source_texts":
            assert outputs_holding(folder, SECRET) == [], folder
