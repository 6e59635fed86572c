"""Every file the build reads stays inside the source folder, under a name it can print.

A link under source_texts/ is followed only when it resolves inside source_texts/; one that
leads out of it, dangles or loops is refused by name before anything is read through it, so
nothing from elsewhere on the machine reaches a page, an export or the search data. A link
to a folder is never walked: the folder it points to is read where it is. A file name that
is not valid UTF-8 (as ``unzip`` leaves GBK names from Windows archives) is refused too.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.errors import LinkError, SourceError

_RENAME = "convmv -f gbk -t utf-8 --notest FILE"


@dataclass
class Found:
    """The notices of a source folder, and the files refused on the way with their errors."""

    notices: list[Path] = field(default_factory=list)
    refused: list[SourceError] = field(default_factory=list)


def shown(path: Path | str) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def check_name(path: Path, root: Path) -> None:
    """Refuse a file name (below ``root``) that is not valid UTF-8, saying what it reads as
    in GBK."""
    raw = os.fsencode(path.relative_to(root))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return
    guess = raw.decode("gb18030", "replace")
    raise SourceError(
        shown(path),
        f"file name is not valid UTF-8 (as GBK it reads '{guess}')",
        hint=f"rename the file in UTF-8, e.g. {_RENAME}",
    )


def check_inside(path: Path, root: Path) -> None:
    """Refuse ``path`` when it leads out of ``root`` (through a link), dangles or loops.

    A path that does not exist and is no link is left to the caller to report.
    """
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        if not path.is_symlink():
            return
        raise LinkError(
            shown(path),
            "is a link that dangles: what it points to does not exist",
            hint="remove the link, or put the file itself in its place",
        ) from None
    except (RuntimeError, OSError) as exc:  # a loop: RuntimeError before Python 3.13
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            raise SourceError(shown(path), f"cannot be read: {exc.strerror}") from exc
        raise LinkError(
            shown(path), "is a link in a loop: it leads back to itself", hint="remove the link"
        ) from None
    if not target.is_relative_to(root.resolve()):
        raise LinkError(
            shown(path),
            f"is a link to {shown(target)}, outside {shown(root)}; files outside the source "
            "folder are never read",
            hint="copy the file into the source folder instead of linking to it",
        )


def walk(
    source_dir: Path,
    suffix: str | tuple[str, ...],
    other: Callable[[Path], SourceError | None] | None = None,
) -> Found:
    """Files ending in ``suffix`` (any case) under ``source_dir`` in a stable order, hidden
    folders (.git) left out; every link met on the way is checked, and refused if it leaves.
    ``other`` says why any other file is refused, or None to pass over it."""
    found = Found()

    def unreadable(exc: OSError) -> None:
        found.refused.append(SourceError(shown(exc.filename), f"cannot be read: {exc.strerror}"))

    for folder, folders, files in os.walk(source_dir, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in sorted([*folders, *files]):
            path = Path(folder, name)
            linked = path.is_symlink()
            try:
                if linked:
                    check_inside(path, source_dir)
                if name.lower().endswith(suffix) and name not in folders:
                    check_name(path, source_dir)
                    if path.is_file():
                        found.notices.append(path)
                elif other is not None and name not in folders and path.is_file():
                    refusal = other(path)
                    if refusal is not None:
                        found.refused.append(refusal)
            except SourceError as exc:
                found.refused.append(exc)
    found.notices.sort()
    return found
