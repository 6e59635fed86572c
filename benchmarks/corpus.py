"""A deterministic corpus of realistic synthetic notices, built from the seeds' patterns.

Issuers come from the administrative-division dataset at all four levels; each issuer gets
several consecutive years (so timelines and comparisons have data); every numbering style,
glossary terms and sector keywords appear at realistic rates; lengths run from about 2,000 to
20,000 characters; some files are GB18030 and some use CRLF line endings.
"""

from __future__ import annotations

import random
from pathlib import Path

from build_tools.glossary.load import load_glossary
from build_tools.metadata.regions import divisions_by_name
from build_tools.model import Level

ROOT = Path(__file__).resolve().parent.parent
CN = "一二三四五六七八九十"
SECTOR_WORDS = [
    *("危险化学品", "道路交通", "建筑施工", "煤矿", "非煤矿山", "烟花爆竹", "消防"),
    *("特种设备", "城镇燃气", "水上交通", "渔业船舶", "工贸", "职业健康", "有限空间"),
]
FILLER = ["加强", "落实", "推进", "健全", "完善", "严格", "深化", "强化", "开展", "督促"]
OBJECTS = [
    *("安全生产责任", "隐患排查治理", "监管执法", "应急救援能力", "宣传教育培训"),
    *("安全生产标准化", "风险分级管控", "基层基础建设", "专项整治", "信息化建设"),
]
LEADS = ["市安委会办公室", "市应急局", "市住建局", "市交通运输局", "市公安局", "各镇街"]


def _cn(number: int) -> str:
    if number <= 10:
        return CN[number - 1]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


def _issuers(rng: random.Random, count: int) -> list[tuple[str, Level]]:
    names = sorted(divisions_by_name())
    found: list[tuple[str, Level]] = [("国务院办公厅", Level.NATIONAL)]
    for name in rng.sample(names, min(count, len(names))):
        division = divisions_by_name()[name][0]
        suffix = rng.choice(["人民政府", "安全生产委员会", "人民政府办公室"])
        found.append((name + suffix, division.level))
    return found


def _sentence(rng: random.Random, terms: list[str]) -> str:
    parts = [rng.choice(FILLER) + rng.choice(OBJECTS)]
    if rng.random() < 0.35:
        parts.append(f"落实“{rng.choice(terms)}”要求")
    if rng.random() < 0.3:
        parts.append(f"突出{rng.choice(SECTOR_WORDS)}等重点行业领域")
    parts.append(rng.choice(FILLER) + rng.choice(OBJECTS))
    return "，".join(parts) + "。"


def _item(rng: random.Random, terms: list[str], length: int) -> str:
    text = ""
    while len(text) < length:
        text += _sentence(rng, terms)
    if rng.random() < 0.3:
        text += f"（{rng.choice(LEADS)}牵头，{rng.choice(LEADS)}负责落实）"
    return text


def notice_text(rng: random.Random, issuer: str, year: int, terms: list[str]) -> str:
    """One notice: covering notice, workplan title, then numbered parts in a random style."""
    style = rng.choice(["arabic", "ordinal", "paren", "deep"])
    date = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    lines = [
        *(issuer, "", f"关于印发{year}年安全生产工作要点的通知", "", "各有关单位："),
        *(f"现将《{year}年安全生产工作要点》印发给你们，请认真贯彻执行。", "", date, ""),
        *(f"{year}年安全生产工作要点", ""),
    ]
    target = rng.randint(2_000, 20_000)
    size = sum(len(line) for line in lines)
    section = 0
    item = 0
    while size < target:
        section += 1
        lines.append(f"{_cn(section)}、{rng.choice(FILLER)}{rng.choice(OBJECTS)}")
        for sub in range(1, rng.randint(2, 6)):
            if style in ("paren", "deep"):
                lines.append(f"（{_cn(sub)}）{rng.choice(FILLER)}{rng.choice(OBJECTS)}。")
            for _ in range(rng.randint(1, 4)):
                item += 1
                number = {"arabic": f"{item}.", "ordinal": f"{_cn(min(item % 10 + 1, 10))}是",
                          "paren": f"{item}．", "deep": f"（{item % 9 + 1}）"}[style]  # fmt: skip
                body = _item(rng, terms, rng.randint(80, 400))
                if rng.random() < 0.4:
                    body = f"{rng.choice(SECTOR_WORDS)}。" + body
                lines.append(number + body)
                size += len(lines[-1])
        if section >= 30:
            break
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    """Write ``count`` notices into ``folder``; the same arguments give the same bytes."""
    rng = random.Random(seed)
    glossary = load_glossary(ROOT / "source_texts" / "glossary.yml")
    terms = [term.term for term in glossary.terms] or ["三同时", "两客一危", "一岗双责"]
    issuers = _issuers(rng, max(1, count // 4))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        issuer, _ = issuers[index % len(issuers)]
        year = 2005 + (index // len(issuers) + rng.randint(0, 3)) % 22
        text = notice_text(rng, issuer, year, terms)
        if rng.random() < 0.1:
            text = text.replace("\n", "\r\n")
        data = text.encode("gb18030") if rng.random() < 0.15 else text.encode("utf-8")
        path = folder / f"n{index:05d}.txt"
        path.write_bytes(data)
        written.append(path)
    return written
