"""Sector pages: every requirement about a sector across notices, and an overview."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import partial
from itertools import groupby

from build_tools.archive import Archive
from build_tools.model import Level, Sector, SectorHit
from build_tools.render.charts import heat_map
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.keyed import keyed, year_slugs
from build_tools.render.notice import LEVEL_NAMES
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import (
    Requirement,
    per_archive,
    requirement_html,
    requirements,
    year_id,
    year_name,
)
from build_tools.write import Content

SECTORS_FOLDER = "sectors"
LEVEL_ORDER = {level: index for index, level in enumerate(Level)}
LEVEL_COLUMNS = [*LEVEL_NAMES.values(), "层级不详"]


@per_archive
def sector_requirements(archive: Archive) -> dict[str, list[tuple[Requirement, SectorHit]]]:
    """Requirements of each sector with the hit that put them there, newest first."""
    found: dict[str, list[tuple[Requirement, SectorHit]]] = {}
    for requirement in requirements(archive):
        hits = archive.part_sectors.get(requirement.notice.slug, {}).get(
            requirement.part.anchor, ()
        )
        for hit in hits:
            found.setdefault(hit.sector, []).append((requirement, hit))
    for rows in found.values():
        rows.sort(key=lambda row: row[0].sort_key)
    return found


def iter_sectors(archive: Archive) -> Iterator[tuple[str, str]]:
    """The overview and one page per sector (with its table of years), under docs/sectors/.

    A sector's requirements are listed on one page per year (``sector_year_pages``), so that
    no page grows with the archive beyond one year's notices.
    """
    found = sector_requirements(archive)
    yield "index.md", _overview(archive, found)
    for sector in archive.taxonomy.sectors:
        yield f"{sector.id}.md", _sector_page(archive, sector, found.get(sector.id, []))


def sector_year_pages(archive: Archive, year: int | None) -> Iterator[tuple[str, Content]]:
    """One page per sector with requirements in ``year``, by path under docs/sectors/."""
    by_sector = _by_year(archive).get(year, {})
    for sector in archive.taxonomy.sectors:
        if sector.id in by_sector:
            name = f"{sector.id}/{year_id(year)}.md"
            make = partial(_year_page, sector, year, by_sector[sector.id])
            yield name, keyed(archive, year_slugs(archive, year), f"{SECTORS_FOLDER}/{name}", make)


@per_archive
def _by_year(archive: Archive) -> dict[int | None, dict[str, list[tuple[Requirement, SectorHit]]]]:
    found: dict[int | None, dict[str, list[tuple[Requirement, SectorHit]]]] = {}
    for sector_id, rows in sector_requirements(archive).items():
        for year, by_year in groupby(rows, key=lambda row: row[0].notice.metadata.year):
            found.setdefault(year, {})[sector_id] = list(by_year)
    return found


def _overview(archive: Archive, found: dict[str, list[tuple[Requirement, SectorHit]]]) -> str:
    years = sorted(
        {
            r.notice.metadata.year
            for rows in found.values()
            for r, _ in rows
            if r.notice.metadata.year
        }
    )
    per_year = {
        sector_id: Counter(r.notice.metadata.year for r, _ in rows)
        for sector_id, rows in found.items()
    }
    counts = {
        (sector.name, str(year)): per_year.get(sector.id, Counter())[year]
        for sector in archive.taxonomy.sectors
        for year in years
    }
    listed = [s for s in archive.taxonomy.sectors if found.get(s.id)]
    lines = ["---", "title: 按行业", "---", "", "# 按行业", ""]
    total = len(archive.taxonomy.sectors)
    lines.append(
        f"{total} 个行业领域，其中 {len(listed)} 个在已收录的通知中有具体要求。"
        "每个行业页面按年度、发文层级列出各通知中涉及该行业的条目，可展开全文并跳转到原文条目。"
    )
    lines += ["", "## 各行业每年的要求条数 {: #heat-map }", ""]
    lines += [
        heat_map([s.name for s in listed], [str(y) for y in years], counts, "各行业每年的要求条数"),
        "",
    ]
    lines += [
        "## 行业列表 {: #list }",
        "",
        "| 行业 | 上级 | 国民经济行业分类 | 条目 | 通知 |",
        "|---|---|---|---|---|",
    ]
    for sector in archive.taxonomy.sectors:
        rows = found.get(sector.id, [])
        parent = archive.taxonomy.by_id[sector.parent].name if sector.parent else ""
        code = f"{sector.gbt4754} {sector.gbt4754_name or ''}".strip() if sector.gbt4754 else ""
        lines.append(
            f"| [{escape_markdown(sector.name)}]({sector.id}.md) | {escape_markdown(parent)} | "
            f"{escape_markdown(code)} | {len(rows)} | {len({r.notice.slug for r, _ in rows})} |"
        )
    return "\n".join(lines) + "\n"


def _sector_page(
    archive: Archive, sector: Sector, rows: list[tuple[Requirement, SectorHit]]
) -> str:
    lines = [
        "---",
        f'title: "{sector.name}"',
        f"sector_id: {sector.id}",
        "---",
        "",
        f"# {escape_markdown(sector.name)}",
        "",
    ]
    facts = []
    if sector.parent:
        parent = archive.taxonomy.by_id[sector.parent]
        facts.append(f"上级行业：[{escape_markdown(parent.name)}]({parent.id}.md)")
    children = archive.taxonomy.children(sector.id)
    if children:
        facts.append(
            "下级行业：" + "、".join(f"[{escape_markdown(c.name)}]({c.id}.md)" for c in children)
        )
    if sector.gbt4754:
        code = f"{sector.gbt4754} {sector.gbt4754_name or ''}".strip()
        facts.append(f"国民经济行业分类（GB/T 4754）：{escape_markdown(code)}")
    if sector.aliases:
        facts.append("又称：" + "、".join(escape_markdown(a) for a in sector.aliases))
    lines += [fact + "  " for fact in facts] + [""]
    notices = {r.notice.slug for r, _ in rows}
    lines += [
        f"共 {len(rows)} 条要求，来自 {len(notices)} 份通知。每个年度一页，页内按发文层级"
        "排列，条目可展开全文并跳转到原文。",
        "",
    ]
    if rows:
        lines += [
            "## 各年度 {: #years }",
            "",
            "| 年度 | " + " | ".join(LEVEL_COLUMNS) + " | 合计 |",
        ]
        lines.append("|---" * (len(LEVEL_COLUMNS) + 2) + "|")
    for year, by_year in groupby(rows, key=lambda row: row[0].notice.metadata.year):
        counts = Counter(_level_rank(r) for r, _ in by_year)
        cells = " | ".join(str(counts.get(rank, 0)) for rank in range(len(LEVEL_COLUMNS)))
        link = f"[{year_name(year)}]({sector.id}/{year_id(year)}.md)"
        lines.append(f"| {link} | {cells} | {sum(counts.values())} |")
    return "\n".join(lines) + "\n"


def _year_page(sector: Sector, year: int | None, rows: list[tuple[Requirement, SectorHit]]) -> str:
    title = f"{sector.name} · {year_name(year)}"
    lines = ["---", f'title: "{title}"', f"sector_id: {sector.id}", "---", "", f"# {title}", ""]
    notices = {r.notice.slug for r, _ in rows}
    lines += [
        f"[{escape_markdown(sector.name)}](../{sector.id}.md)的 {year_name(year)}要求："
        f"{len(rows)} 条，来自 {len(notices)} 份通知，按发文层级排列。",
        "",
    ]
    ordered = sorted(rows, key=lambda row: (_level_rank(row[0]), row[0].sort_key))
    for level, by_level in groupby(ordered, key=lambda row: _level_rank(row[0])):
        lines += [f"## {LEVEL_COLUMNS[level]} {{: #level-{level} }}", ""]
        for requirement, hit in by_level:
            lines += [requirement_html(requirement, "../../../") + _evidence(hit), ""]
    return "\n".join(wrap_html_runs(lines)) + "\n"


def _level_rank(requirement: Requirement) -> int:
    level = requirement.notice.metadata.level
    return LEVEL_ORDER[level] if level else len(LEVEL_ORDER)


def _evidence(hit: SectorHit) -> str:
    words: dict[str, int] = {}
    for found in hit.evidence:
        words[found.keyword] = words.get(found.keyword, 0) + 1
    where = "标题" if hit.strength == "title" else "正文"
    listed = "、".join(f"{w}×{n}" if n > 1 else w for w, n in words.items())
    return f'\n<p class="evidence">归入依据（{where}）：{escape_html(listed)}</p>'
