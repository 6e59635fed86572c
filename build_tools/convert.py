"""Read every notice, then write every page: the whole conversion in one call.

A bad notice fails alone: its error is recorded with its path and the others go on.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from build_tools.archive import Archive, Curated, assemble_archive
from build_tools.citations.find import Citation
from build_tools.curated import present
from build_tools.errors import ArchiveError, CuratedDataError, OutputCollisionError
from build_tools.glossary.load import GLOSSARY_FILE, Glossary, read_glossary
from build_tools.model import Notice, SectorHit, TermCount
from build_tools.parked import Parked, pack
from build_tools.permalinks import page_file, unique_pages
from build_tools.render.browse import (
    render_by_issuer,
    render_by_year,
    render_filter_page,
    render_home,
    year_files,
)
from build_tools.render.citations import with_citations
from build_tools.render.compare import iter_compare, notice_outline
from build_tools.render.departments import (
    DEPARTMENTS_FOLDER,
    iter_departments,
    role_year_pages,
)
from build_tools.render.exports import render_exports
from build_tools.render.feeds import iter_feeds
from build_tools.render.glossary import iter_glossary
from build_tools.render.keyed import keyed
from build_tools.render.links import GLOSSARY_FOLDER
from build_tools.render.listing_data import iter_listing_data
from build_tools.render.notice import render_notice, with_block
from build_tools.render.notice_extras import related_block
from build_tools.render.redirects import redirect_pages
from build_tools.render.requirement_rows import Rows, notice_rows
from build_tools.render.requirements import forget as forget_requirements
from build_tools.render.requirements import forget_html
from build_tools.render.sectors import SECTORS_FOLDER, iter_sectors, sector_year_pages
from build_tools.roles import DEPARTMENTS_FILE, Roles, read_roles
from build_tools.search.documents import fixed_docs, notice_doc, search_docs
from build_tools.search.index import FOLDER as SEARCH_FOLDER
from build_tools.search.index import (
    Postings,
    add_postings,
    doc_json,
    doc_weights,
    index_files,
    shard_files,
)
from build_tools.sectors.load import SECTORS_FILE, Taxonomy, read_taxonomy
from build_tools.sources import find_notices
from build_tools.stage import stage_all
from build_tools.write import Content, WriteReport, build_lock, write_outputs

log = logging.getLogger(__name__)

NOTICES = "notices"
# Keys of parked texts: notice page, compare outline, requirement rows, search document.
PAGE, OUTLINE, ROWS_JSON, ROWS_CSV, DOC = "page:", "outline:", "json:", "csv:", "doc:"

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """A notice that could not be converted, and why."""

    file: str
    message: str


@dataclass
class ConvertReport:
    """Outcome of a conversion: what was converted, warned about, failed and written."""

    notices: list[Notice] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    written: WriteReport | None = None
    archive: Archive | None = None
    parked: Parked | None = None  # each notice's page, outline, rows and search document
    postings: Postings = field(default_factory=dict)  # search postings of every document

    curated_warnings: list[tuple[str, str]] = field(default_factory=list)  # missing data

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(file, message) for every warning of every converted notice and of curated data."""
        notices = [(n.source.file, w) for n in self.notices for w in n.warnings]
        return notices + self.curated_warnings

    def summary(self) -> str:
        """One line for people: converted / warnings / failed."""
        return (
            f"converted {len(self.notices)}, warnings {len(self.warnings)}, "
            f"failed {len(self.failures)}"
        )


def load_archive(
    source_dir: Path, progress: Progress | None = None, cache_dir: Path | None = None
) -> ConvertReport:
    """Parse every notice under ``source_dir`` and the curated data; index them together.

    An unusable notice, or unusable curated data, becomes a failure; the rest goes on. With
    ``cache_dir``, each notice's own work is cached there (see build_tools.stage).
    """
    report = ConvertReport()
    checked = ConvertReport()  # the curated data's problems, reported after the notices'
    curated = Curated(
        _curated(checked, source_dir / GLOSSARY_FILE, read_glossary, Glossary(()), "terms"),
        _curated(checked, source_dir / SECTORS_FILE, read_taxonomy, Taxonomy(()), "sectors"),
        _curated(checked, source_dir / DEPARTMENTS_FILE, read_roles, Roles(()), "roles"),
    )
    found = find_notices(source_dir)
    report.failures.extend(Failure(error.path, str(error)) for error in found.refused)
    paths = found.notices
    outcomes = stage_all(paths, source_dir, curated, _curated_hash(source_dir), cache_dir, progress)
    # Search postings are gathered as notices arrive, so their token weights need not be
    # kept: documents are numbered terms, sectors, then notices in archive order.
    fixed = fixed_docs(curated.glossary, curated.taxonomy)
    for doc_id, doc in enumerate(fixed):
        add_postings(report.postings, doc_id, doc_weights(doc))
    parked = report.parked = Parked()
    files: dict[str, str] = {}  # source file by slug
    by_hash: dict[str, str] = {}  # first file with these bytes
    by_number: dict[str, str] = {}  # first file with this 发文字号
    counts: dict[str, tuple[TermCount, ...]] = {}
    sectors: dict[str, dict[str, tuple[SectorHit, ...]]] = {}
    keys: dict[str, str] = {}
    citations: dict[str, tuple[Citation, ...]] = {}
    for outcome in outcomes:
        if outcome.staged is None:
            report.failures.append(Failure(str(outcome.path), outcome.error or "failed"))
            continue
        staged = outcome.staged
        notice = staged.notice
        if notice.slug in files:
            error = OutputCollisionError(notice.slug, files[notice.slug], notice.source.file)
            report.failures.append(Failure(str(outcome.path), str(error)))
            continue
        files[notice.slug] = notice.source.file
        notice = _twin_warnings(notice, by_hash, by_number)
        doc_id = len(fixed) + len(report.notices)
        add_postings(report.postings, doc_id, staged.search_weights)
        # Only what the archive-wide pages need stays in memory; the page waits on disk.
        parked.put(PAGE + notice.slug, staged.packed_page)
        parked.put(OUTLINE + notice.slug, staged.packed_outline)
        parked.put(ROWS_JSON + notice.slug, staged.packed_rows[0])
        parked.put(ROWS_CSV + notice.slug, staged.packed_rows[1])
        parked.put(DOC + notice.slug, staged.packed_doc)
        counts[notice.slug] = staged.term_counts
        sectors[notice.slug] = staged.part_sectors
        if outcome.key:
            keys[notice.slug] = outcome.key
        citations[notice.slug] = staged.citations
        report.notices.append(notice)
    report.notices = _unique_pages(report.notices, parked, sectors)
    report.failures.extend(checked.failures)
    report.curated_warnings.extend(checked.curated_warnings)
    report.archive = assemble_archive(
        report.notices,
        counts,
        sectors,
        curated.glossary,
        curated.taxonomy,
        curated.roles,
        keys,
        citations,
    )
    return report


def _unique_pages(
    notices: list[Notice], parked: Parked, sectors: dict[str, dict[str, tuple[SectorHit, ...]]]
) -> list[Notice]:
    """The notices with unique pages (build_tools.permalinks); what was parked with the
    address a notice asked for is made again for the address it got."""
    unique = unique_pages(notices)
    for before, notice in zip(notices, unique, strict=True):
        if notice.page != before.page:
            rows = notice_rows(notice, sectors[notice.slug])
            parked.put(OUTLINE + notice.slug, pack(notice_outline(notice)))
            parked.put(ROWS_JSON + notice.slug, pack(rows.json))
            parked.put(ROWS_CSV + notice.slug, pack(rows.csv))
            parked.put(DOC + notice.slug, pack(doc_json(notice_doc(notice))))
    return unique


def _twin_warnings(notice: Notice, by_hash: dict[str, str], by_number: dict[str, str]) -> Notice:
    """The notice, warned if an earlier one has its bytes, or its 发文字号 but other text."""
    file, number = notice.source.file, notice.metadata.doc_number
    twin = by_hash.setdefault(notice.source.sha256, file)
    if twin != file:
        warning = f"same bytes as {twin}: remove one of the two copies"
    elif number and by_number.setdefault(number, file) != file:
        warning = (
            f"same 发文字号 {number} as {by_number[number]} but a different text: keep the "
            "better copy, or correct doc_number in the sidecar of the one that is wrong"
        )
    else:
        return notice
    return replace(notice, warnings=(*notice.warnings, warning))


def _curated_hash(source_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in (GLOSSARY_FILE, SECTORS_FILE, DEPARTMENTS_FILE):
        path = source_dir / name
        try:
            digest.update(path.read_bytes() if present(path) else b"-")
        except (ArchiveError, OSError):
            digest.update(b"!")
    return digest.hexdigest()


def _curated(
    report: ConvertReport,
    path: Path,
    read: Callable[[Path], tuple[T, list[CuratedDataError]]],
    empty: T,
    what: str,
) -> T:
    """Curated data from ``path``. An entry with an error is a failure and is left out, the
    other entries are kept; a file that cannot be read at all is a failure. Missing or
    empty data is a warning: a strict build never publishes a site without it."""
    try:
        data, errors = read(path)
    except ArchiveError as exc:
        report.failures.append(Failure(str(path), str(exc)))
        return empty
    report.failures.extend(Failure(str(path), str(error)) for error in errors)
    if not path.is_file():
        report.curated_warnings.append(
            (str(path), f"missing: the site would have no {what}; restore the file")
        )
    elif data == empty and not errors:
        report.curated_warnings.append(
            (str(path), f"has no entries: the site would have no {what}; restore them")
        )
    return data


def iter_pages(
    archive: Archive,
    source_dir: Path,
    parked: Parked | None = None,
    postings: Postings | None = None,
) -> Iterator[tuple[str, Content]]:
    """Every generated page and file as (path under docs/, content), made one at a time.

    ``parked`` holds each notice's page, outline, requirement rows and search document, and
    ``postings`` the search postings, all made while the notices were read (see
    ``load_archive``); without them, they are made here.
    """
    for notice in archive.notices:
        yield page_file(notice), _notice_page(notice, archive, parked)
    yield from redirect_pages(archive.notices)
    yield f"{NOTICES}/index.md", render_by_year(archive)
    yield "index.md", render_home(archive)
    yield "browse/issuers.md", render_by_issuer(archive)
    yield "browse/all.md", render_filter_page()
    yield from year_files(archive).items()
    for folder, render in (
        (GLOSSARY_FOLDER, iter_glossary),
        (SECTORS_FOLDER, iter_sectors),
        (DEPARTMENTS_FOLDER, iter_departments),
    ):
        for name, made in render(archive):
            yield f"{folder}/{name}", made
    yield from _year_pages(archive)
    yield from render_exports(archive, source_dir, partial(_rows, parked) if parked else None)
    yield from iter_listing_data(archive)
    yield from iter_feeds(archive)
    yield from iter_compare(archive, partial(_outline, archive, parked) if parked else None)
    search = _search_files(archive, parked, postings) if parked and postings else None
    for name, content in search or index_files(search_docs(archive), postings):
        yield f"{SEARCH_FOLDER}/{name}", content


@contextlib.contextmanager
def long_lived() -> Iterator[Callable[[], None]]:
    """Keep Python's cycle collector off the archive while it is read and written.

    The archive is millions of small acyclic objects that live to the end of the build; the
    collector would walk all of them again every few thousand allocations (a third of a
    cached 1,000-notice conversion). It is paused while notices are read; the function
    given then freezes what exists out of its reach and lets it run again on what comes
    and goes (the pages). Both are undone on the way out.
    """
    was_enabled = gc.isenabled()

    def settle() -> None:
        gc.freeze()
        if was_enabled:
            gc.enable()

    gc.disable()
    try:
        yield settle
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _year_pages(archive: Archive) -> Iterator[tuple[str, Content]]:
    """The sector and role pages of each plan year, one year after the other.

    A requirement is listed on every page of its sectors and roles for its year; its HTML is
    made once and dropped when the year is done (pages are made when the writer takes them,
    before this generator resumes), so memory holds one year's HTML, not the archive's.
    """
    years = sorted(archive.slugs_by_year, key=lambda year: (year is None, -(year or 0)))
    for year in years:
        for folder, pages in (
            (SECTORS_FOLDER, sector_year_pages(archive, year)),
            (DEPARTMENTS_FOLDER, role_year_pages(archive, year)),
        ):
            for name, made in pages:
                yield f"{folder}/{name}", made
        forget_html()


def _notice_page(notice: Notice, archive: Archive, parked: Parked | None) -> Content:
    """A notice's page: its parked page plus the related-notices block, which depends on
    other notices; kept as it is when neither changed."""
    if parked is None:
        return render_notice(notice, archive)
    related = with_citations(notice, archive, related_block(notice, archive))
    # A department whose reading another name shares has a page of its own, known only
    # now: a notice naming one is made afresh (its parked labels link to the shared id).
    renamed = archive.roles.renamed_in(notice)

    def make() -> str:
        page = None if renamed else parked.get(PAGE + notice.slug)
        return render_notice(notice, archive) if page is None else with_block(page, related)

    return keyed(archive, [notice.slug], f"{notice.slug}\n{related}\n{renamed}", make)


def _search_files(
    archive: Archive, parked: Parked, postings: Postings
) -> Iterator[tuple[str, Content]]:
    """The search index: documents of terms and sectors, then each notice's parked document
    (kept as it is when the notice did not change), then the shards."""
    fixed = fixed_docs(archive.glossary, archive.taxonomy)
    for doc_id, doc in enumerate(fixed):
        yield f"d/{doc_id}.json", doc_json(doc)
    for doc_id, notice in enumerate(archive.notices, len(fixed)):
        make = partial(_search_doc, parked, notice)
        yield f"d/{doc_id}.json", keyed(archive, [notice.slug], f"d/{doc_id}", make)
    yield from shard_files(postings, len(fixed) + len(archive.notices))


def _search_doc(parked: Parked, notice: Notice) -> str:
    return parked.get(DOC + notice.slug) or doc_json(notice_doc(notice))


def _rows(parked: Parked, notice: Notice) -> Rows:
    """A notice's requirement rows, as made when it was staged."""
    return Rows(parked.get(ROWS_JSON + notice.slug) or "", parked.get(ROWS_CSV + notice.slug) or "")


def _outline(archive: Archive, parked: Parked, notice: Notice) -> Content:
    """A notice's compare outline (parked); kept as it is when the notice did not change."""

    def make() -> str:
        return parked.get(OUTLINE + notice.slug) or notice_outline(notice)

    return keyed(archive, [notice.slug], f"outline:{notice.slug}", make)


def convert(
    source_dir: Path,
    docs_dir: Path,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    on_locked: Callable[[str], None] | None = None,
) -> ConvertReport:
    """Convert all notices of ``source_dir`` into generated folders of ``docs_dir``. While
    another build writes there, this one is refused, or with ``on_locked`` told so and
    waits (build_tools.write.build_lock)."""
    with build_lock(docs_dir, on_locked), long_lived() as settle:
        report = load_archive(source_dir, progress, cache_dir)
        settle()
        assert report.archive is not None
        pages = iter_pages(report.archive, source_dir, report.parked, report.postings)
        try:
            report.written = write_outputs(docs_dir, pages)
        finally:
            forget_requirements()
            if report.parked:
                report.parked.close()
        report.parked, report.postings = None, {}
    log.debug("%s", report.summary())
    return report
