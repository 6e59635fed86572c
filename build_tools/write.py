"""Write generated pages: atomically, only when changed, removing stale files.

A manifest (``.manifest.json``, ignored by MkDocs as a dotfile) lists what the last build
wrote, so files whose source is gone are removed and hand-made files are never touched.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".manifest.json"


@dataclass(frozen=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def write_atomic(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_outputs(output_dir: Path, files: dict[str, str]) -> WriteReport:
    """Bring ``output_dir`` to exactly ``files`` (relative path → text) plus its manifest."""
    output_dir = output_dir.resolve()
    written: list[str] = []
    unchanged: list[str] = []
    for relative in sorted(files):
        target = _inside(output_dir, relative)
        content = files[relative].encode("utf-8")
        if target.is_file() and target.read_bytes() == content:
            unchanged.append(relative)
            continue
        write_atomic(target, content)
        written.append(relative)
    removed = []
    for relative in sorted(set(_read_manifest(output_dir)) - set(files)):
        target = _inside(output_dir, relative)
        if target.is_file():
            target.unlink()
            removed.append(relative)
    manifest = json.dumps(sorted(files), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    manifest_path = output_dir / MANIFEST
    if not manifest_path.is_file() or manifest_path.read_bytes() != manifest:
        write_atomic(manifest_path, manifest)
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed))


def _inside(output_dir: Path, relative: str) -> Path:
    """The output path for ``relative``; refuses anything that would leave ``output_dir``."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return output_dir.joinpath(*pure.parts)


def _read_manifest(output_dir: Path) -> list[str]:
    try:
        listed = json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [item for item in listed if isinstance(item, str)]
