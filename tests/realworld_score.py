"""Score the converter against the facts labelled by hand in tests/realworld/facts.yml.

Run ``python -m tests.realworld_score`` for the per-field table and every miss. The labels
were made by reading each text, before and independently of the parser's output.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import SourceError
from build_tools.parse import parse_notice
from build_tools.sources import read_source

FOLDER = Path(__file__).resolve().parent / "realworld"
FIELDS = ("notice_title", "doc_number", "issuer", "date", "level")
_SPACE = re.compile(r"\s+")


@dataclass
class Score:
    """Right and wrong facts per field, and each miss with what was expected and found."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    crashes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def overall(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))

    def share(self, name: str) -> float:
        return self.right[name] / max(1, self.total[name])


def labelled() -> list[dict[str, Any]]:
    """The entries of facts.yml."""
    entries: list[dict[str, Any]] = yaml.safe_load(
        (FOLDER / "facts.yml").read_text(encoding="utf-8")
    )
    return entries


def _same(name: str, expected: Any, found: Any) -> bool:
    if name == "notice_title" and expected is not None and found is not None:
        return bool(_SPACE.sub("", str(expected)) == _SPACE.sub("", str(found)))
    return bool(expected == found)


def extracted(path: Path) -> dict[str, Any]:
    """The five facts the converter reads from one file."""
    notice = parse_notice(read_source(path, path.parent))
    meta = notice.metadata
    return {
        "notice_title": meta.notice_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "date": meta.date,
        "level": meta.level.value if meta.level else None,
    }


def score() -> Score:
    """Every labelled fact of every file, compared with what the converter reads."""
    result = Score()
    for entry in labelled():
        try:
            found = extracted(FOLDER / entry["file"])
        except SourceError as exc:
            result.crashes.append((entry["file"], str(exc)))
            found = dict.fromkeys(FIELDS)
        for name in FIELDS:
            expected = entry["facts"][name]
            if isinstance(expected, object) and name == "date" and expected is not None:
                expected = str(expected)
            result.total[name] += 1
            if _same(name, expected, found[name]):
                result.right[name] += 1
            else:
                result.misses.append((entry["file"], name, expected, found[name]))
    return result


def main() -> int:
    result = score()
    for name in FIELDS:
        print(
            f"{name:<13} {result.right[name]:>3}/{result.total[name]:<3} {result.share(name):6.1%}"
        )
    right, total = sum(result.right.values()), sum(result.total.values())
    print(f"{'overall':<13} {right:>3}/{total:<3} {result.overall:6.1%}")
    for file, name, expected, found in result.misses:
        print(f"MISS {file} {name}: expected {expected!r}, got {found!r}")
    for file, message in result.crashes:
        print(f"CRASH {file}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
