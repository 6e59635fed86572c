"""Shared test helpers: seed paths, the site's Markdown converter, annotation stripping."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown

from build_tools.archive import Archive
from build_tools.convert import load_archive
from build_tools.model import Notice
from build_tools.parse import parse_notice
from build_tools.permalinks import notice_url
from build_tools.render.notice import ANNOTATION_CLASSES
from build_tools.render.rawhtml import stash, unstash
from build_tools.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "source_texts"
SEEDS = sorted(path.name for path in SOURCE_DIR.glob("*.txt"))
# The Markdown extensions of mkdocs.yml that touch notice text (checked in test_site_config).
SITE_EXTENSIONS = ["attr_list", "tables", "admonition", "toc", "pymdownx.escapeall"]


@functools.cache
def seed_archive() -> Archive:
    """The whole of source_texts/ with its curated data, parsed and indexed once."""
    report = load_archive(SOURCE_DIR)
    assert report.archive is not None and not report.failures, report.failures
    return report.archive


def load_seed(name: str) -> Notice:
    """Parse one notice of source_texts/."""
    return parse_notice(read_source(SOURCE_DIR / name, SOURCE_DIR))


def to_html(markdown_text: str) -> str:
    """Markdown → HTML with the site's extensions, raw blocks set aside as the hook does."""
    stashed, chunks = stash(markdown_text)
    return unstash(str(markdown.markdown(stashed, extensions=SITE_EXTENSIONS)), chunks)


def to_html_without_hook(markdown_text: str) -> str:
    """Markdown → HTML with raw blocks left to Python-Markdown, as without the hook."""
    return str(markdown.markdown(markdown_text, extensions=SITE_EXTENSIONS))


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, skipping annotation elements; records every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._skip_depth = 0
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        self.tags.append((tag, attributes))
        classes = attributes.get("class", "").split()
        skip = any(name in ANNOTATION_CLASSES for name in classes)
        self._stack.append(skip)
        if skip:
            self._skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack.pop():
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip_depth == 0:
            self.parts.append(data)


def strip_annotations(html_text: str) -> tuple[str, list[tuple[str, dict[str, str]]]]:
    """The source text left after removing annotations, and the tags that were present."""
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    return "".join(collector.parts), collector.tags


def squeeze(text: str) -> str:
    """Text without whitespace, for 'whitespace aside' comparisons."""
    return re.sub(r"\s+", "", text)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A page closed while its requests were in flight is not an error worth printing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on a free loopback port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def notice_urls(site: Path) -> dict[str, str]:
    """Each notice's page address (relative to the site root) by id, as the built site's
    data/notices.json gives it (see build_tools.permalinks)."""
    records = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    return {record["id"]: record["url"] for record in records}


def seed_url(name: str) -> str:
    """A seed's page address relative to the site root (name: its file, or its stem)."""
    return notice_url(seed_archive().by_slug[name.removesuffix(".txt")])
