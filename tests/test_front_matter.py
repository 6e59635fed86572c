"""Every page the build writes has front matter that reads back as written, for any text.

A department clause quoting a name (（市"安委办"牵头，…）) once made a role page whose front
matter was not YAML; titles, names and terms now go through one writer (yaml.safe_dump).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from build_tools.convert import convert
from tests.helpers import SOURCE_DIR

QUOTING = (
    "关于印发2024年工作要点的通知\n各镇人民政府：\n现印发给你们。\n2024年工作要点\n一、总体要求\n"
    '1.加强领导。（市"安委办"牵头，各镇街负责落实）\n'
    "2.抓好培训。（市'应急局'、市安委会#成员单位: 牵头，[各镇街]负责落实）\n"
)


def test_every_generated_page_reads_back(tmp_path: Path) -> None:
    sources = tmp_path / "source_texts"
    sources.mkdir()
    for name in ("glossary.yml", "sectors.yml", "departments.yml"):
        shutil.copy(SOURCE_DIR / name, sources)
    (sources / "quoting.txt").write_text(QUOTING, encoding="utf-8")
    docs = tmp_path / "docs"
    report = convert(sources, docs)
    assert report.failures == []
    pages = [p for p in docs.rglob("*.md")]
    roles = [p for p in pages if p.parent.name == "departments" or "departments" in p.parts]
    assert any('"安委办"' in p.read_text(encoding="utf-8") for p in roles)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        _, meta = get_data(text)
        block = text.split("---\n", 2)[1]
        assert meta == yaml.safe_load(block), page
        assert meta.get("title"), page
