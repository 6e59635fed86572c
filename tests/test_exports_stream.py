"""Streamed exports: the same bytes as serialising the whole list at once."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from build_tools.render import exports

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
        assert row["id"] == record["id"] and row["tags"] == "；".join(record["tags"])
