"""Long year lists of sectors and roles are split over pages: nothing lost, links that work."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from build_tools.convert import convert
from build_tools.render import pages
from tests.conftest import copy_hand_written_docs
from tests.helpers import ROOT, SOURCE_DIR

ITEM = re.compile(r'<details class="requirement"><summary><a href="([^"]+)"')
LINK = re.compile(r"\]\(([^)#]+\.md)(?:#([\w-]+))?\)")
PAGE = re.compile(r"^(\d{4}|unknown)(?:-(\d+))?\.md$")


def _lists(docs: Path) -> dict[str, list[list[str]]]:
    """Each year list (folder/year) as the items of its pages, page by page."""
    found: dict[str, dict[int, list[str]]] = {}
    for folder in ("sectors", "departments"):
        for path in (docs / folder).glob("*/*.md"):
            match = PAGE.match(path.name)
            assert match, path
            key = f"{folder}/{path.parent.name}/{match.group(1)}"
            items = ITEM.findall(path.read_text(encoding="utf-8"))
            found.setdefault(key, {})[int(match.group(2) or 1)] = items
    return {key: [by_page[n] for n in sorted(by_page)] for key, by_page in found.items()}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    whole, split = tmp_path_factory.mktemp("whole"), tmp_path_factory.mktemp("split")
    convert(SOURCE_DIR, whole)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE_SIZE", 3)
        convert(SOURCE_DIR, split)
    return whole, split


def test_every_item_is_on_exactly_one_page_in_the_same_order(
    converted: tuple[Path, Path],
) -> None:
    whole, split = _lists(converted[0]), _lists(converted[1])
    assert set(whole) == set(split)
    assert all(len(listed) == 1 for listed in whole.values())
    long = [key for key, listed in split.items() if len(listed) > 1]
    assert len(long) > 10  # the seeds give many lists longer than three
    for key, listed in split.items():
        assert [item for page in listed for item in page] == whole[key][0], key
        assert all(1 <= len(page) <= 3 for page in listed), key


def test_pager_and_level_links_lead_to_pages_and_headings_that_exist(
    converted: tuple[Path, Path],
) -> None:
    docs = converted[1]
    checked = 0
    for path in (docs / "sectors").glob("*/*-2.md"):
        text = path.read_text(encoding="utf-8")
        assert "第 2 / " in text and "上一页" in text
        for target, anchor in LINK.findall(text):
            linked = (path.parent / target).resolve()
            assert linked.is_file(), (path, target)
            if anchor:
                assert f"#{anchor} }}" in linked.read_text(encoding="utf-8"), (path, target, anchor)
            checked += 1
    assert checked > 20


def test_a_site_with_paged_lists_builds_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs checks every pager and level link (strict: a broken one fails the build).

    Built in this process, so that the smaller page size applies to the build's hooks."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(ROOT / "build_tools", tmp_path / "build_tools")
    shutil.copytree(SOURCE_DIR, tmp_path / "source_texts")
    copy_hand_written_docs(tmp_path / "docs")
    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(tmp_path / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)  # raises on any warning
    page = tmp_path / "site" / "sectors" / "wei-xian-hua-xue-pin" / "2012-2" / "index.html"
    assert "第 2 / 3 页" in page.read_text(encoding="utf-8")
