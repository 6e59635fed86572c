"""Shared fixtures: one real ``mkdocs build --strict`` of the project per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from build_tools.write import MANIFEST
from tests.helpers import ROOT, serve

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: run scripts/test.sh, which installs it"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where every browser test leaves a screenshot of its last page, for inspection."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture
def page(browser: Browser, screenshots: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh tab; the test fails on any console error or uncaught page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    name = "".join(ch if ch.isalnum() else "_" for ch in request.node.name)[:80]
    if tab.url.startswith("http"):
        tab.screenshot(path=screenshots / f"{name}.png", full_page=False)
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def browser_page_375(browser: Browser) -> Iterator[Page]:
    """A tab the size of a small phone screen."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    tab = context.new_page()
    yield tab
    context.close()


def visit(page: Page, url: str) -> set[str]:
    """Open ``url`` and return every host the page requested."""
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return hosts


def copy_hand_written_docs(target: Path) -> None:
    """Copy docs/ without what a previous build generated there (listed in its manifest)."""
    shutil.copytree(ROOT / "docs", target)
    manifest = target / MANIFEST
    if manifest.is_file():
        for relative in json.loads(manifest.read_text(encoding="utf-8")):
            (target / relative).unlink(missing_ok=True)
        manifest.unlink()


def build_project(
    project: Path, sources: Path = ROOT / "source_texts"
) -> subprocess.CompletedProcess[str]:
    """Copy the project with ``sources`` as its source_texts/ and run ``mkdocs build --strict``."""
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(sources, project / "source_texts")
    shutil.copytree(ROOT / "build_tools", project / "build_tools")
    copy_hand_written_docs(project / "docs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Run from another folder: jieba_dict_user must not depend on the working directory.
    config = project / "mkdocs.yml"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", "site"],
        cwd=project.parent,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The project built by MkDocs in a temporary copy: (site folder, build log)."""
    project = tmp_path_factory.mktemp("project")
    result = build_project(project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


@pytest.fixture(scope="session")
def site_url(built_site: tuple[Path, str]) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port."""
    site, _ = built_site
    with serve(site) as url:
        yield url
