"""Write generated pages: atomically, only when changed, removing stale files.

A manifest (``.manifest.json``, ignored by MkDocs as a dotfile) lists what the last build
wrote, so files whose source is gone are removed and hand-made files are never touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from build_tools.errors import ArchiveError, OutputError

MANIFEST = ".manifest.json"
JOURNAL = ".journal.json"
KEYS = ".keys.json"  # path -> [key, size, mtime_ns] of files written as Keyed content


@dataclass(frozen=True)
class Stream:
    """Text made piece by piece (a large export): written as it comes, never held whole."""

    chunks: Iterable[str]


Made = str | bytes | Path | Stream


@dataclass(frozen=True)
class Keyed:
    """Content named by a key of everything it is made from (notices, curated data, code).

    When the file on disk was written by an earlier build under the same key and has not
    been touched since (same size and modification time), it is kept and ``make`` is never
    called: a build after one notice changed skips the pages that do not depend on it.
    """

    key: str
    make: Callable[[], Made]


Content = Made | Keyed


@dataclass(frozen=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


LOCK = ".build.lock"


def _file_mode() -> int:
    """The mode an ordinary new file gets (0644 under the usual umask 022): temporary files
    are created private (0600) and would keep that mode once renamed into place."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


LOCK_POLL_S = 0.5  # how often a waiting build tries the lock again


@contextlib.contextmanager
def build_lock(output_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``output_dir`` so two builds never write it at once.

    When another build holds it, the build is refused; with ``on_wait``, it is told so
    once (one line) and waits for the other build to finish instead, as ``mkdocs serve``
    should. The operating system releases the lock when the process ends, however it ends,
    so a killed build leaves no stale lock behind.
    """
    busy = f"{output_dir}: another build is writing here"
    with file_lock(output_dir, LOCK, busy, on_wait):
        yield


@contextlib.contextmanager
def file_lock(
    folder: Path, name: str, busy: str, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold an exclusive lock on the file ``name`` in ``folder`` (made if missing). ``busy``
    says who holds it; without ``on_wait`` a held lock is an error, with it a wait."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / name).open("a+b")
    except OSError as exc:
        raise OutputError(folder, exc) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            if on_wait is None:
                raise ArchiveError(f"{busy}; wait for it to finish and retry") from exc
            on_wait(f"{busy}; waiting for it to finish, then building")
            while True:
                time.sleep(LOCK_POLL_S)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    continue
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomic(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(handle, _file_mode())
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_outputs(
    output_dir: Path, files: Mapping[str, Content] | Iterable[tuple[str, Content]]
) -> WriteReport:
    """Bring the generated files of ``output_dir`` to exactly ``files`` (relative path → text).

    ``files`` may be a mapping or a stream of (path, content) pairs, each staged as it comes,
    so a large archive is never held in memory whole.

    All-or-nothing: changed files are first staged beside their targets; then a journal of
    the pending renames and removals is written atomically and carried out. A build killed
    before the journal exists leaves the previous output; one killed after it is completed
    by the next build (``recover``), which yields the new output. Files the manifest does
    not list are hand-made: never removed, and overwriting one is refused. A folder that
    cannot be written (read-only, full) is an ``OutputError`` naming it.
    """
    output_dir = output_dir.resolve()
    try:
        return _write_outputs(output_dir, files)
    except OSError as exc:
        named = Path(os.fsdecode(exc.filename)) if exc.filename is not None else output_dir
        if not named.is_relative_to(output_dir):
            raise  # reading an input failed, not writing the output
        raise OutputError(output_dir, exc) from exc


def _write_outputs(
    output_dir: Path, files: Mapping[str, Content] | Iterable[tuple[str, Content]]
) -> WriteReport:
    recover(output_dir)
    for orphan in output_dir.rglob(".*.tmp"):  # staged by a build killed before its journal
        orphan.unlink(missing_ok=True)
    previous = set(_read_manifest(output_dir))
    known = _read_keys(output_dir)
    items = files.items() if isinstance(files, Mapping) else files
    listed: set[str] = set()
    staged: dict[str, str] = {}
    unchanged: list[str] = []
    keys: dict[str, list[str | int]] = {}
    try:
        for relative, value in items:
            if relative in listed:
                raise ArchiveError(f"{relative}: generated twice in one build")
            listed.add(relative)
            target = _inside(output_dir, relative)
            key = None
            if isinstance(value, Keyed):
                key, seen = value.key, known.get(relative)
                if seen and seen == [key, *_stamp(target)]:
                    unchanged.append(relative)
                    keys[relative] = seen
                    continue
                value = value.make()
            if _put(target, value, staged, relative):
                unchanged.append(relative)
            elif target.is_file() and relative not in previous:
                raise ArchiveError(
                    f"{target}: exists but was not generated by the build; move it out of "
                    "the way (generated folders are rebuilt from source_texts/)"
                )
            if key is not None:
                keys[relative] = [key, *_stamp(Path(staged.get(relative, target)))]
    except BaseException:
        for temporary in staged.values():
            Path(temporary).unlink(missing_ok=True)
        raise
    removed = [r for r in sorted(previous - listed) if _inside(output_dir, r).is_file()]
    journal = {"rename": staged, "remove": removed, "manifest": sorted(listed), "keys": keys}
    write_atomic(output_dir / JOURNAL, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    recover(output_dir)
    return WriteReport(tuple(sorted(staged)), tuple(sorted(unchanged)), tuple(removed))


def _put(target: Path, value: Made, staged: dict[str, str], relative: str) -> bool:
    """Stage ``value`` for ``target`` unless the file already holds exactly it (then True)."""
    if isinstance(value, Stream):
        # Staged first, then compared on disk: the text is never in memory whole.
        temporary = staged[relative] = _stage(target, value.chunks)
        if target.is_file() and filecmp.cmp(temporary, target, shallow=False):
            Path(staged.pop(relative)).unlink()
            return True
        return False
    content = _bytes(value)
    if target.is_file() and target.read_bytes() == content:
        return True
    staged[relative] = _stage(target, content)
    return False


def _stamp(path: Path) -> list[int]:
    """Size and modification time of a file ([] if there is none): a touched file differs.
    Renaming a staged file keeps both, so the stamp of the staged file is the final one."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return []
    return [status.st_size, status.st_mtime_ns]


def recover(output_dir: Path) -> None:
    """Finish the writes of a build that was interrupted after its journal was written."""
    path = output_dir / JOURNAL
    if not path.is_file():
        return
    journal = json.loads(path.read_text(encoding="utf-8"))
    for relative, temporary in journal["rename"].items():
        if Path(temporary).is_file():
            os.replace(temporary, _inside(output_dir, relative))
    for relative in journal["remove"]:
        _inside(output_dir, relative).unlink(missing_ok=True)
    _write_manifest(output_dir, journal["manifest"])
    _write_json(output_dir / KEYS, journal.get("keys", {}))
    path.unlink()


def _stage(target: Path, content: bytes | Iterable[str]) -> str:
    """Write ``content`` (bytes, or text chunks as UTF-8) to a hidden temporary file beside
    ``target``; return its path. Nothing is left behind if making the content fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    os.fchmod(handle, _file_mode())
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                for chunk in content:
                    stream.write(chunk.encode("utf-8"))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _bytes(content: str | bytes | Path) -> bytes:
    """Text is written as UTF-8; a Path means 'copy that file's bytes' (read only now)."""
    if isinstance(content, Path):
        return content.read_bytes()
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _write_manifest(output_dir: Path, listed: list[str]) -> None:
    manifest = json.dumps(listed, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    path = output_dir / MANIFEST
    if not path.is_file() or path.read_bytes() != manifest:
        write_atomic(path, manifest)


def _write_json(path: Path, data: object) -> None:
    """Write ``data`` unless the file holds it already (``mkdocs serve`` watches the folder)."""
    content = json.dumps(data, ensure_ascii=False).encode("utf-8")
    if not path.is_file() or path.read_bytes() != content:
        write_atomic(path, content)


def _read_keys(output_dir: Path) -> dict[str, list[str | int]]:
    """The keys of the last build's Keyed files (none if unreadable: everything is made)."""
    try:
        found = json.loads((output_dir / KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _inside(output_dir: Path, relative: str) -> Path:
    """The output path for ``relative``; refuses anything that would leave ``output_dir``."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return output_dir.joinpath(*pure.parts)


def generated_files(output_dir: Path) -> set[str]:
    """Paths (relative, POSIX) of every file the last conversion wrote into ``output_dir``."""
    return set(_read_manifest(output_dir))


def _read_manifest(output_dir: Path) -> list[str]:
    try:
        listed = json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [item for item in listed if isinstance(item, str)]
