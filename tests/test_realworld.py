"""Accuracy on real notices copied from government and mirror pages (tests/realworld/).

The facts were labelled by reading each text, independently of the parser. The bar is the
issue's: at least 95% of all facts right and at least 90% of each field, no file failing.
``python -m tests.realworld_score`` prints the table and every miss.
"""

from __future__ import annotations

from tests.realworld_score import FIELDS, FOLDER, labelled, score


def test_every_file_is_labelled_and_every_label_has_a_file() -> None:
    listed = {entry["file"] for entry in labelled()}
    assert listed == {path.name for path in FOLDER.glob("rw*.txt")}
    assert len(listed) >= 40
    assert len({entry["site"] for entry in labelled()}) >= 20


def test_facts_are_read_right() -> None:
    result = score()
    table = ", ".join(f"{name} {result.share(name):.0%}" for name in FIELDS)
    misses = "\n".join(f"{f} {n}: expected {e!r}, got {g!r}" for f, n, e, g in result.misses)
    assert result.crashes == []
    assert result.overall >= 0.95, f"overall {result.overall:.1%} ({table})\n{misses}"
    for name in FIELDS:
        assert result.share(name) >= 0.90, f"{name} {result.share(name):.1%}\n{misses}"
