"""Fuzzing and stress: random bytes and text, huge and odd structures; no crash, no hang."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.errors import SourceError
from build_tools.parse import parse_notice
from build_tools.render.notice import render_notice
from build_tools.sources import read_source
from tests.helpers import squeeze, strip_annotations, to_html

ODD = ["\x00", "\u200b", "\ufeff", "\u202e", "\u200f", "\u0301", "\r", "\n", "一、", "（一）", "1.",
       "一是", "（1）", "〔2012〕", "<", "&", "*", "\t", "\u3000"]  # fmt: skip
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_bytes(folder: Path, data: bytes) -> str | None:
    """Parse ``data`` as a notice; return the page body, or None for a clear SourceError."""
    path = folder / "fuzz.txt"
    path.write_bytes(data)
    try:
        notice = parse_notice(read_source(path, folder))
    except SourceError as exc:
        assert "fuzz.txt" in str(exc)
        return None
    body = render_notice(notice).split("\n---\n", 1)[1]
    shown, _ = strip_annotations(to_html(body))
    assert squeeze(shown) == squeeze("".join(p.text for p in notice.paragraphs))
    return body


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        parse_bytes(Path(folder), data)


@FUZZ
@given(
    st.lists(st.one_of(st.sampled_from(ODD), st.text(min_size=1, max_size=4)), max_size=60),
    st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]),
)
def test_random_text_in_every_encoding(pieces: list[str], encoding: str) -> None:
    import tempfile

    text = "".join(pieces)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        parse_bytes(Path(folder), data)


def timed(folder: Path, text: str, budget: float = 30.0) -> tuple[int, float]:
    path = folder / "stress.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    notice = parse_notice(read_source(path, folder))
    render_notice(notice)
    elapsed = time.perf_counter() - start
    assert elapsed < budget, f"took {elapsed:.1f} s"
    anchors = [part.anchor for part in notice.parts()]
    assert len(anchors) == len(set(anchors))
    kept = squeeze("".join(p.text for p in notice.paragraphs))
    assert kept == squeeze(text)
    return len(anchors), elapsed


def test_a_one_megabyte_line(tmp_path: Path) -> None:
    assert timed(tmp_path, "一、总体要求\n" + "安全生产" * 250_000 + "\n")[0] == 1


def test_a_hundred_thousand_items(tmp_path: Path) -> None:
    lines = "".join(f"{i % 999 + 1}.内容第{i}条。\n" for i in range(100_000))
    assert timed(tmp_path, "一、总体要求\n" + lines)[0] == 100_001


def test_deep_and_out_of_order_numbering(tmp_path: Path) -> None:
    deep = "一、甲\n（一）乙\n1.丙\n（1）丁\n一是戊。\n" * 2_000
    assert timed(tmp_path, deep)[0] == 10_000
    assert timed(tmp_path, "5.五\n3.三\n9.九\n1.一\n")[0] == 4
