"""The work one notice needs, independent of every other notice: cached and run in parallel.

Parsing, term matching, sector classification and rendering the page (all but its list of
related notices) depend only on the notice's bytes, its sidecar, the curated data and the
code. Their result is cached under a key made of all four, so a build after changing one
notice redoes only that notice; the rest is read back. Uncached notices are spread over the
machine's cores.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from build_tools.archive import Curated
from build_tools.citations.find import Citation, find_citations
from build_tools.errors import ArchiveError
from build_tools.glossary.load import Glossary
from build_tools.glossary.matching import TermMatcher, term_counts
from build_tools.model import Notice, SectorHit, TermCount
from build_tools.parked import pack, unpack
from build_tools.parse import parse_notice
from build_tools.sectors.assign import classify_notice
from build_tools.sectors.classify import SectorClassifier
from build_tools.sectors.load import Taxonomy
from build_tools.sources import RawSource, read_source
from build_tools.write import write_atomic

log = logging.getLogger(__name__)

PARALLEL_FROM = 64  # fewer uncached notices than this are not worth starting processes
CHUNK = 8


@dataclass(frozen=True)
class Staged:
    """One notice's own results: the notice, its term counts, its sectors and its page."""

    notice: Notice
    term_counts: tuple[TermCount, ...]
    part_sectors: dict[str, tuple[SectorHit, ...]]
    packed_page: bytes  # the Markdown page without its related notices, zlib-compressed
    packed_outline: bytes  # the compare page's JSON outline, zlib-compressed
    search_weights: dict[str, int]  # token weights for the search index
    packed_rows: tuple[bytes, bytes]  # requirement rows: JSON, CSV (zlib-compressed)
    packed_doc: bytes  # the search index's stored document (d/<id>.json), zlib-compressed
    citations: tuple[Citation, ...] = ()  # what the notice cites (build_tools.citations)

    @property
    def page(self) -> str:
        """The Markdown page without its related-notices block."""
        return unpack(self.packed_page)

    @property
    def outline(self) -> str:
        """The compare page's JSON outline."""
        return unpack(self.packed_outline)


@dataclass(frozen=True)
class Outcome:
    """A staged notice, or the error that stopped it, for one source path."""

    path: Path
    staged: Staged | None = None
    error: str | None = None
    cached: bool = False
    key: str | None = None  # the cache key: everything the staged work was made from


def notice_cache(source_dir: Path) -> Path:
    """The default cache folder: build/cache/notices beside the source folder."""
    return source_dir.resolve().parent / "build" / "cache" / "notices"


@cache
def code_version() -> str:
    """A hash of every module of build_tools: a code change invalidates the cache."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_notice(raw: RawSource, curated: Curated) -> Staged:
    """Everything one notice needs that does not depend on other notices."""
    from build_tools.render.compare import notice_outline
    from build_tools.render.notice import render_notice_page
    from build_tools.render.requirement_rows import notice_rows
    from build_tools.search.documents import notice_doc
    from build_tools.search.index import doc_json, doc_weights

    notice = parse_notice(raw)
    matcher = _matcher(curated.glossary)
    terms = term_counts(notice, matcher)
    sectors = classify_notice(notice, _classifier(curated.taxonomy))
    page = render_notice_page(notice, curated, matcher, terms, sectors)
    doc = notice_doc(notice)
    rows = notice_rows(notice, sectors)
    return Staged(
        notice, terms, sectors, pack(page), pack(notice_outline(notice)), doc_weights(doc),
        (pack(rows.json), pack(rows.csv)), pack(doc_json(doc)), find_citations(notice),
    )  # fmt: skip


@lru_cache(maxsize=4)
def _matcher(glossary: Glossary) -> TermMatcher:
    """One automaton per glossary (by value), built once per process."""
    return TermMatcher(glossary)


@lru_cache(maxsize=4)
def _classifier(taxonomy: Taxonomy) -> SectorClassifier:
    """One classifier per taxonomy (by value), built once per process."""
    return SectorClassifier(taxonomy)


def cache_key(raw: RawSource, curated_hash: str) -> str:
    """Source bytes, sidecar bytes, path, curated data and code, hashed together."""
    digest = hashlib.sha256()
    sidecar = raw.sidecar.read_bytes() if raw.sidecar and raw.sidecar.is_file() else b""
    for part in (code_version().encode(), curated_hash.encode(), raw.relative.encode()):
        digest.update(part + b"\0")
    digest.update(hashlib.sha256(raw.data).digest() + hashlib.sha256(sidecar).digest())
    return digest.hexdigest()


_CURATED: Curated | None = None


def _work(item: tuple[Path, Path]) -> Outcome:
    path, source_dir = item
    assert _CURATED is not None
    try:
        return Outcome(path, stage_notice(read_source(path, source_dir), _CURATED))
    except ArchiveError as exc:
        return Outcome(path, error=str(exc))


def stage_all(
    paths: Sequence[Path],
    source_dir: Path,
    curated: Curated,
    curated_hash: str,
    cache_dir: Path | None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Iterator[Outcome]:
    """Stage every notice and yield the outcomes in the order of ``paths``: from the cache
    when possible, else on every core. Outcomes are made as they are consumed, so the
    caller can keep what it needs of each and let the rest go."""
    global _CURATED
    _CURATED = curated
    keys = {path: _key_for(path, source_dir, curated_hash) for path in paths}
    cached = {
        path
        for path, key in keys.items()
        if cache_dir and key and (cache_dir / f"{key}.pickle").is_file()
    }
    fresh = _run([path for path in paths if path not in cached], source_dir)
    for done, path in enumerate(paths, start=1):
        key = keys[path]
        staged = _load(cache_dir, key) if path in cached and cache_dir and key else None
        if staged is not None:
            outcome = Outcome(path, staged, cached=True)
        elif path in cached:  # unusable entry: recompute here
            outcome = _work((path, source_dir))
        else:
            outcome = next(fresh)
        if outcome.staged is not None and not outcome.cached and cache_dir and key:
            _store(cache_dir, key, outcome.staged)
        outcome = replace(outcome, key=key)
        if progress:
            progress(done, len(paths), str(path))
        yield outcome
    if cache_dir:
        _prune(cache_dir, {key for key in keys.values() if key})


def _prune(cache_dir: Path, used: set[str]) -> None:
    """Remove entries this build did not use (older code, changed or deleted notices)."""
    for entry in cache_dir.glob("*.pickle"):
        if entry.stem not in used:
            entry.unlink(missing_ok=True)


def _run(todo: list[Path], source_dir: Path) -> Iterator[Outcome]:
    items = [(path, source_dir) for path in todo]
    workers = min(len(os.sched_getaffinity(0)), 8)
    if len(items) < PARALLEL_FROM or workers < 2:
        yield from map(_work, items)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_work, items, chunksize=CHUNK)


def _key_for(path: Path, source_dir: Path, curated_hash: str) -> str | None:
    try:
        return cache_key(read_source(path, source_dir), curated_hash)
    except (ArchiveError, OSError):
        return None


def _load(cache_dir: Path, key: str) -> Staged | None:
    path = cache_dir / f"{key}.pickle"
    try:
        staged = pickle.loads(zlib.decompress(path.read_bytes()))
    except FileNotFoundError:
        return None
    except Exception as exc:
        log.debug("cache entry %s unusable (%s): recomputing", path, exc)
        return None
    return staged if isinstance(staged, Staged) else None


def _store(cache_dir: Path, key: str, staged: Staged) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = zlib.compress(pickle.dumps(staged, protocol=5), 1)
        write_atomic(cache_dir / f"{key}.pickle", data)
    except OSError as exc:
        log.warning("cache not written (%s): the build goes on without it", exc)
