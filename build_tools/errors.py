"""The few exceptions the build tools raise; each names a file and says what to do."""

from __future__ import annotations

import errno
from pathlib import Path


class ArchiveError(Exception):
    """Base class of every error a person is expected to act on."""


class SourceError(ArchiveError):
    """A notice or its sidecar cannot be used as it is."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
        entry: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.key = key
        self.entry = entry
        self.message = message
        self.hint = hint
        where = self.path if line is None else f"{self.path}:{line}"
        subject = "".join(
            [f"entry '{entry}': " if entry is not None else "", f"key '{key}': " if key else ""]
        )
        text = f"{where}: {subject}{message}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class SidecarError(SourceError):
    """A sidecar YAML file is malformed or holds an invalid value."""


class LinkError(SourceError):
    """A link under the source folder that leaves it, dangles or loops: never followed."""


class CuratedDataError(SourceError):
    """Curated reference data (glossary, sectors) is malformed; names file, entry and key."""


class OutputCollisionError(ArchiveError):
    """Two notices would have one id: one raw file and one earlier address (notices/<id>/)."""

    def __init__(self, slug: str, first: str, second: str) -> None:
        self.slug = slug
        self.files = (first, second)
        super().__init__(
            f"{second}: would have the same id '{slug}' (raw file, earlier address) as {first}; "
            "rename one of the two source files"
        )


class OutputError(ArchiveError):
    """A folder the build writes into cannot be written: read-only, a file, a full disk."""

    def __init__(self, path: Path | str, error: OSError) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {_what_to_do(error)}")


def _what_to_do(error: OSError) -> str:
    if error.errno in (errno.EEXIST, errno.ENOTDIR):
        return "is a file, not a folder; move it out of the way so the folder can be made"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"not writable ({error.strerror}); make it writable (chmod -R u+w) or build "
            "from a writable copy of the project"
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "no space left on the device; free some space and build again"
    return f"cannot be written ({error.strerror or error}); fix that and build again"


class PublishError(ArchiveError):
    """The site could not be published; the previous site is left as it was."""
