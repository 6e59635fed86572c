"""More variants: date styles, numbering punctuation, a gov.cn metadata table."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from build_tools.model import Level, Role
from tests.helpers import SOURCE_DIR, load_seed
from tests.test_robustness import identity, outline_of, parse_variant, seed_text

DATED = ["000_05dea3f25d6546d2.txt", "003_65114f20cbda8ae2.txt", "004_8c49eeea5b975a30.txt"]
_CN_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    tens, ones = divmod(value, 10)
    text = ("" if tens < 2 else _CN_DIGITS[tens]) + ("十" if tens else "")
    return text + (_CN_DIGITS[ones] if ones else "")


def date_styles(date: dt.date) -> list[str]:
    year = "".join(_CN_DIGITS[int(digit)] for digit in str(date.year))
    return [
        f"{year}年{chinese_numeral(date.month)}月{chinese_numeral(date.day)}日",
        f"{year.replace('〇', '零')}年{chinese_numeral(date.month)}月{chinese_numeral(date.day)}日",
        f"{date.year}年{date.month}月{date.day}日",
        f"{date.year}年{date.month:02d}月{date.day:02d}日",
        date.isoformat(),
        f"{date.year}.{date.month}.{date.day}",
        f"{date.year}/{date.month:02d}/{date.day:02d}",
    ]


@pytest.mark.parametrize("name", DATED)
def test_every_date_style_gives_the_same_date(name: str, tmp_path: Path) -> None:
    original = load_seed(name)
    assert original.metadata.date is not None
    date_line = next(p for p in original.paragraphs if p.role is Role.DATE)
    text = seed_text(SOURCE_DIR / name)
    lines = text.split("\n")
    for index, style in enumerate(date_styles(dt.date.fromisoformat(original.metadata.date))):
        lines[date_line.line - 1] = style
        changed = parse_variant(SOURCE_DIR / name, tmp_path / str(index), "\n".join(lines).encode())
        assert changed.metadata == original.metadata, style


def _fold_numbers(text: str) -> str:
    return re.sub(r"[.．、]$", ".", text.replace("（", "(").replace("）", ")"))


@pytest.mark.parametrize("marker", [".", "．", "、"])
@pytest.mark.parametrize("name", ["001_c701024b5ef4930f.txt", "003_65114f20cbda8ae2.txt"])
def test_arabic_number_punctuation_does_not_matter(name: str, marker: str, tmp_path: Path) -> None:
    original = load_seed(name)
    text = re.sub(r"(?m)^(\s*\d{1,2})[.．、]", rf"\g<1>{marker}", seed_text(SOURCE_DIR / name))
    text = re.sub(r"(?m)^（([一二三四五六七八九十]+)）", r"(\1)", text)
    changed = parse_variant(SOURCE_DIR / name, tmp_path, text.encode())
    assert outline_of(changed, _fold_numbers) == outline_of(original, _fold_numbers)
    assert changed.metadata == original.metadata


GOV_CN_TABLE = """索引号：000014349/2012-00047
主题分类：安全生产监管\\其他
发文机关：国务院办公厅
成文日期：2012年02月14日
标题：国务院办公厅关于继续深入扎实开展“安全生产年”活动的通知
发文字号：国办发〔2012〕14号
发布日期：2012年02月23日
"""


def test_a_gov_cn_metadata_table_becomes_metadata(tmp_path: Path) -> None:
    name = "002_2d3bd3a670c033dc.txt"
    original = load_seed(name)
    text = GOV_CN_TABLE + seed_text(SOURCE_DIR / name)
    changed = parse_variant(SOURCE_DIR / name, tmp_path, text.encode())
    meta = changed.metadata
    assert meta.index_number == "000014349/2012-00047"
    assert (meta.issuer, meta.level, meta.doc_number) == (
        "国务院办公厅",
        Level.NATIONAL,
        "国办发〔2012〕14号",
    )
    assert meta.notice_title == original.metadata.notice_title
    # The sidecar states the date as unknown for the bare text; it overrides the table too.
    assert meta.date is None
    assert outline_of(changed, identity) == outline_of(original, identity)
    assert [step.kind for step in changed.cleaning[:7]] == ["header-block"] * 7
