"""Whole seeds against golden Markdown and inspect JSON.

Regenerate after an intended change: python -m tests.regenerate_golden
"""

from __future__ import annotations

import pytest

from tests.regenerate_golden import GOLDEN_DIR, golden_files

EXPECTED = golden_files()


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_matches_golden_file(file_name: str) -> None:
    golden = GOLDEN_DIR / file_name
    assert golden.is_file(), f"missing {golden}; run: python -m tests.regenerate_golden"
    assert EXPECTED[file_name] == golden.read_text(encoding="utf-8"), (
        f"{file_name} differs from its golden file; if the change is intended, run "
        "python -m tests.regenerate_golden and review the diff"
    )


def test_rendering_is_deterministic() -> None:
    assert golden_files() == EXPECTED
