"""The benchmark runs end to end on a tiny corpus (CI runs only this size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.corpus import generate
from benchmarks.huge import huge_notice, one_giant_item
from benchmarks.run import main
from build_tools.convert import load_archive


def test_the_corpus_is_deterministic_and_parses(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 12)
    second = generate(tmp_path / "b", 12)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    report = load_archive(tmp_path / "a")
    assert report.failures == [] and len(report.notices) == 12
    styles = {part.style.value for notice in report.notices for part in notice.parts()}
    assert {"chinese", "arabic"} <= styles


def test_the_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke"]) == 0
    output = capsys.readouterr().out
    assert "| N | convert s |" in output and "| 10 |" in output


def test_the_huge_benchmark_prints_its_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    small = {
        "0.01 MB item": lambda: one_giant_item(0.01),
        "0.03 MB notice": lambda: huge_notice(0.03),
    }
    monkeypatch.setattr(run, "HUGE", small)
    assert main(["--huge"]) == 0
    output = capsys.readouterr().out
    assert "| notice | inspect s |" in output
    assert "| 0.01 MB item |" in output and "| 0.03 MB notice |" in output
