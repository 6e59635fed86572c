"""Command line: ``python -m build_tools convert | inspect FILE | check``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from build_tools.convert import ConvertReport, convert, load_archive
from build_tools.doctor import report, run_checks
from build_tools.errors import ArchiveError
from build_tools.glossary.candidates import find_candidates
from build_tools.inspection import Hits, explain, notice_data, sector_hits
from build_tools.model import Notice
from build_tools.parse import parse_notice
from build_tools.permalinks import notice_url
from build_tools.publish import publish
from build_tools.sources import read_source
from build_tools.stage import notice_cache

DEFAULT_SOURCE = Path("source_texts")
DEFAULT_DOCS = Path("docs")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    # Errors only, whichever logger they come from (jieba logs its progress at DEBUG).
    handler = logging.StreamHandler()
    handler.setLevel(logging.ERROR)
    logging.basicConfig(
        level=logging.ERROR, format="%(levelname)s: %(message)s", handlers=[handler]
    )
    status: int = args.run(args)
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools",
        description="Convert raw work-safety notices into annotated Markdown for MkDocs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("convert", help="convert every notice into docs/notices/")
    _source_option(run)
    run.add_argument(
        "--docs", type=Path, default=DEFAULT_DOCS, help="MkDocs docs folder to generate into"
    )
    run.add_argument("--strict", action="store_true", help="exit non-zero on any warning")
    run.add_argument("--quiet", action="store_true", help="print only the summary and problems")
    run.add_argument(
        "--cache",
        type=Path,
        help="cache of each notice's own work (default: build/cache next to the source folder)",
    )
    run.add_argument("--no-cache", action="store_true", help="convert every notice afresh")
    run.set_defaults(run=_convert)

    inspect = commands.add_parser("inspect", help="show one notice: metadata, outline, cleaning")
    inspect.add_argument("file", type=Path, help="a notice file, e.g. source_texts/003_….txt")
    inspect.add_argument("--json", action="store_true", help="print JSON instead of text")
    inspect.set_defaults(run=_inspect)

    check = commands.add_parser("check", help="validate notices and sidecars without writing")
    _source_option(check)
    check.add_argument("--strict", action="store_true", help="exit non-zero on any warning")
    check.set_defaults(run=_check)

    terms = commands.add_parser("terms", help="glossary terms and their use; --candidates")
    _source_option(terms)
    terms.add_argument(
        "--candidates",
        action="store_true",
        help="list quoted expressions with numerals or repeats that the glossary lacks",
    )
    terms.set_defaults(run=_terms)

    sectors = commands.add_parser("sectors", help="the sectors of each item of a notice")
    sectors.add_argument("--explain", type=Path, required=True, metavar="FILE", help="a notice")
    sectors.set_defaults(run=_sectors)

    publish = commands.add_parser(
        "publish", help="build the site into a temporary folder and swap it in when it succeeded"
    )
    publish.add_argument("--strict", action="store_true", help="fail on any warning (MkDocs)")
    publish.add_argument("--quiet", action="store_true", help="print only problems")
    publish.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the MkDocs config"
    )
    publish.add_argument(
        "-d", "--site-dir", type=Path, help="where the site goes (default: the config's, site/)"
    )
    publish.set_defaults(run=_publish)

    doctor = commands.add_parser("doctor", help="check the environment and say what to fix")
    doctor.set_defaults(run=_doctor)
    return parser


def _source_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="notice folder")


def _progress(index: int, total: int, path: str) -> None:
    sys.stderr.write(f"\r[{index}/{total}] {path[-60:]:<60}")
    if index == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _print_problems(report: ConvertReport) -> None:
    for failure in report.failures:
        print(f"error: {failure.message}", file=sys.stderr)
    for file, warning in report.warnings:
        print(f"warning: {file}: {warning}", file=sys.stderr)


def _status(report: ConvertReport, strict: bool) -> int:
    if report.failures or (strict and report.warnings):
        return 1
    return 0


def _convert(args: argparse.Namespace) -> int:
    if not args.source.is_dir():
        print(f"error: {args.source}: no such folder of notices", file=sys.stderr)
        return 2
    progress = _progress if sys.stderr.isatty() and not args.quiet else None
    try:
        cache = None if args.no_cache else args.cache or notice_cache(args.source)
        report = convert(args.source, args.docs, progress, cache)
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print_problems(report)
    written = report.written
    if written and not args.quiet:
        print(
            f"wrote {len(written.written)}, unchanged {len(written.unchanged)}, "
            f"removed {len(written.removed)} in {args.docs}"
        )
    print(report.summary())
    return _status(report, args.strict)


def _publish(args: argparse.Namespace) -> int:
    try:
        site = publish(args.config_file, args.site_dir, strict=args.strict, quiet=args.quiet)
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"published: {site}")
    return 0


def _load_one(path: Path) -> tuple[Notice, Hits] | int:
    """One notice and its item sectors, or the exit status after saying what is wrong."""
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    try:
        notice = parse_notice(read_source(path, path.parent))
        return notice, sector_hits(notice, _curated_dir(path))
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _inspect(args: argparse.Namespace) -> int:
    loaded = _load_one(args.file)
    if isinstance(loaded, int):
        return loaded
    notice, hits = loaded
    data = notice_data(notice, hits)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for key, value in data["metadata"].items():
        print(f"{key}: {value}")
    print(f"page: {notice_url(notice)} (a suffix is added if another notice asks for it)")
    print("outline:")
    for part in notice.parts():
        indent = "  " * part.anchor.count("-")
        labels = f"  [牵头: {'、'.join(part.lead_departments)}]" if part.lead_departments else ""
        print(f"  {indent}{part.anchor:<10} {part.number}{part.heading or '…'}{labels}")
    print("zones (GB/T 9704):")
    texts = {line["line"]: line for line in data["zones"]}
    for line in texts.values():
        print(
            f"  line {line['line']:>4} {line['zone']:<16} {line['element']:<12} {line['evidence']}"
        )
    print("facts (candidates, * chosen):")
    for candidate in data["evidence"]:
        mark = "*" if candidate["chosen"] else " "
        print(
            f"  {mark} {candidate['fact']:<13} {candidate['score']:>2} {candidate['value']}"
            f"  ← {candidate['evidence']}"
        )
    print("cleaning:")
    for step in data["cleaning"]:
        print(f"  line {step['line']}: {step['kind']}: {step['before']!r} → {step['after']!r}")
    for warning in notice.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _load_folder(source: Path) -> ConvertReport | int:
    """Every notice of ``source`` (problems printed), or the exit status if there is none."""
    if not source.is_dir():
        print(f"error: {source}: no such folder of notices", file=sys.stderr)
        return 2
    report = load_archive(source)
    _print_problems(report)
    return report


def _check(args: argparse.Namespace) -> int:
    report = _load_folder(args.source)
    if isinstance(report, int):
        return report
    print(f"checked {len(report.notices) + len(report.failures)}: {report.summary()}")
    return _status(report, args.strict)


def _curated_dir(path: Path) -> Path:
    """Curated data beside the notice if there is any, else the default source folder."""
    return path.parent if (path.parent / "sectors.yml").is_file() else DEFAULT_SOURCE


def _sectors(args: argparse.Namespace) -> int:
    loaded = _load_one(args.explain)
    if isinstance(loaded, int):
        return loaded
    print("\n".join(explain(*loaded)))
    return 0


def _doctor(args: argparse.Namespace) -> int:
    text, status = report(run_checks())
    print(text)
    return status


def _terms(args: argparse.Namespace) -> int:
    report = _load_folder(args.source)
    if isinstance(report, int):
        return report
    archive = report.archive
    assert archive is not None
    if args.candidates:
        candidates = find_candidates(list(archive.notices), archive.glossary)
        for candidate in candidates:
            print(f"{candidate.count:>4}  “{candidate.expression}”  {' '.join(candidate.places)}")
        terms = len(archive.glossary.terms)
        print(f"{len(candidates)} candidates not in the glossary ({terms} terms)")
        return 0
    for term in archive.glossary.terms:
        uses = archive.term_uses.get(term.id, ())
        notices = len({use.slug for use in uses})
        print(
            f"{term.id:<32} {term.term:<16} {term.pinyin:<28} {notices} notices, "
            f"{sum(use.count for use in uses)} uses"
        )
    print(f"{len(archive.glossary.terms)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
