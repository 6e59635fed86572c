"""Writing: atomic, only when changed, stale files removed, never outside the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.convert import convert
from build_tools.write import MANIFEST, write_outputs
from tests.helpers import SOURCE_DIR


def test_write_only_what_changed_and_remove_stale(tmp_path: Path) -> None:
    first = write_outputs(tmp_path, {"a.md": "甲", "b.md": "乙"})
    assert first.written == ("a.md", "b.md")
    (tmp_path / "hand-made.md").write_text("keep", encoding="utf-8")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    second = write_outputs(tmp_path, {"a.md": "甲", "c.md": "丙"})
    assert (second.written, second.unchanged, second.removed) == (("c.md",), ("a.md",), ("b.md",))
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "b.md").exists()
    assert (tmp_path / "hand-made.md").read_text(encoding="utf-8") == "keep"
    assert (tmp_path / MANIFEST).is_file()
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd", "a/../../b.md"])
def test_refuses_to_write_outside(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="outside"):
        write_outputs(tmp_path / "out", {name: "x"})


def test_two_conversions_give_identical_bytes(tmp_path: Path) -> None:
    convert(SOURCE_DIR, tmp_path / "one")
    convert(SOURCE_DIR, tmp_path / "two")
    one = {path.name: path.read_bytes() for path in (tmp_path / "one").iterdir()}
    two = {path.name: path.read_bytes() for path in (tmp_path / "two").iterdir()}
    assert one == two
    assert len(one) == 7  # five notices, the listing and the manifest


def test_a_removed_source_removes_its_page(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for path in SOURCE_DIR.glob("00[34]_*.txt"):
        (source / path.name).write_bytes(path.read_bytes())
    output = tmp_path / "out"
    convert(source, output)
    assert (output / "004_8c49eeea5b975a30.md").is_file()
    (source / "004_8c49eeea5b975a30.txt").unlink()
    report = convert(source, output)
    assert report.written is not None
    assert report.written.removed == ("004_8c49eeea5b975a30.md",)
    assert not (output / "004_8c49eeea5b975a30.md").exists()
