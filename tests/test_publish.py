"""Publishing is all-or-nothing (issue 14, finding 8).

``python -m build_tools publish`` builds into a temporary folder beside site/ and swaps it in
only when the build succeeded: a killed or failed build leaves the previous site/ as it was.
The MkDocs hook meets another build's lock with one line and waits for it; a docs folder that
cannot be written is one error line naming it, never a traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_tools import mkdocs_hooks, publish
from build_tools.errors import OutputError
from tests.conftest import copy_hand_written_docs
from tests.helpers import ROOT, SOURCE_DIR

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PREVIOUS = "<html><body>the previous site</body></html>"


def _project(folder: Path, with_site: bool = True) -> Path:
    """A copy of the project with a previous site/ in it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder)
    for name in ("overrides", "build_tools", "source_texts"):
        shutil.copytree(ROOT / name, folder / name)
    copy_hand_written_docs(folder / "docs")
    if with_site:
        (folder / "site" / "assets").mkdir(parents=True)
        (folder / "site" / "index.html").write_text(PREVIOUS, encoding="utf-8")
        (folder / "site" / "assets" / "old.css").write_text("old", encoding="utf-8")
    return folder


def _publish(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "publish", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
        check=False,
    )


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith("site."))


def _previous_site_is_intact(project: Path) -> None:
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert (project / "site" / "assets" / "old.css").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in (project / "site").rglob("*")) == [
        "assets",
        "index.html",
        "old.css",
    ]


def test_a_publish_killed_midway_leaves_the_previous_site(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    process = subprocess.Popen(
        [sys.executable, "-m", "build_tools", "publish", "--strict"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            temporary = [p for p in project.glob("site.tmp-*") if any(p.rglob("*.*"))]
            if temporary:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the build ended before it could be killed"
        assert temporary, "no temporary site folder appeared"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    _previous_site_is_intact(project)
    assert _leftovers(project)  # the killed run's folder, removed by the next run


def test_a_failed_strict_publish_leaves_the_previous_site_and_clears_stale_folders(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "project")
    (project / "site.tmp-killed" / "assets").mkdir(parents=True)  # as a killed run leaves it
    (project / "site.tmp-killed" / "assets" / "x.css").write_text("x", encoding="utf-8")
    (project / "source_texts" / "bad.txt").write_text("2031年安全生产工作要点\n", encoding="utf-8")
    (project / "source_texts" / "bad.yml").write_text("colour: blue\n", encoding="utf-8")
    result = _publish(project, "--strict")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "site" in last and "unchanged" in last, last
    _previous_site_is_intact(project)
    assert _leftovers(project) == []


def test_a_successful_publish_swaps_the_new_site_in(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    (project / "site.tmp-killed").mkdir()
    result = _publish(project, "--strict")
    assert result.returncode == 0, result.stderr
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "安全生产工作要点档案" in index and index != PREVIOUS
    assert not (project / "site" / "assets" / "old.css").exists()
    assert (project / "site" / "notices").is_dir()
    assert _leftovers(project) == []
    assert oct((project / "site").stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_the_hook_meets_a_held_lock_with_one_line_and_retries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path / "project", with_site=False)
    docs = project / "docs"
    script = (
        "import sys, time\nfrom pathlib import Path\nfrom build_tools.write import build_lock\n"
        f"with build_lock(Path({str(docs)!r})):\n print('held', flush=True)\n time.sleep(3)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    config = {"config_file_path": str(project / "mkdocs.yml"), "docs_dir": str(docs)}
    config["strict"] = False  # type: ignore[assignment]
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with caplog.at_level(logging.INFO, logger="mkdocs.hooks.build_tools"):
            mkdocs_hooks.on_pre_build(config)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    waiting = [r for r in caplog.records if "another build" in r.getMessage()]
    assert len(waiting) == 1, [r.getMessage() for r in caplog.records]
    assert waiting[0].levelno == logging.INFO and str(docs) in waiting[0].getMessage()
    assert waited >= 2
    assert (docs / "index.md").is_file() and (docs / "notices").is_dir()


def test_a_lock_released_while_waiting_is_taken_at_once(tmp_path: Path) -> None:
    from build_tools.write import build_lock

    lines: list[str] = []
    release = threading.Event()

    def hold() -> None:
        with build_lock(tmp_path):
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    threading.Timer(0.5, release.set).start()
    with build_lock(tmp_path, on_wait=lines.append):
        pass
    holder.join()
    assert len(lines) == 1 and "another build is writing" in lines[0]


def _read_only(folder: Path) -> list[str]:
    """Make ``folder`` read-only; the command prefix that sees it so ([] if chmod works)."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    if not os.access(folder, os.W_OK):
        return []
    # Root ignores file modes: a read-only bind mount in a private mount namespace instead.
    prefix = ["unshare", "-m", "--propagation", "private", "sh", "-c",
              f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}"'
              ' && exec "$@"', "sh"]  # fmt: skip
    probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode == 0:
        pytest.skip("cannot make a folder read-only here (root without mount namespaces)")
    return prefix


def test_a_read_only_docs_folder_is_one_clear_error(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", with_site=False)
    docs = project / "docs"
    prefix = _read_only(docs)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            capture_output=True,
            text=True,
            env=ENV,
            timeout=600,
            check=False,
        )
    finally:
        for path in [docs, *docs.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if str(docs) in line]
    assert len(errors) == 1 and "writable" in errors[0], result.stderr


def test_a_docs_path_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    shutil.rmtree(project / "docs")
    (project / "docs").write_text("not a folder", encoding="utf-8")
    converted = subprocess.run(
        [sys.executable, "-m", "build_tools", "convert", "--source", str(SOURCE_DIR),
         "--docs", str(project / "docs")],
        cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600, check=False,
    )  # fmt: skip
    assert converted.returncode == 1 and "Traceback" not in converted.stderr
    assert converted.stderr.startswith(f"error: {project / 'docs'}: ")
    assert "not a folder" in converted.stderr
    published = _publish(project)
    assert published.returncode != 0 and "Traceback" not in published.stderr
    last = published.stderr.strip().splitlines()[-1]
    assert str(project / "docs") in last and "not a folder" in last, published.stderr
    _previous_site_is_intact(project)
    assert _leftovers(project) == []


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_hook_turns_an_unwritable_docs_folder_into_one_line(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    project = _project(tmp_path / "project", with_site=False)
    docs = project / "docs"

    def refuse(*_: object, **__: object) -> None:
        raise OutputError(docs, PermissionError(errno.EACCES, "Permission denied"))

    monkeypatch.setattr(mkdocs_hooks, "convert", refuse)
    config = {"config_file_path": str(project / "mkdocs.yml"), "docs_dir": str(docs)}
    config["strict"] = False  # type: ignore[assignment]
    mkdocs_hooks.on_startup(command=command, dirty=False)
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs.hooks.build_tools"):
            if command == "build":  # MkDocs prints a BuildError as one line and stops
                with pytest.raises(PluginError, match=r"not writable.*make it writable"):
                    mkdocs_hooks.on_pre_build(config)
            else:  # serve: one line, and the server goes on with the pages it has
                mkdocs_hooks.on_pre_build(config)
    finally:
        mkdocs_hooks.on_startup(command="build", dirty=False)
    lines = [r.getMessage() for r in caplog.records if str(docs) in r.getMessage()]
    if command == "serve":
        assert len(lines) == 1 and lines[0].startswith(f"not converted: {docs}: not writable")
    else:
        assert lines == []


def test_a_full_disk_leaves_the_previous_site(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", with_site=False)
    small = tmp_path / "small"
    small.mkdir()
    # A 1 MB file system for the site, in a private mount namespace (root only).
    script = (
        'mount -t tmpfs -o size=1m tmpfs "$1" || exit 90\n'
        'mkdir "$1/site" && printf previous > "$1/site/index.html"\n'
        '"$2" -m build_tools publish --strict --site-dir "$1/site"\n'
        'echo "status=$?"; cat "$1/site/index.html"; echo; ls -a "$1"\n'
    )
    result = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(small),
         sys.executable],
        cwd=project, capture_output=True, text=True, env=ENV, timeout=600, check=False,
    )  # fmt: skip
    if (
        result.returncode == 90
        or "unshare failed" in result.stderr
        or shutil.which("unshare") is None
    ):
        pytest.skip("cannot mount a small file system here")
    assert "Traceback" not in result.stderr, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "no space left" in last and f"{small / 'site'} is unchanged" in last, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "status=1" and lines[1] == "previous"
    assert sorted(lines[2:]) == [".", "..", ".site.lock", "site"]


@pytest.mark.parametrize("atomic", [True, False])
def test_the_swap_puts_the_new_site_in_place_and_the_previous_one_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:  # a system without renameat2's exchange: two renames
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    site, built = tmp_path / "site", tmp_path / "site.tmp-new"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    built.mkdir()
    (built / "index.html").write_text("new", encoding="utf-8")
    publish._swap_in(built, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert (built / "index.html").read_text(encoding="utf-8") == "old"  # removed by the caller
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.tmp-new"]


def test_a_site_lost_between_two_renames_is_restored_by_the_next_run(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "site.old-abc").mkdir()  # killed after moving the previous site aside
    (tmp_path / "site.old-abc" / "index.html").write_text("previous", encoding="utf-8")
    (tmp_path / "site.tmp-abc").mkdir()  # ... before moving the new one in
    publish._clear_leftovers(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
