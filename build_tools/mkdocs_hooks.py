"""MkDocs hook: generate the search dictionary and every generated page from source_texts/.

Thin on purpose: the work is in ``build_tools``. Problems are logged through MkDocs' logger,
so ``mkdocs build --strict`` fails on a bad notice while the others still build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from build_tools.convert import convert
from build_tools.errors import ArchiveError
from build_tools.glossary.load import GLOSSARY_FILE, load_glossary
from build_tools.glossary.search_dict import write_user_dictionary
from build_tools.render.rawhtml import anchor_ids, stash, unstash
from build_tools.stage import notice_cache
from build_tools.write import generated_files

log = logging.getLogger("mkdocs.hooks.build_tools")

SOURCE_FOLDER = "source_texts"
USER_DICTIONARY = Path("build") / "search" / "jieba_userdict.txt"


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
        glossary = load_glossary(project / SOURCE_FOLDER / GLOSSARY_FILE)
    except ArchiveError as exc:
        log.error("glossary not loaded: %s", exc)
        return config
    write_user_dictionary(glossary, path)
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    if search is not None:
        search.config["jieba_dict_user"] = str(path)
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate the pages; unchanged pages are not rewritten (no serve loop)."""
    source = _project(config) / SOURCE_FOLDER
    report = convert(source, Path(config["docs_dir"]), cache_dir=notice_cache(source))
    for failure in report.failures:
        log.error("not converted: %s", failure.message)
    for file, warning in report.warnings:
        log.warning("%s: %s", file, warning)
    log.info("notices: %s", report.summary())


_RAW_CHUNKS: dict[str, list[str]] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Set pre-rendered HTML aside (build_tools.render.rawhtml); keep generated pages out of
    Material's lunr index, since the archive's own index has them.

    Material then indexes only the hand-written pages, which the search worker searches
    alongside the sharded index (build_tools.search).
    """
    if page.file.src_uri in generated_files(Path(config["docs_dir"])):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    markdown, chunks = stash(markdown)
    _RAW_CHUNKS[page.file.src_uri] = chunks
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Put the pre-rendered HTML back in place, and tell MkDocs which anchors it holds."""
    chunks = _RAW_CHUNKS.pop(page.file.src_uri, [])
    if chunks and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(chunks)
    return unstash(html, chunks)
