"""MkDocs hook: generate the search dictionary and every generated page from source_texts/.

Thin on purpose: the work is in ``build_tools``. Problems are logged through MkDocs' logger,
so ``mkdocs build --strict`` fails on a bad notice while the others still build.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.convert import convert
from build_tools.errors import ArchiveError, LinkError
from build_tools.glossary.load import GLOSSARY_FILE, read_glossary
from build_tools.glossary.search_dict import write_user_dictionary
from build_tools.render.escape import plain_html
from build_tools.render.rawhtml import anchor_ids, stash, unstash
from build_tools.sources import find_notices
from build_tools.stage import notice_cache
from build_tools.write import generated_files

log = logging.getLogger("mkdocs.hooks.build_tools")

SOURCE_FOLDER = "source_texts"
USER_DICTIONARY = Path("build") / "search" / "jieba_userdict.txt"
PARKED = "<!-- parked: see build_tools.mkdocs_hooks.on_page_content -->"


def _project(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


@event_priority(100)  # before Material's search plugin reads jieba_dict_user in its on_config
def on_config(config: Any, **_: Any) -> Any:
    """Write jieba's user dictionary and point the search plugin at it (absolute path).

    MkDocs resolves ``jieba_dict_user`` against the working directory, not mkdocs.yml, so
    the hook sets the absolute path itself.
    """
    project = _project(config)
    path = project / USER_DICTIONARY
    try:
        # Bad entries are left out here and reported once, with the notices (on_pre_build).
        glossary, _reported = read_glossary(project / SOURCE_FOLDER / GLOSSARY_FILE)
    except ArchiveError as exc:
        log.error("glossary not loaded: %s", exc)
        return config
    write_user_dictionary(glossary, path)
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    if search is not None:
        search.config["jieba_dict_user"] = str(path)
    return config


_COMMAND = {"name": "build"}  # the MkDocs command running: build, serve, gh-deploy


def on_startup(command: str, **_: Any) -> None:
    """Remember whether this is ``mkdocs serve`` (see ``on_pre_build``)."""
    _COMMAND["name"] = command


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the pages; unchanged pages are not rewritten (no serve loop).

    Another build writing docs/ is waited for, after one line saying so. A docs/ that cannot
    be written fails ``mkdocs build`` with one line naming it; ``mkdocs serve`` logs that
    line and goes on serving the pages it has (a raised error would print a traceback and
    leave the server looking stuck).
    """
    source = _project(config) / SOURCE_FOLDER
    if config["strict"]:
        _refuse_links(source)
    docs = Path(config["docs_dir"])
    try:
        report = convert(source, docs, cache_dir=notice_cache(source), on_locked=log.info)
    except ArchiveError as exc:
        if _COMMAND["name"] != "serve":
            raise PluginError(str(exc)) from exc
        log.error("not converted: %s", exc)
        return
    for failure in report.failures:
        log.error("not converted: %s", failure.message)
    for file, warning in report.warnings:
        log.warning("%s: %s", file, warning)
    log.info("notices: %s", report.summary())
    _GENERATED.clear()
    _GENERATED.update(generated_files(Path(config["docs_dir"])))


def _refuse_links(source: Path) -> None:
    """A strict build stops before anything is written when a link under the sources leaves
    them, dangles or loops (a non-strict one leaves those files out and logs an error)."""
    refused = [str(error) for error in find_notices(source).refused if isinstance(error, LinkError)]
    if refused:
        raise PluginError("refused: " + "; ".join(refused))


_GENERATED: set[str] = set()  # read from the manifest once per build, not once per page
_RAW_CHUNKS: dict[str, list[str]] = {}
_PARKED: dict[str, bytes] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Set pre-rendered HTML aside (build_tools.render.rawhtml); keep generated pages out of
    Material's lunr index, since the archive's own index has them; make the title HTML.

    Material then indexes only the hand-written pages, which the search worker searches
    alongside the sharded index (build_tools.search). Material's templates put
    ``page.meta.title`` and ``page.title`` into ``<title>``, the header and ``<h1>`` as they
    are, and a title comes from a notice: this is where that text becomes HTML.
    """
    title = page.meta.get("title")
    if title is not None:
        page.meta["title"] = plain_html(str(title))
    if page.file.src_uri in _GENERATED:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    markdown, chunks = stash(markdown)
    _RAW_CHUNKS[page.file.src_uri] = chunks
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Put the pre-rendered HTML back in place, and tell MkDocs which anchors it holds.

    MkDocs renders every page before it writes any, so the whole site's HTML would sit in
    memory; each page's HTML is parked compressed until its turn comes (``on_page_context``).
    """
    chunks = _RAW_CHUNKS.pop(page.file.src_uri, [])
    if chunks and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(chunks)
    _PARKED[page.file.src_uri] = zlib.compress(unstash(html, chunks).encode("utf-8"), 1)
    return PARKED


@event_priority(100)  # before any plugin (Material's search) reads page.content
def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    """Bring the page's parked HTML back for its template."""
    parked = _PARKED.pop(page.file.src_uri, None)
    if parked is not None:
        page.content = zlib.decompress(parked).decode("utf-8")
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    """The page is rendered: let its HTML go (see ``on_page_content``)."""
    page.content = None
    return output
