"""``python -m build_tools doctor``: is this machine ready to build and test the archive?

Each check says what it found and, when something is wrong, what to do about it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Material for MkDocs entered maintenance mode on 2025-11-11 (release 9.7.0), promising
# critical and security fixes "for 12 month at least" (its blog post of that day).
MATERIAL_MAINTENANCE_START = dt.date(2025, 11, 11)
MATERIAL_SUPPORT_UNTIL = dt.date(2026, 11, 11)
CHROMIUM = Path("/usr/bin/chromium")


@dataclass(frozen=True)
class Check:
    """One finding: what, whether it is fine, the detail, and advice if not."""

    name: str
    ok: bool
    detail: str
    advice: str = ""
    fatal: bool = True


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _major(version: str) -> int:
    return int(version.split(".")[0])


def run_checks(today: dt.date | None = None) -> list[Check]:
    """Every check, in the order a person would fix them."""
    today = today or dt.date.today()
    checks = [
        Check(
            "python",
            sys.version_info >= (3, 11),
            sys.version.split()[0],
            "install Python 3.11 or newer",
        )
    ]
    mkdocs = _version("mkdocs")
    checks.append(
        Check(
            "mkdocs",
            mkdocs is not None and _major(mkdocs) < 2,
            mkdocs or "not installed",
            "run scripts/site.sh (installs mkdocs<2; MkDocs 2 breaks Material's plugins)",
        )
    )
    material = _version("mkdocs-material")
    checks.append(
        Check(
            "mkdocs-material",
            material is not None and _major(material) == 9,
            material or "not installed",
            "run scripts/site.sh (installs mkdocs-material 9.x)",
        )
    )
    past = today > MATERIAL_SUPPORT_UNTIL
    checks.append(
        Check(
            "material support",
            not past,
            f"maintenance mode since {MATERIAL_MAINTENANCE_START}, fixes promised to at least "
            f"{MATERIAL_SUPPORT_UNTIL}",
            "that date has passed: watch for security fixes and plan a move to a maintained "
            "theme (e.g. Zensical) before relying on new releases",
            fatal=False,
        )
    )
    jieba = _version("jieba")
    checks.append(
        Check(
            "jieba",
            jieba is not None,
            jieba or "not installed",
            "pip install jieba: without it Chinese body text is silently unsearchable",
        )
    )
    for package, why in (("pyahocorasick", "glossary matching"), ("pypinyin", "glossary pinyin")):
        found = _version(package)
        checks.append(
            Check(package, found is not None, found or "not installed", f"needed for {why}")
        )
    checks.append(
        Check(
            "chromium",
            CHROMIUM.is_file() or shutil.which("chromium") is not None,
            str(CHROMIUM) if CHROMIUM.is_file() else (shutil.which("chromium") or "not found"),
            "apt-get install chromium (scripts/test.sh does so as root); browser tests need it",
            fatal=False,
        )
    )
    playwright = _version("playwright")
    checks.append(
        Check(
            "playwright",
            playwright is not None,
            playwright or "not installed",
            "pip install -e '.[dev]' (never run 'playwright install': Debian's Chromium is used)",
            fatal=False,
        )
    )
    return checks


def report(checks: list[Check]) -> tuple[str, int]:
    """Lines for people and the exit status (1 if a required check failed)."""
    lines = []
    for check in checks:
        mark = "ok  " if check.ok else ("FAIL" if check.fatal else "warn")
        lines.append(f"{mark} {check.name:<18} {check.detail}")
        if not check.ok:
            lines.append(f"     → {check.advice}")
    failed = any(not c.ok and c.fatal for c in checks)
    return "\n".join(lines), 1 if failed else 0
