"""The command line through its real entry point (python -m build_tools)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, SOURCE_DIR

SEED_003_SLUG = "teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("command", [[], ["convert"], ["inspect"], ["check"]])
def test_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage: python -m build_tools" in result.stdout


def test_inspect_json_has_the_documented_shape() -> None:
    result = run("inspect", str(SOURCE_DIR / "003_65114f20cbda8ae2.txt"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"metadata", "outline", "cleaning"}
    assert data["metadata"]["issuer"] == "滕州市安全生产委员会"
    first = data["outline"][1]["children"][0]["children"][0]
    assert first["number"] == "1."
    assert first["style"] == "arabic"
    assert first["anchor"] == "s2-1-1"
    assert first["lead_departments"] == ["市安委会办公室"]
    assert data["cleaning"][0] == {
        "kind": "letter-spacing",
        "line": 4,
        "before": "通     知",
        "after": "通知",
    }


def test_inspect_text_output() -> None:
    result = run("inspect", str(SOURCE_DIR / "004_8c49eeea5b975a30.txt"))
    assert result.returncode == 0
    assert "s2-4-1     17．道路交通" in result.stdout
    page = "notices/2018/chong-qing-shi-liang-ping-qu-zheng-fu-gong-zuo-yao-dian/"
    assert f"\npage: {page} " in result.stdout


def test_inspect_missing_file() -> None:
    result = run("inspect", "nope.txt")
    assert result.returncode == 2
    assert "nope.txt" in result.stderr


def test_convert_and_check_report_a_bad_notice_and_go_on(tmp_path: Path) -> None:
    source = tmp_path / "source_texts"
    source.mkdir()
    for name in ("003_65114f20cbda8ae2.txt", "glossary.yml", "sectors.yml", "departments.yml"):
        shutil.copy(SOURCE_DIR / name, source)
    (source / "broken.txt").write_bytes(b"")
    output = tmp_path / "out"
    result = run("convert", "--source", str(source), "--docs", str(output))
    assert result.returncode == 1
    assert "converted 1, warnings 0, failed 1" in result.stdout
    assert "broken.txt" in result.stderr and "is empty" in result.stderr
    assert (output / "notices" / "2022" / f"{SEED_003_SLUG}.md").is_file()
    assert (output / "notices" / "003_65114f20cbda8ae2" / "index.html").is_file()
    checked = run("check", "--source", str(source))
    assert checked.returncode == 1
    assert "broken.txt" in checked.stderr
    assert not (source / "broken.md").exists()


def test_strict_makes_warnings_fatal(tmp_path: Path) -> None:
    source = tmp_path / "source_texts"
    source.mkdir()
    (source / "plain.txt").write_text("一、没有日期的通知\n正文。\n", encoding="utf-8")
    output = tmp_path / "out"
    relaxed = run("convert", "--source", str(source), "--docs", str(output))
    strict = run("convert", "--source", str(source), "--docs", str(output), "--strict")
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "no date found" in strict.stderr


def test_sectors_explain_and_inspect_json_give_item_sectors() -> None:
    explained = run("sectors", "--explain", str(SOURCE_DIR / "004_8c49eeea5b975a30.txt"))
    assert explained.returncode == 0, explained.stderr
    assert "dao-lu-jiao-tong [title]: “道路交通”(title @0)" in explained.stdout
    assert "16．加强安全宣传培训  —  no sector" in explained.stdout
    inspected = run("inspect", str(SOURCE_DIR / "004_8c49eeea5b975a30.txt"), "--json")
    data = json.loads(inspected.stdout)
    road = data["outline"][1]["children"][3]["children"][0]
    assert road["number"] == "17．" and road["sectors"][0] == "dao-lu-jiao-tong"
    assert "dao-lu-jiao-tong" in data["metadata"]["sectors"]


def test_doctor_command_runs() -> None:
    result = run("doctor")
    assert "mkdocs-material" in result.stdout and "jieba" in result.stdout
