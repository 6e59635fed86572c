"""Texts parked on disk between reading the notices and writing their pages.

Every notice page and outline is made while the notices are read, but can only be written
once the whole archive is known (a page lists its related notices). Held in memory, they
would grow with the archive (about 1 GB of compressed pages at 10,000 notices); parked here
they stay zlib-compressed in one anonymous temporary file, which the system removes when
it is closed, however the build ends.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from typing import IO


class Parked:
    """Compressed texts by key, kept in a temporary file; each is read back on request."""

    def __init__(self) -> None:
        # Open for the life of the object (closed by close()), hence no with-block.
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._where: dict[str, tuple[int, int]] = {}

    def put(self, key: str, packed: bytes) -> None:
        """Park ``packed`` (zlib-compressed UTF-8, see ``pack``) under ``key``."""
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(packed)
        self._where[key] = (offset, len(packed))

    def get(self, key: str) -> str | None:
        """The text parked under ``key``, or None."""
        where = self._where.get(key)
        if where is None:
            return None
        self._file.seek(where[0])
        return unpack(self._file.read(where[1]))

    def close(self) -> None:
        """Remove the temporary file; nothing can be read afterwards."""
        self._file.close()
        self._where.clear()


def pack(text: str) -> bytes:
    """Text compressed for keeping (fast level: this is about memory, not disk)."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(packed: bytes) -> str:
    """The text ``pack`` compressed."""
    return zlib.decompress(packed).decode("utf-8")
