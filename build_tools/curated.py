"""Curated YAML lists (glossary, sectors): safe loading with the line of every entry and key.

Errors name the file, the line, the entry (its id, or its position) and the key. A bad entry
is left out with its error and the others are kept (``read_entries``, ``each``, ``unique``),
so one mistake never empties the glossary of a non-strict build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from build_tools.confine import check_inside
from build_tools.errors import CuratedDataError
from build_tools.textutil import RESERVED_NAMES
from build_tools.yamlvalues import forbidden_character

T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """One mapping of a curated list, with where each key stands in the file."""

    path: Path
    index: int
    line: int
    values: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The entry's id, or its position when it has none."""
        ident = self.values.get("id")
        return ident if isinstance(ident, str) and ident else f"#{self.index + 1}"

    def error(self, key: str | None, message: str) -> CuratedDataError:
        """An error about this entry (and key), pointing at its line."""
        line = self.key_lines.get(key, self.line) if key else self.line
        return CuratedDataError(self.path, message, line=line, key=key, entry=self.name)

    def text(self, key: str) -> str:
        """A required, non-empty text value."""
        value = self.values.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "expected non-empty text")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """A text value that may be missing or null."""
        if self.values.get(key) is None:
            return None
        return self.text(key)

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of non-empty texts (missing or null means empty)."""
        value = self.values.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, "expected a list of non-empty text")
        return tuple(v.strip() for v in value)

    def word(self, key: str) -> str:
        """A required word that is looked for in notice text (see ``words``)."""
        return self._check_word(key, self.text(key))

    def words(self, key: str) -> tuple[str, ...]:
        """Words looked for in notice text: two characters or more, not punctuation alone,
        since a shorter one would be found almost everywhere."""
        return tuple(self._check_word(key, word) for word in self.texts(key))

    def _check_word(self, key: str, word: str) -> str:
        if len(word) < 2:
            raise self.error(key, f"'{word}' is one character; use a word of two or more")
        if not any(char.isalnum() for char in word):
            raise self.error(key, f"'{word}' is punctuation only; use a word")
        return word


def present(path: Path) -> bool:
    """Whether the curated file ``path`` exists; a link that leaves its folder, dangles or
    loops is refused (LinkError), never read and never taken for a missing file."""
    check_inside(path, path.parent)
    return path.is_file()


def load_entries(path: Path, allowed: frozenset[str], required: frozenset[str]) -> list[Entry]:
    """Every entry of a YAML list file, with unknown and missing keys rejected."""
    entries, errors = read_entries(path, allowed, required)
    if errors:
        raise errors[0]
    return entries


def read_entries(
    path: Path, allowed: frozenset[str], required: frozenset[str]
) -> tuple[list[Entry], list[CuratedDataError]]:
    """The usable entries of a YAML list file, and an error for each one left out (unknown
    or missing keys, a control character). A file that is no YAML list raises."""
    check_inside(path, path.parent)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CuratedDataError(path, f"cannot be read as UTF-8 text: {exc}") from exc
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return [], []
        if not isinstance(root, yaml.SequenceNode):
            raise CuratedDataError(path, "must be a list of entries", line=1)
        made = [_entry(loader, path, index, node) for index, node in enumerate(root.value)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise CuratedDataError(path, f"is not valid YAML: {problem}", line=line) from exc
    finally:
        loader.dispose()
    entries: list[Entry] = []
    errors = [entry for entry in made if isinstance(entry, CuratedDataError)]
    for entry in made:
        if isinstance(entry, Entry):
            try:
                _check_keys(entry, allowed, required)
                entries.append(entry)
            except CuratedDataError as exc:
                errors.append(exc)
    errors.sort(key=lambda error: error.line or 0)
    return entries, errors


def each(
    entries: list[Entry], make: Callable[[Entry], T], errors: list[CuratedDataError]
) -> list[tuple[Entry, T]]:
    """Each entry with the object made from it; an entry that cannot be made is left out
    and its error added to ``errors``, so one bad entry never costs the others."""
    made: list[tuple[Entry, T]] = []
    for entry in entries:
        try:
            made.append((entry, make(entry)))
        except CuratedDataError as exc:
            errors.append(exc)
    return made


def unique(
    made: list[tuple[Entry, T]], ident: Callable[[T], str], errors: list[CuratedDataError]
) -> list[tuple[Entry, T]]:
    """The entries whose id no earlier entry has, and no page the build makes itself."""
    seen: dict[str, Entry] = {}
    kept: list[tuple[Entry, T]] = []
    for entry, item in made:
        key = ident(item)
        if key in RESERVED_NAMES:
            errors.append(entry.error("id", f"'{key}' names the list page itself; choose another"))
        elif key in seen:
            errors.append(entry.error("id", f"duplicate id, also used by entry {seen[key].name}"))
        else:
            seen[key] = entry
            kept.append((entry, item))
    return kept


def _check_keys(entry: Entry, allowed: frozenset[str], required: frozenset[str]) -> None:
    unknown = sorted(set(entry.values) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed))
        raise entry.error(unknown[0], f"unknown key (known keys: {known})")
    missing = sorted(required - set(entry.values))
    if missing:
        raise entry.error(missing[0], "is required")
    for key, value in entry.values.items():
        odd = forbidden_character(value)
        if odd:
            raise entry.error(key, odd)


def _entry(
    loader: yaml.SafeLoader, path: Path, index: int, node: yaml.Node
) -> Entry | CuratedDataError:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        return CuratedDataError(
            path, "each entry must be a mapping", line=line, entry=f"#{index + 1}"
        )
    values: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            return CuratedDataError(
                path, f"key {key!r} is not text", line=line, entry=f"#{index + 1}"
            )
        values[key] = loader.construct_object(value_node, deep=True)
        key_lines[key] = key_node.start_mark.line + 1
    return Entry(path, index, line, values, key_lines)
