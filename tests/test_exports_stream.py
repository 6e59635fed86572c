"""Streamed exports: the same bytes as serialising the whole list at once."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from build_tools.render import exports
from build_tools.render.csv_cells import original_text
from build_tools.render.requirement_rows import (
    FIELDS,
    csv_export,
    json_export,
    notice_rows,
    records,
)
from tests.helpers import seed_archive

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {"id": TEXT, "number": st.integers(), "tags": st.lists(TEXT, max_size=3), "none": st.none()}
    ),
    max_size=1200,
)


@given(RECORDS)
def test_json_array_is_json_dumps_of_the_list(records: list[dict[str, Any]]) -> None:
    whole = json.dumps(records, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert "".join(exports._json_array(iter(records))) == whole


@given(RECORDS)
def test_csv_chunks_make_one_table_with_every_row(records: list[dict[str, Any]]) -> None:
    text = "".join(exports._csv(iter(records)))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert original_text(row["id"]) == record["id"]
        assert original_text(row["tags"]) == "；".join(record["tags"])


def test_requirement_exports_joined_from_each_notices_rows_are_the_whole_lists() -> None:
    archive = seed_archive()
    found = [
        record
        for notice in archive.notices
        for record in records(notice, archive.part_sectors.get(notice.slug, {}))
    ]
    assert len(found) == sum(len(n.parts()) for n in archive.notices) > 100
    parts = [notice_rows(n, archive.part_sectors.get(n.slug, {})) for n in archive.notices]
    whole = json.dumps(found, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert "".join(json_export(parts)) == whole
    assert "".join(csv_export(parts)) == "".join(exports._csv(iter(found)))
    assert tuple(found[0]) == FIELDS
    empty = [notice_rows(replace(n, paragraphs=(), outline=()), {}) for n in archive.notices]
    assert "".join(json_export(empty)) == "[]\n" and "".join(csv_export(empty)) == "\ufeff"
