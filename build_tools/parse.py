"""Parse one raw notice into a Notice: decode → clean → metadata + structure."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from pypinyin import lazy_pinyin

from build_tools.cleaning import clean
from build_tools.metadata import merge
from build_tools.metadata.header import header_fields
from build_tools.metadata.sidecar import Sidecar, load_sidecar
from build_tools.metadata.text import extract_from_text
from build_tools.model import CleaningStep, Notice, SourceInfo
from build_tools.sources import RawSource, decode, normalise_newlines
from build_tools.structure import parse_structure


def slug_for(relative: str) -> str:
    """A stable, URL-safe page name for a source path (Chinese becomes pinyin)."""
    stem = str(PurePosixPath(relative).with_suffix(""))
    words = lazy_pinyin(unicodedata.normalize("NFKC", stem))
    slug = re.sub(r"[^a-z0-9_]+", "-", "-".join(words).lower()).strip("-_")
    return slug or "notice"


def parse_notice(raw: RawSource) -> Notice:
    """Turn a raw notice into a parsed Notice; raises SourceError for unusable input."""
    sidecar = load_sidecar(raw.sidecar) if raw.sidecar else Sidecar()
    text, encoding = decode(raw.data, raw.path, sidecar.encoding)
    text, newline_changes = normalise_newlines(text)
    cleaned = clean(text)
    steps = list(cleaned.steps)
    if newline_changes:
        steps.insert(0, CleaningStep("line-endings", 1, f"{newline_changes} × CR", "LF"))
    found = extract_from_text(cleaned.lines)
    header_values, header_warnings = header_fields(cleaned.header)
    fallback = cleaned.lines[0].text[:60] if cleaned.lines else PurePosixPath(raw.relative).stem
    metadata, merge_warnings = merge(found.values, header_values, sidecar, fallback)
    paragraphs, outline = parse_structure(cleaned.lines, found.roles)
    return Notice(
        slug=slug_for(raw.relative),
        source=SourceInfo(file=raw.relative, sha256=raw.sha256, url=sidecar.url, encoding=encoding),
        metadata=metadata,
        paragraphs=paragraphs,
        outline=outline,
        cleaning=tuple(steps),
        warnings=tuple(found.warnings + header_warnings + merge_warnings),
    )
