"""Editions with mike: deploy, alias, default, push to a bare repository, and the selector."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.conftest import copy_hand_written_docs, visit
from tests.helpers import ROOT, serve

MIKE = [str(Path(sys.executable).with_name("mike"))]
ENV = {
    **os.environ,
    # mike runs `mkdocs` from PATH: use the one installed beside this Python.
    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    "NO_MKDOCS_2_WARNING": "1",
    "GIT_AUTHOR_NAME": "Archive test",
    "GIT_AUTHOR_EMAIL": "archive@example.invalid",
    "GIT_COMMITTER_NAME": "Archive test",
    "GIT_COMMITTER_EMAIL": "archive@example.invalid",
}


def run(args: list[str], cwd: Path) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the project, with two editions deployed."""
    project = tmp_path_factory.mktemp("versions")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project)
    for name in ("overrides", "build_tools", "source_texts"):
        shutil.copytree(ROOT / name, project / name)
    copy_hand_written_docs(project / "docs")
    run(["git", "init", "-q", "-b", "main"], project)
    run(["git", "add", "-A"], project)
    run(["git", "commit", "-q", "-m", "archive"], project)
    run([*MIKE, "deploy", "--update-aliases", "2026.11", "latest"], project)
    run([*MIKE, "deploy", "2026.12"], project)
    run([*MIKE, "set-default", "latest"], project)
    return project


def test_editions_are_listed_with_their_alias(repository: Path) -> None:
    listed = run([*MIKE, "list"], repository)
    assert "2026.12" in listed and "2026.11 [latest]" in listed
    versions = json.loads(run(["git", "show", "gh-pages:versions.json"], repository))
    assert {v["version"] for v in versions} == {"2026.11", "2026.12"}
    tree = run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], repository)
    for edition in ("2026.11", "2026.12"):
        assert f"{edition}/notices/003_65114f20cbda8ae2/index.html" in tree  # earlier address
        page = "notices/2022/teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian/index.html"
        assert f"{edition}/{page}" in tree
    assert "index.html" in tree.splitlines()  # the redirect to the default edition


def test_push_to_a_bare_repository(repository: Path, tmp_path: Path) -> None:
    bare = tmp_path / "published.git"
    run(["git", "init", "-q", "--bare", str(bare)], tmp_path)
    run(["git", "remote", "add", "origin", str(bare)], repository)
    run([*MIKE, "deploy", "--push", "--remote", "origin", "2026.13"], repository)
    versions = json.loads(run(["git", "show", "gh-pages:versions.json"], bare))
    assert "2026.13" in {v["version"] for v in versions}


@pytest.fixture(scope="module")
def published(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The gh-pages branch, exported and served on a loopback port."""
    folder = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(
        ["git", "archive", "gh-pages"], cwd=repository, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")

    with serve(folder) as url:
        yield url


def test_the_version_selector_lists_the_editions(page: Page, published: str) -> None:
    hosts = visit(page, f"{published}/2026.11/")
    page.locator(".md-version__current").first.wait_for(timeout=10_000)
    editions = page.eval_on_selector_all(
        ".md-version__item .md-version__link", "items => items.map(i => i.textContent.trim())"
    )
    assert any("2026.11" in e for e in editions) and any("2026.12" in e for e in editions)
    assert hosts == {urlparse(published).netloc}
