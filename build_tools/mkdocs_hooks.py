"""MkDocs hook: convert source_texts/ into docs/notices/ before every build.

Thin on purpose: the work is in ``build_tools.convert``. Problems are logged through MkDocs'
logger, so ``mkdocs build --strict`` fails on a bad notice while the others still build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from build_tools.convert import convert

log = logging.getLogger("mkdocs.hooks.build_tools")

SOURCE_FOLDER = "source_texts"
GENERATED_FOLDER = "notices"


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the notice pages; unchanged pages are not rewritten (no serve loop)."""
    project = Path(config["config_file_path"]).resolve().parent
    report = convert(project / SOURCE_FOLDER, Path(config["docs_dir"]) / GENERATED_FOLDER)
    for failure in report.failures:
        log.error("notice not converted: %s", failure.message)
    for file, warning in report.warnings:
        log.warning("%s: %s", file, warning)
    log.info("notices: %s", report.summary())
