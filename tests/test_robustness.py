"""Robustness: re-encoded, re-wrapped or web-decorated copies of a seed parse the same.

Each variant of a seed notice is written to a temporary folder (with the seed's sidecar,
if any, under the same stem) and must give the same metadata and the same outline.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from build_tools.model import Metadata, Notice
from build_tools.parse import parse_notice
from build_tools.sources import read_source, sidecar_for
from build_tools.textutil import HAN_CLASS

SOURCE_DIR = Path(__file__).resolve().parent.parent / "source_texts"
SEEDS = sorted(SOURCE_DIR.glob("*.txt"))
HEADER_BLOCK = (
    "索 引 号: 000014349/2012-00047 | 主题分类: 安全生产监管 | 发布机构: 某局 |\n"
    "文件编号: | 有 效 性: 有效 |\n"
)
WEB_TOP = "【字体：大 中 小】\n打印本页 关闭窗口\n来源：某某网 发布时间：2016-03-01\n"
WEB_BOTTOM = "用微信“扫一扫”,点击右上角分享按钮,\n即可将网页分享给您的微信好友或朋友圈。\n"
TO_FULLWIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
_NEXT_TO_HAN = re.compile(rf"(?<=[{HAN_CLASS}])[,:;()]|[,:;()](?=[{HAN_CLASS}])")

OutlineRow = tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...]]


def halfwidth(text: str) -> str:
    """Map U+FF01..U+FF5E to ASCII and U+3000 to a space."""
    return "".join(
        chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else (" " if ch == "\u3000" else ch)
        for ch in text
    )


def identity(text: str) -> str:
    """Leave text as it is."""
    return text


def normalise(value: Any, fold: Callable[[str], str]) -> Any:
    """Apply ``fold`` to every string inside ``value`` (strings, tuples, scalars)."""
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, tuple):
        return tuple(normalise(item, fold) for item in value)
    return value


def metadata_of(notice: Notice, fold: Callable[[str], str]) -> dict[str, Any]:
    """The notice's metadata as a dict, every string folded."""
    fields = dataclasses.asdict(notice.metadata)
    return {key: normalise(value, fold) for key, value in fields.items()}


def outline_of(notice: Notice, fold: Callable[[str], str]) -> list[OutlineRow]:
    """Every part as (anchor, style, number, heading, lead, supporting), strings folded."""
    return [
        (
            part.anchor,
            str(part.style),
            fold(part.number),
            fold(part.heading) if part.heading is not None else None,
            normalise(part.lead_departments, fold),
            normalise(part.supporting_departments, fold),
        )
        for part in notice.parts()
    ]


def seed_text(seed: Path) -> str:
    """The seed's text, LF line endings."""
    return seed.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def parse_variant(seed: Path, folder: Path, data: bytes) -> Notice:
    """Write ``data`` under the seed's name (plus its sidecar) in ``folder`` and parse it."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / seed.name
    target.write_bytes(data)
    sidecar = sidecar_for(seed)
    if sidecar is not None:
        shutil.copyfile(sidecar, folder / sidecar.name)
    return parse_notice(read_source(target, folder))


def parse_seed(seed: Path) -> Notice:
    """The seed as it is in source_texts/."""
    return parse_notice(read_source(seed, SOURCE_DIR))


def map_lines(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to every line of an LF text."""
    return "\n".join(change(line) for line in text.split("\n"))


def rewrap(text: str, width: int) -> str:
    """Hard-wrap every line longer than ``width`` at ``width``; blank lines stay."""

    def wrap(line: str) -> str:
        return "\n".join(line[i : i + width] for i in range(0, len(line), width)) or line

    return map_lines(text, wrap)


def to_fullwidth_near_han(text: str) -> str:
    """Half-width , : ; ( ) beside a Han character become full-width."""
    return _NEXT_TO_HAN.sub(lambda match: TO_FULLWIDTH[match.group(0)], text)


def without_header_block(seed: Path, text: str) -> str:
    """The seed text without its own header-block lines (a page has only one)."""
    dropped = {step.line for step in parse_seed(seed).cleaning if step.kind == "header-block"}
    lines = text.split("\n")
    return "\n".join(line for number, line in enumerate(lines, 1) if number not in dropped)


def without_header_fields(metadata: Metadata) -> Metadata:
    """Metadata with the fields a header block sets (index_number, status, publisher) blanked."""
    return dataclasses.replace(metadata, index_number=None, status=None, publisher=None)


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "gb18030": lambda text: text.encode("gb18030"),
    "utf8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "halfwidth": lambda text: halfwidth(text).encode("utf-8"),
    "fullwidth-near-han": lambda text: to_fullwidth_near_han(text).encode("utf-8"),
    "wrap-40": lambda text: rewrap(text, 40).encode("utf-8"),
    "wrap-57": lambda text: rewrap(text, 57).encode("utf-8"),
    "web-chrome": lambda text: (WEB_TOP + text.rstrip("\n") + "\n" + WEB_BOTTOM).encode("utf-8"),
    "double-spaced": lambda text: "\n\n".join(text.split("\n")).encode("utf-8"),
    "padded": lambda text: map_lines(text, lambda line: f"\u3000\u3000{line}   ").encode("utf-8"),
}
FOLDED = {"halfwidth", "fullwidth-near-han"}


@pytest.fixture(scope="module")
def originals() -> dict[str, Notice]:
    """Every seed parsed once."""
    return {seed.name: parse_seed(seed) for seed in SEEDS}


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem[:3])
def test_variant_parses_like_the_original(
    seed: Path, variant: str, tmp_path: Path, originals: dict[str, Notice]
) -> None:
    original = originals[seed.name]
    changed = parse_variant(seed, tmp_path, VARIANTS[variant](seed_text(seed)))
    fold = halfwidth if variant in FOLDED else identity
    assert metadata_of(changed, fold) == metadata_of(original, fold), (
        f"{seed.name} [{variant}]: metadata differs from the original"
    )
    assert outline_of(changed, fold) == outline_of(original, fold), (
        f"{seed.name} [{variant}]: outline differs from the original"
    )


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem[:3])
def test_added_header_block_gives_its_fields(
    seed: Path, tmp_path: Path, originals: dict[str, Notice]
) -> None:
    original = originals[seed.name]
    text = HEADER_BLOCK + without_header_block(seed, seed_text(seed))
    changed = parse_variant(seed, tmp_path, text.encode("utf-8"))
    assert changed.metadata.index_number == "000014349/2012-00047", seed.name
    assert changed.metadata.status == "有效", seed.name
    assert changed.metadata.publisher == "某局", seed.name
    expected = without_header_fields(original.metadata)
    actual = without_header_fields(changed.metadata)
    assert actual == expected, f"{seed.name} [header-block]: metadata differs from the original"
    assert outline_of(changed, identity) == outline_of(original, identity), (
        f"{seed.name} [header-block]: outline differs from the original"
    )
