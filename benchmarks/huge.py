"""Huge synthetic notices, for the linear-time stress test and the benchmark.

A notice of the usual shape whose body is far beyond any real one: a single item of
``item_mb`` megabytes (one line), or a whole notice of ``total_mb`` megabytes made of many
items and one giant line. The text is dense with what the per-notice steps look for:
glossary terms, sector keywords and their exclusions, department clauses, quotes, numbers,
stray spaces between Chinese characters; the notice also has a hard-wrapped paragraph of
many lines (joined back by cleaning).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000  # bytes of UTF-8
# One sentence: sector keywords next to their exclusions (交通运输局, 非煤矿山), glossary
# terms (两客一危, 三同时, 一岗双责), a department clause, a stray space, Latin and digits.
SENTENCE = (
    "严格落实“两客一危”和“三同时”制度，加强 危险化学品、道路交通、非煤矿山和煤矿安全监管，"
    "市交通运输局、市应急管理局按照一岗双责要求开展隐患排查治理ABC123"
    "（市安委办牵头，各镇街负责落实）。"
)
HEAD = (
    "某某市安全生产委员会\n\n关于印发2031年安全生产工作要点的通知\n\n各有关单位：\n"
    "现将《2031年安全生产工作要点》印发给你们，请认真贯彻执行。\n\n2031年1月5日\n\n"
    "2031年安全生产工作要点\n\n"
)
SECTIONS = "一二三四五六七八九十"


def _repeat(size: int) -> str:
    """Sentences to about ``size`` bytes of UTF-8."""
    return SENTENCE * max(1, size // len(SENTENCE.encode()))


def one_giant_item(item_mb: float) -> str:
    """A notice whose item 1. is a single line of ``item_mb`` MB."""
    return (
        HEAD
        + "一、重点工作\n1.加强安全生产。"
        + _repeat(int(item_mb * MB))
        + "\n2.开展宣传教育。\n"
    )


def _wrapped(text: str, width: int = 120) -> list[str]:
    """``text`` hard-wrapped at ``width`` characters, as a PDF copy would be; a line never
    ends a sentence, so cleaning joins them all back into one paragraph."""
    lines = []
    start = 0
    while start < len(text):
        end = min(len(text), start + width)
        while end < len(text) and text[end - 1] in "。；）":
            end += 1
        lines.append(text[start:end])
        start = end
    return lines


def huge_notice(total_mb: float) -> str:
    """A notice of ``total_mb`` MB: sections of many ordinary items, one giant line holding
    a third of it and an item hard-wrapped over lines holding another sixth."""
    size = int(total_mb * MB)
    giant = _repeat(size // 3)
    wrapped = _repeat(size // 6)
    lines = [HEAD.rstrip("\n"), "一、重点工作", "1.加强安全生产。" + giant, "2.开展专项整治。"]
    lines += _wrapped(wrapped)
    written = len(giant.encode()) + len(wrapped.encode())
    item = 2
    while written < size:
        section = SECTIONS[(item // 500) % len(SECTIONS)]
        if item % 500 == 0:
            lines.append(f"{section}、重点工作")
        item += 1
        line = f"{item}.加强第{item}项工作。" + SENTENCE * 8
        lines.append(line)
        written += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def write_notice(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as ``folder/name`` in UTF-8 and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def timed(work: Callable[[], object]) -> float:
    """Wall seconds of ``work()``."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start
