"""Browse pages and the home page: by year, by issuer (level → region → issuer), counts."""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from itertools import groupby

from build_tools.archive import Archive
from build_tools.model import Level, Notice
from build_tools.permalinks import notice_url, relative_url
from build_tools.render.charts import horizontal_bars, stacked_bars
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.feed_paths import issuer_feed, level_feed
from build_tools.render.frontmatter import front_matter_lines
from build_tools.render.notice import LEVEL_NAMES
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import who
from build_tools.render.sectors import sector_requirements

UNKNOWN_LEVEL = "层级不详"
LEVELS = [*LEVEL_NAMES.values(), UNKNOWN_LEVEL]
NEWEST = 5


def level_name(notice: Notice) -> str:
    """The level of the issuer in Chinese."""
    level = notice.metadata.level
    return LEVEL_NAMES[level.value] if level else UNKNOWN_LEVEL


def _level_rank(notice: Notice) -> int:
    level = notice.metadata.level
    return list(Level).index(level) if level else len(Level)


def _newest(notices: list[Notice]) -> list[Notice]:
    return sorted(
        notices,
        key=lambda n: (n.metadata.year or 0, n.metadata.date or "", n.slug),
        reverse=True,
    )


def notice_list(notices: list[Notice], here: str = "") -> str:
    """An HTML list linking each notice from the page at ``here`` (its address relative to
    the site root), with its issuer, level, doc number and date."""
    items = []
    for notice in notices:
        meta = notice.metadata
        details = [who(notice), level_name(notice), meta.doc_number or "", meta.date or ""]
        suffix = escape_html("，".join(d for d in details if d))
        items.append(
            f'<li><a href="{relative_url(notice_url(notice), here)}">{escape_html(meta.title)}</a>'
            f" — {suffix}</li>"
        )
    return f'<ul class="notice-list">{"".join(items)}</ul>'


def render_by_year(archive: Archive) -> str:
    """Every notice by plan year, newest first, and within a year by level."""
    notices = _newest(list(archive.notices))
    lines = [*front_matter_lines({"title": "按年度"}), "", "# 按年度", ""]
    lines += [
        f"本库共收录 {len(notices)} 份通知，按工作要点所属年度排列，同一年度内按发文层级。",
        "",
    ]
    for year, group in groupby(notices, key=lambda n: n.metadata.year):
        lines += [f"## {year or '年度不详'} {{: #y{year or 'unknown'} }}", ""]
        for level, in_level in groupby(sorted(group, key=_level_rank), key=level_name):
            lines += [
                f"<p><strong>{level}</strong></p>",
                notice_list(list(in_level), "notices/"),
                "",
            ]
    return "\n".join(wrap_html_runs(lines)) + "\n"


def render_by_issuer(archive: Archive) -> str:
    """Every notice by level, then region, then issuer."""
    notices = sorted(
        archive.notices,
        key=lambda n: (_level_rank(n), n.metadata.region or "~", who(n), -(n.metadata.year or 0)),
    )
    levels = [level for level in Level if any(n.metadata.level is level for n in notices)]
    feeds = [
        (f"{LEVEL_NAMES[level.value]}新收录的通知", level_feed(level.value)) for level in levels
    ]
    matter = {"title": "按发文机关", "feeds": [{"title": t, "href": h} for t, h in feeds]}
    lines = [*front_matter_lines(matter), "", "# 按发文机关", ""]
    lines += ["按发文层级（国家级、省级、地市级、县级）、地区和发文机关排列。", ""]
    for rank, by_level in groupby(notices, key=_level_rank):
        group = list(by_level)
        lines += [f"## {level_name(group[0])} {{: #level-{rank} }}", ""]
        level = group[0].metadata.level
        if level:
            feed = posixpath.relpath(level_feed(level.value), "browse")
            lines += [
                f"[订阅：{level_name(group[0])}新收录的通知（Atom）]({feed}){{: .feed-link }}",
                "",
            ]
        for region, by_region in groupby(group, key=lambda n: n.metadata.region or "地区不详"):
            lines += [f"### {escape_markdown(region)}", ""]
            for issuer, by_issuer in groupby(by_region, key=who):
                follow = (
                    f' <a class="feed-link" '
                    f'href="{relative_url(issuer_feed(issuer), "browse/issuers/")}" '
                    f'title="订阅{escape_html(issuer)}新收录的通知（Atom）">订阅</a>'
                    if issuer in archive.by_issuer
                    else ""
                )
                lines += [f"<p><strong>{escape_html(issuer)}</strong>{follow}</p>"]
                lines += [notice_list(list(by_issuer), "browse/issuers/"), ""]
    return "\n".join(wrap_html_runs(lines)) + "\n"


def render_home(archive: Archive) -> str:
    """The home page: what the archive is, counts, newest notices, ways in, charts."""
    notices = list(archive.notices)
    items = sum(len(n.parts()) for n in notices)
    found = sector_requirements(archive)
    years = sorted({n.metadata.year for n in notices if n.metadata.year})
    issuers = {who(n) for n in notices}
    counts = [
        ("通知", len(notices)),
        ("编号条目", items),
        ("术语", len(archive.glossary.terms)),
        ("涉及的行业", sum(1 for rows in found.values() if rows)),
        ("发文机关", len(issuers)),
        ("年度", len(years)),
    ]
    lines = [
        *front_matter_lines({"title": "首页", "hide": ["navigation", "toc"]}),
        "",
        "# 安全生产工作要点档案",
        "",
    ]
    lines += [
        "各级政府每年印发的安全生产工作要点及其印发通知的公开档案。每份通知按原文照录，保留"
        "“一、（一）1.（1）一是”的层级编号，每一条都有固定链接；文中术语链接到术语表，"
        "条目标注涉及的行业和牵头、配合单位。",
        "",
        '<div class="counts">'
        + "".join(f'<div class="count"><b>{n}</b><span>{label}</span></div>' for label, n in counts)
        + "</div>",
        "",
        "## 按行业查要求 {: #by-sector }",
        "",
        "选一个行业，即看到各级政府对它的全部要求，从新到旧；再选一个省份，即看到国家级和该省的要求，"
        "可以订阅。",
        "",
        " ".join(
            f"[{escape_markdown(sector.name)}](sectors/{sector.id}.md)"
            for sector in archive.taxonomy.sectors
            if found.get(sector.id)
        ),
        "{: .sector-links }",
        "",
        "## 最新收录 {: #newest }",
        "",
    ]
    lines += [notice_list(_newest(notices)[:NEWEST])]
    lines += [
        "",
        "## 从这里开始 {: #ways-in }",
        "",
        "- [按年度](notices/index.md)：每年的工作要点，按发文层级排列",
        "- [按发文机关](browse/issuers.md)：国家级、省级、地市级、县级",
        "- [按行业](sectors/index.md)：一个行业在各通知中的全部要求",
        "- [按牵头部门](departments/index.md)：各部门牵头和配合的任务",
        "- [术语表](glossary/index.md)：三同时、两客一危、一岗双责……",
        "- [筛选全部通知](browse/all.md)：按年度、层级、发文机关、行业筛选",
        "- [比较两份通知](compare/index.md)：逐条对照，标出新增、删除和改动",
        "- [数据下载](about/data.md)：JSON、CSV 和订阅源",
        "",
        "## 图表 {: #charts }",
        "",
    ]
    per_year = [
        (str(y), dict(Counter(level_name(n) for n in notices if n.metadata.year == y)))
        for y in years
    ]
    lines += [stacked_bars(per_year, LEVELS, "每年收录的通知数（按层级）"), ""]
    top = sorted(
        ((archive.taxonomy.by_id[s].name, len(rows)) for s, rows in found.items() if rows),
        key=lambda item: -item[1],
    )[:15]
    if top:
        lines += [horizontal_bars(top, "各行业的要求条数"), ""]
    return "\n".join(lines) + "\n"


def year_files(archive: Archive) -> dict[str, str]:
    """Per-year JSON for the filterable list (loaded on demand), plus an index of years."""
    files: dict[str, str] = {}
    by_year: dict[str, list[dict[str, object]]] = {}
    for notice in _newest(list(archive.notices)):
        meta = notice.metadata
        key = str(meta.year or "unknown")
        by_year.setdefault(key, []).append(
            {
                "id": notice.slug,
                "url": notice_url(notice),
                "title": meta.title,
                "issuer": who(notice),
                "level": level_name(notice),
                "region": meta.region,
                "date": meta.date,
                "year": meta.year,
                "sectors": [
                    archive.taxonomy.by_id[s].name for s in archive.notice_sectors(notice.slug)
                ],
            }
        )
    for key, records in by_year.items():
        files[f"data/years/{key}.json"] = json.dumps(records, ensure_ascii=False) + "\n"
    index = {
        "years": [{"year": key, "count": len(records)} for key, records in by_year.items()],
        "levels": LEVELS,
        "sectors": [s.name for s in archive.taxonomy.sectors],
    }
    files["data/years/index.json"] = json.dumps(index, ensure_ascii=False) + "\n"
    return files


def render_filter_page() -> str:
    """The filterable list of all notices; its script loads one year's JSON at a time."""
    return """---
title: 筛选全部通知
---

# 筛选全部通知

按年度、层级、发文机关和行业筛选通知。数据按年度分文件，只在选中该年度时下载，离线也能使用。

<form class="notice-filter" id="notice-filter">
<label>年度 <select name="year" id="filter-year"></select></label>
<label>层级 <select name="level" id="filter-level">
<option value="">全部层级</option></select></label>
<label>发文机关 <input name="issuer" id="filter-issuer" type="search"
placeholder="输入机关名称"></label>
<label>行业 <select name="sector" id="filter-sector">
<option value="">全部行业</option></select></label>
</form>

<p id="filter-count" aria-live="polite"></p>

<ul id="filter-results" class="filter-results"></ul>

<script src="../../javascripts/filter.js"></script>
"""
