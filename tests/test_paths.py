"""Odd source names: spaces, Chinese, leading dots; output never leaves the generated folders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_tools.convert import convert
from build_tools.parse import slug_for
from build_tools.permalinks import page_file
from tests.helpers import SOURCE_DIR

SEED = SOURCE_DIR / "003_65114f20cbda8ae2.txt"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("a b.txt", "a-b"),
        ("滕州市 2022年 要点.txt", "teng-zhou-shi-2022-nian-yao-dian"),
        (".2019年要点.txt", "2019-nian-yao-dian"),
        ("通知（2022）.txt", "tong-zhi-2022"),
        ("ａｂ.txt", "ab"),
        ("..txt", "notice"),
    ],
)
def test_names_become_safe_stable_slugs(name: str, slug: str) -> None:
    assert slug_for(name) == slug
    assert slug_for(name) == slug_for(name)


def test_odd_names_convert_inside_the_generated_folder(tmp_path: Path) -> None:
    source = tmp_path / "source_texts"
    (source / "sub dir").mkdir(parents=True)
    (source / ".git").mkdir()
    names = ["a b.txt", "滕州市 2022年 要点.txt", ".2019年要点.txt", "sub dir/..x.txt"]
    for name in names:
        shutil.copy(SEED, source / name)
    shutil.copy(SEED, source / ".git" / "ignored.txt")
    docs = tmp_path / "docs"
    report = convert(source, docs)
    assert report.failures == []
    assert sorted(n.source.file for n in report.notices) == sorted(names)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(source)]
    assert all(p.is_relative_to(docs) for p in written)
    # Four copies of one notice ask for one page: the first source path keeps it, the
    # others get a suffix; every copy keeps its earlier address (notices/<file stem>/).
    pages = {n.source.file: n.page for n in report.notices}
    first = "2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian"
    assert pages[".2019年要点.txt"] == first
    assert len(set(pages.values())) == 4
    assert all(re.fullmatch(f"{first}-[0-9a-f]{{6}}", p) for p in pages.values() if p != first)
    for notice in report.notices:
        assert (docs / page_file(notice)).is_file()
    assert (docs / "notices" / "sub-dir-x" / "index.html").is_file()
    assert (docs / "sources" / "2019-nian-yao-dian.txt").read_bytes() == SEED.read_bytes()
