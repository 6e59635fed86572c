"""A real ``mkdocs build --strict`` of the project, in a temporary copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, SEEDS, SITE_EXTENSIONS, load_seed


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "source_texts", project / "source_texts")
    shutil.copytree(ROOT / "build_tools", project / "build_tools")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("notices"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_build_is_clean(built_site: tuple[Path, str]) -> None:
    _, log = built_site
    assert "WARNING" not in log
    assert "converted 5, warnings 0, failed 0" in log


@pytest.mark.parametrize("name", SEEDS)
def test_every_part_has_its_anchor(built_site: tuple[Path, str], name: str) -> None:
    site, _ = built_site
    notice = load_seed(name)
    page = (site / "notices" / notice.slug / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert {part.anchor for part in notice.parts()} <= ids
    assert '<html lang="zh"' in page


def test_listing_links_every_notice(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    listing = (site / "notices" / "index.html").read_text(encoding="utf-8")
    for name in SEEDS:
        assert f'href="{load_seed(name).slug}/"' in listing


def test_site_uses_the_tested_markdown_extensions() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [
        next(iter(item)) if isinstance(item, dict) else item
        for item in config["markdown_extensions"]
    ]
    assert names == SITE_EXTENSIONS
    assert config["theme"]["language"] == "zh"
    assert config["theme"]["font"] is False
