"""Each notice's own work is cached: a rebuild after one change redoes only that notice."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from build_tools import stage
from build_tools.convert import convert, long_lived
from build_tools.parked import Parked, pack
from build_tools.permalinks import page_file
from build_tools.render import departments as departments_page
from build_tools.render import sectors as sectors_page
from tests.helpers import SOURCE_DIR, load_seed

PAGE_003 = "notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian.md"

SEEDS = sorted(p.name for p in SOURCE_DIR.glob("*.txt"))


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "source_texts"
    folder.mkdir()
    for path in SOURCE_DIR.iterdir():
        if path.suffix in (".txt", ".yml"):
            shutil.copy(path, folder)
    return folder


def _staged(sources: Path, docs: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Convert; return the files whose notices were staged afresh (not from the cache)."""
    fresh: list[str] = []
    original = stage.stage_notice

    def recording(raw, curated):  # type: ignore[no-untyped-def]
        fresh.append(raw.relative)
        return original(raw, curated)

    monkeypatch.setattr(stage, "stage_notice", recording)
    report = convert(sources, docs, cache_dir=cache)
    assert report.failures == []
    return sorted(fresh)


def test_changing_one_notice_restages_only_that_notice(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    assert _staged(sources, docs, cache, monkeypatch) == SEEDS
    first = (docs / PAGE_003).read_text(encoding="utf-8")
    assert _staged(sources, docs, cache, monkeypatch) == []
    assert (docs / PAGE_003).read_text(encoding="utf-8") == first

    changed = sources / "004_8c49eeea5b975a30.txt"
    changed.write_bytes(changed.read_bytes() + "\n十、新增一条要求。\n".encode())
    assert _staged(sources, docs, cache, monkeypatch) == ["004_8c49eeea5b975a30.txt"]
    page = page_file(load_seed("004_8c49eeea5b975a30.txt"))
    assert "新增一条要求" in (docs / page).read_text("utf-8")
    # The entry of the notice as it was is gone: the cache holds what the build used.
    assert len(list(cache.glob("*.pickle"))) == len(SEEDS)


def test_curated_data_or_code_changes_restage_everything(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    _staged(sources, docs, cache, monkeypatch)
    glossary = sources / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _staged(sources, docs, cache, monkeypatch) == SEEDS
    stage.code_version.cache_clear()
    monkeypatch.setattr(stage, "code_version", lambda: "another version")
    assert _staged(sources, docs, cache, monkeypatch) == SEEDS


def test_a_damaged_cache_entry_is_recomputed(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    _staged(sources, docs, cache, monkeypatch)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    assert _staged(sources, docs, cache, monkeypatch) == SEEDS


def test_parallel_staging_gives_the_same_pages(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    convert(sources, tmp_path / "serial")
    monkeypatch.setattr(stage, "PARALLEL_FROM", 1)
    convert(sources, tmp_path / "parallel")
    for page in sorted((tmp_path / "serial").rglob("*.md")):
        twin = tmp_path / "parallel" / page.relative_to(tmp_path / "serial")
        assert twin.read_bytes() == page.read_bytes(), page.name


def test_parked_texts_come_back_whole_and_leave_memory() -> None:
    parked = Parked()
    texts = {f"page:{n}": "一、要求。\n" * (n * 50) for n in range(1, 30)}
    for key, text in texts.items():
        parked.put(key, pack(text))
    assert all(parked.get(key) == text for key, text in reversed(texts.items()))
    assert parked.get("page:none") is None
    parked.close()
    assert parked.get("page:1") is None


@pytest.mark.parametrize("enabled", [True, False])
def test_long_lived_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with long_lived() as settle:
            assert not gc.isenabled()  # reading the notices
            settle()
            assert gc.get_freeze_count() > 0 and gc.isenabled() == enabled
        assert gc.get_freeze_count() == 0 and gc.isenabled() == enabled
        with pytest.raises(RuntimeError), long_lived():
            raise RuntimeError("a build that fails")
        assert gc.get_freeze_count() == 0 and gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def test_a_rebuild_remakes_only_the_pages_that_depend_on_the_change(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    convert(sources, docs, cache_dir=cache)
    made: list[str] = []
    for module, year_at in ((sectors_page, 1), (departments_page, 2)):
        original = module._year_page

        def recording(*args, _original=original, _at=year_at, **kwargs):  # type: ignore[no-untyped-def]
            made.append(str(args[_at]))  # the page's year
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, "_year_page", recording)
    convert(sources, docs, cache_dir=cache)
    assert made == []  # nothing changed: no year page is made again

    changed = sources / "004_8c49eeea5b975a30.txt"  # the 2018 notice
    changed.write_bytes(changed.read_bytes() + "\n十、加强危险化学品企业安全管理。\n".encode())
    report = convert(sources, docs, cache_dir=cache)
    assert made and set(made) == {"2018"}
    assert report.written is not None
    assert "sources/004_8c49eeea5b975a30.txt" in report.written.written
    assert "sources/003_65114f20cbda8ae2.txt" in report.written.unchanged
    # What the rebuild kept and what it remade is exactly what a fresh conversion makes.
    convert(sources, tmp_path / "fresh")
    assert _tree(docs) == _tree(tmp_path / "fresh")


def test_a_touched_page_is_made_again(sources: Path, tmp_path: Path) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    convert(sources, docs, cache_dir=cache)
    page = docs / PAGE_003
    original = page.read_bytes()
    page.write_bytes(original + "手工改动".encode())
    report = convert(sources, docs, cache_dir=cache)
    assert report.written is not None
    assert PAGE_003 in report.written.written
    assert page.read_bytes() == original


def test_a_rebuild_with_nothing_changed_touches_no_file(sources: Path, tmp_path: Path) -> None:
    """Not even the bookkeeping files: ``mkdocs serve`` would see a change and build again."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    convert(sources, docs, cache_dir=cache)
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    assert any(p.name == ".keys.json" for p in before)
    convert(sources, docs, cache_dir=cache)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == before
