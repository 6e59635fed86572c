"""The search-worker patch: applied to Material's loop, idempotent, and honest when absent."""

from __future__ import annotations

from pathlib import Path

from build_tools.search_patch import WORKER_GLOB, patch_search_worker

BUGGY = (
    "function fe(t,e){for(let s=0;s<t.length;s++)"
    "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)}"
)


def worker(site: Path, code: str) -> Path:
    path = site / WORKER_GLOB.replace("*", "abc123")
    path.parent.mkdir(parents=True)
    path.write_text(code, encoding="utf-8")
    return path


def test_the_loop_tries_the_whole_query(tmp_path: Path) -> None:
    path = worker(tmp_path, BUGGY)
    assert patch_search_worker(tmp_path) == "patched"
    assert "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e" in path.read_text(encoding="utf-8")
    assert patch_search_worker(tmp_path) == "fixed"


def test_an_unknown_worker_is_reported(tmp_path: Path) -> None:
    worker(tmp_path, "function somethingElse(){}")
    assert patch_search_worker(tmp_path) == "missing"


def test_the_installed_material_worker_is_recognised(tmp_path: Path) -> None:
    import material

    shipped = sorted((Path(material.__file__).parent / "templates").glob(WORKER_GLOB))
    assert shipped, "Material ships no search worker where expected"
    worker(tmp_path, shipped[0].read_text(encoding="utf-8"))
    assert patch_search_worker(tmp_path) in ("patched", "fixed")
