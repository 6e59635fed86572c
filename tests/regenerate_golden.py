"""Regenerate the golden files: ``python -m tests.regenerate_golden``; then review the diff."""

from __future__ import annotations

import json

from build_tools.inspection import notice_data
from build_tools.render.notice import render_notice
from tests.helpers import ROOT, SEEDS, load_seed, seed_archive

GOLDEN_DIR = ROOT / "tests" / "golden"


def golden_files() -> dict[str, str]:
    """Expected Markdown page and inspect JSON of every seed, by golden file name."""
    files: dict[str, str] = {}
    archive = seed_archive()
    for name in SEEDS:
        notice = archive.by_slug[load_seed(name).slug]
        stem = name.removesuffix(".txt")
        files[f"{stem}.md"] = render_notice(notice, archive)
        data = notice_data(notice, archive.part_sectors.get(notice.slug, {}))
        files[f"{stem}.json"] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return files


def main() -> None:
    """Write every golden file."""
    GOLDEN_DIR.mkdir(exist_ok=True)
    for file_name, content in golden_files().items():
        (GOLDEN_DIR / file_name).write_text(content, encoding="utf-8")
        print(f"wrote tests/golden/{file_name}")


if __name__ == "__main__":
    main()
