"""Parse one raw notice into a Notice: read (by format) → clean → metadata + structure."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from pypinyin import lazy_pinyin

from build_tools.cleaning import clean
from build_tools.metadata import merge
from build_tools.metadata.facts import read_facts
from build_tools.metadata.sidecar import Sidecar, load_sidecar
from build_tools.metadata.table import read_table
from build_tools.model import Notice, SourceInfo, ZoneMark
from build_tools.permalinks import base_page
from build_tools.readers import read_notice
from build_tools.sources import RawSource
from build_tools.structure import parse_structure
from build_tools.textutil import RESERVED_NAMES
from build_tools.zones import FRONT, FURNITURE_STEPS, find_zones, without_chrome


def slug_for(relative: str) -> str:
    """A notice's id: a stable, URL-safe name for its source path (Chinese becomes pinyin),
    which names its raw file and its earlier address notices/<id>/ (its page is decided by
    build_tools.permalinks); never the name of a page the build makes itself."""
    stem = str(PurePosixPath(relative).with_suffix(""))
    words = lazy_pinyin(unicodedata.normalize("NFKC", stem))
    slug = re.sub(r"[^a-z0-9_]+", "-", "-".join(words).lower()).strip("-_") or "notice"
    # index.txt must not take notices/index.html, the list of all notices.
    return f"{slug}-notice" if slug in RESERVED_NAMES else slug


def parse_notice(raw: RawSource) -> Notice:
    """Turn a raw notice into a parsed Notice; raises SourceError for unusable input."""
    sidecar = load_sidecar(raw.sidecar) if raw.sidecar else Sidecar()
    read = read_notice(raw, sidecar.encoding)
    cleaned = clean(read.text)
    steps = [*read.steps, *cleaned.steps]
    table, table_lines = read_table(cleaned.lines[:FRONT])
    furniture = frozenset(s.line for s in cleaned.steps if s.kind in FURNITURE_STEPS)
    zoned = find_zones(cleaned.lines, table_lines, furniture)
    # What a saved web page says about itself (meta tags, title …) is evidence below the text.
    found = read_facts(zoned, cleaned.lines, read.evidence, header=cleaned.header, table=table)
    kept, chrome = without_chrome(cleaned.lines, zoned)
    steps += chrome
    fallback = kept[0].text[:60] if kept else PurePosixPath(raw.relative).stem
    metadata, merge_warnings = merge(found.values, sidecar, fallback)
    paragraphs, outline = parse_structure(kept, found.roles)
    return Notice(
        slug=slug_for(raw.relative),
        page=base_page(metadata, sidecar.slug),
        source=SourceInfo(
            file=raw.relative,
            sha256=raw.sha256,
            url=sidecar.url or found.values.get("url"),
            encoding=read.encoding,
        ),
        metadata=metadata,
        paragraphs=paragraphs,
        outline=outline,
        cleaning=tuple(steps),
        warnings=tuple(found.warnings + merge_warnings),
        zones=tuple(ZoneMark(z.number, z.zone.value, z.element, z.evidence) for z in zoned),
        evidence=found.evidence(),
    )
