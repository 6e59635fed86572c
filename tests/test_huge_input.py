"""Linear time on huge input: a 10 MB item and a 30 MB notice are inspected and converted
in seconds, not hours (issue 14: a 1 MB item took 13 s, 4 MB 192 s, 30 MB never ended).

Each run is a subprocess with a generous time limit, so a regression fails the test
instead of hanging the suite. The timed numbers are in benchmarks/RESULTS.md
(``python -m benchmarks.run --huge``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.huge import huge_notice, one_giant_item, write_notice
from build_tools.model import Evidence, Sector
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import Taxonomy
from tests.helpers import ROOT, SOURCE_DIR

LIMIT_S = 60  # generous: about 10 s each on the project's 2-core machine
CURATED = ("glossary.yml", "sectors.yml", "departments.yml")


def _sources(folder: Path, text: str) -> Path:
    for name in CURATED:
        shutil.copy(SOURCE_DIR / name, folder / name)
    return write_notice(folder, "huge.txt", text)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "build_tools", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=LIMIT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args[:1])} took over {LIMIT_S} s: something is super-linear")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(lambda: one_giant_item(10), id="10MB-item"),
        pytest.param(lambda: huge_notice(30), id="30MB-notice"),
    ],
)
def test_a_huge_notice_is_inspected_and_converted_in_linear_time(
    tmp_path: Path, text: object
) -> None:
    assert callable(text)
    source = tmp_path / "source_texts"
    source.mkdir()
    path = _sources(source, text())
    inspected = _run("inspect", str(path), "--json")
    assert inspected.returncode == 0, inspected.stderr
    assert '"lead_departments": [\n' in inspected.stdout
    converted = _run(
        "convert",
        "--quiet",
        "--no-cache",
        "--source",
        str(source),
        "--docs",
        str(tmp_path / "docs"),
    )
    assert converted.returncode == 0, converted.stderr + converted.stdout
    notices = tmp_path / "docs" / "notices"
    assert len(list(notices.glob("*/*.md"))) == 1  # notices/<year>/<slug>.md
    assert (notices / "huge" / "index.html").is_file()  # its address by file name


def _excluded_by_search(exclusions: tuple[str, ...], content: str, offset: int, word: str) -> bool:
    """The rule as first written (quadratic on large text): some occurrence of an exclusion
    starts at or before the keyword and ends at or after it."""
    for exclusion in exclusions:
        start = content.find(exclusion, max(0, offset - len(exclusion)))
        while start != -1 and start <= offset:
            if start + len(exclusion) >= offset + len(word):
                return True
            start = content.find(exclusion, start + 1)
    return False


def _sector(sector_id: str, keywords: tuple[str, ...], exclusions: tuple[str, ...]) -> Sector:
    return Sector(sector_id, sector_id, keywords=keywords, exclusions=exclusions)


FRAGMENTS = [
    "交通",
    "交通运输",
    "交通运输局",
    "道路交通",
    "运输局",
    "矿山",
    "非煤矿山",
    "非煤矿",
    "煤矿",
    "，",
    "市",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_keywords_inside_exclusions_are_found_as_by_searching_the_whole_text(
    pieces: list[str],
) -> None:
    taxonomy = Taxonomy(
        (
            _sector("dao-lu", ("道路交通", "交通"), ("交通运输局", "交通运输")),
            _sector("mei-kuang", ("煤矿", "矿山"), ("非煤矿山", "非煤矿")),
            _sector("fei-mei", ("非煤矿山", "矿山"), ()),
        )
    )
    classifier = SectorClassifier(taxonomy)
    content = "".join(pieces)
    expected: dict[str, list[Evidence]] = {}
    for offset, word, ids in classifier._find(content):
        for sector in taxonomy.sectors:
            if sector.id in ids and not _excluded_by_search(
                sector.exclusions, content, offset, word
            ):
                expected.setdefault(sector.id, []).append(Evidence(word, "text", offset))
    found = {hit.sector: list(hit.evidence) for hit in classifier.classify(None, content)}
    assert found == expected
