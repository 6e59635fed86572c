"""Sector pages: every requirement about a sector across notices, and an overview."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, partial
from itertools import groupby

from build_tools.archive import Archive
from build_tools.model import Level, Sector, SectorHit
from build_tools.render import pages
from build_tools.render.charts import heat_map
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.feed_paths import listing_feed, listing_feed_title
from build_tools.render.frontmatter import front_matter_lines
from build_tools.render.keyed import keyed, year_slugs
from build_tools.render.listing_view import filter_block, notice_places, page_meta, province_table
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
    """The pages of each sector with requirements in ``year``, by path under docs/sectors/:
    ``<sector>/<year>.md``, then ``<year>-2.md`` … when the list is long (see pages)."""
    by_sector = _by_year(archive).get(year, {})
    for sector in archive.taxonomy.sectors:
        if sector.id not in by_sector:
            continue
        listing = _Listing(by_sector[sector.id])
        count = pages.page_count(len(listing.rows))
        for number in range(1, count + 1):
            name = f"{sector.id}/{pages.page_name(year_id(year), number)}.md"
            make = partial(_year_page, sector, year, listing, number, count)
            yield name, keyed(archive, year_slugs(archive, year), f"{SECTORS_FOLDER}/{name}", make)


class _Listing:
    """A sector's requirements of one year in page order (by level, then newest first),
    sorted once for all its pages."""

    def __init__(self, rows: list[tuple[Requirement, SectorHit]]) -> None:
        self.rows = rows

    @cached_property
    def ordered(self) -> list[tuple[Requirement, SectorHit]]:
        return sorted(self.rows, key=lambda row: (_level_rank(row[0]), row[0].sort_key))

    @cached_property
    def notices(self) -> int:
        return len({r.notice.slug for r, _ in self.rows})

    @cached_property
    def level_starts(self) -> dict[int, int]:
        """The index of each level's first requirement."""
        starts: dict[int, int] = {}
        for index, (requirement, _) in enumerate(self.ordered):
            starts.setdefault(_level_rank(requirement), index)
        return starts


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
    lines = [*front_matter_lines({"title": "按行业"}), "", "# 按行业", ""]
    total = len(archive.taxonomy.sectors)
    lines.append(
        f"{total} 个行业领域，其中 {len(listed)} 个在已收录的通知中有具体要求。"
        "每个行业页面从新到旧列出各通知中涉及该行业的条目，可按地区、层级、年度和发文机关筛选，"
        "可展开全文并跳转到原文条目。点击下图的格子，即看到该行业该年度的要求。"
    )
    lines += ["", "## 各行业每年的要求条数 {: #heat-map }", ""]
    lines += [
        heat_map(
            [s.name for s in listed],
            [str(y) for y in years],
            counts,
            "各行业每年的要求条数",
            {
                (sector.name, str(year)): f"{sector.id}/?year={year}"
                for sector in listed
                for year in years
                if counts[(sector.name, str(year))]
            },
        ),
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
    feed = listing_feed(SECTORS_FOLDER, sector.id)
    feed_title = listing_feed_title(sector.name, is_role=False)
    view = (SECTORS_FOLDER, sector.id) if rows else None
    meta = page_meta([(feed_title, feed)], view)
    matter = {"title": sector.name, "sector_id": sector.id, **meta}
    lines = [*front_matter_lines(matter), "", f"# {escape_markdown(sector.name)}", ""]
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
        f"共 {len(rows)} 条要求，来自 {len(notices)} 份通知，从新到旧排列。选一个省份即看到国家级"
        "和该省各级的要求；筛选后的地址可以收藏或转发。",
        "",
        f"[订阅：{escape_markdown(feed_title)}（Atom）]({_from_page(feed)})"
        "{: #req-feed .feed-link }",
        "",
    ]
    if rows:
        places = notice_places(archive)
        codes = {places[slug] for slug in notices}
        years = sorted({r.notice.metadata.year for r, _ in rows if r.notice.metadata.year})
        block = filter_block(SECTORS_FOLDER, sector.id, codes, province_table(archive), years[::-1])
        lines += ["## 要求 {: #requirements }", "", *wrap_html_runs([block]), ""]
        lines += [
            "## 各年度 {: #years }",
            "",
            f"按年度逐页浏览（每页最多 {pages.PAGE_SIZE} 条，页内按发文层级排列，不需要脚本）。",
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


def _from_page(target: str) -> str:
    """A link from a sector page (sectors/<id>.md) to a file given from the site root."""
    return posixpath.relpath(target, SECTORS_FOLDER)


def _year_page(sector: Sector, year: int | None, listing: _Listing, number: int, count: int) -> str:
    title = f"{sector.name} · {year_name(year)}"
    if number > 1:
        title += f"（第 {number} 页）"
    matter = front_matter_lines({"title": title, "sector_id": sector.id})
    lines = [*matter, "", f"# {escape_markdown(title)}", ""]
    lines += [
        f"[{escape_markdown(sector.name)}](../{sector.id}.md)的 {year_name(year)}要求："
        f"{len(listing.rows)} 条，来自 {listing.notices} 份通知，按发文层级排列。",
        "",
    ]
    stem = year_id(year)
    if count > 1:
        lines += [
            "按层级："
            + " · ".join(
                f"[{LEVEL_COLUMNS[level]}]({_page_of(stem, start)}.md#level-{level})"
                for level, start in listing.level_starts.items()
            ),
            "",
        ]
    lines += pages.pager(stem, number, count)
    first = pages.page_start(number)
    for level, by_level in groupby(
        pages.page_items(listing.ordered, number), key=lambda row: _level_rank(row[0])
    ):
        heading = LEVEL_COLUMNS[level] + ("（续）" if listing.level_starts[level] < first else "")
        lines += [f"## {heading} {{: #level-{level} }}", ""]
        for requirement, hit in by_level:
            lines += [requirement_html(requirement, "../../../") + _evidence(hit), ""]
    lines += pages.pager(stem, number, count)
    return "\n".join(wrap_html_runs(lines)) + "\n"


def _page_of(stem: str, index: int) -> str:
    return pages.page_name(stem, pages.page_of(index))


def _level_rank(requirement: Requirement) -> int:
    level = requirement.notice.metadata.level
    return LEVEL_ORDER[level] if level else len(LEVEL_ORDER)


def evidence_text(hit: SectorHit) -> str:
    """Why an item is listed under a sector, as shown: 归入依据（正文）：危险化学品×2."""
    words: dict[str, int] = {}
    for found in hit.evidence:
        words[found.keyword] = words.get(found.keyword, 0) + 1
    where = "标题" if hit.strength == "title" else "正文"
    listed = "、".join(f"{w}×{n}" if n > 1 else w for w, n in words.items())
    return f"归入依据（{where}）：{listed}"


def _evidence(hit: SectorHit) -> str:
    return f'\n<p class="evidence">{escape_html(evidence_text(hit))}</p>'
