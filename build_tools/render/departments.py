"""Lead-department pages: for each role, what it leads and supports across notices."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import partial
from itertools import groupby

from build_tools.archive import Archive
from build_tools.render import pages
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.feed_paths import listing_feed, listing_feed_title
from build_tools.render.frontmatter import front_matter_lines
from build_tools.render.keyed import keyed, year_slugs
from build_tools.render.listing_view import (
    KIND_NAMES,
    filter_block,
    notice_places,
    page_meta,
    province_table,
)
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import (
    Requirement,
    per_archive,
    requirement_html,
    requirements,
    year_id,
    year_name,
)
from build_tools.roles import Assignment
from build_tools.write import Content

DEPARTMENTS_FOLDER = "departments"


def iter_departments(archive: Archive) -> Iterator[tuple[str, str]]:
    """The role index and one page per role (with its table of years), one at a time.

    What a role leads and supports is listed on one page per year (``role_year_pages``).
    """
    rows = role_rows(archive)
    ordered = sorted(
        archive.role_assignments.items(),
        key=lambda item: (-sum(1 for a in item[1] if a.leads), -len(item[1]), item[0]),
    )
    lines = [*front_matter_lines({"title": "按牵头部门"}), "", "# 按牵头部门", ""]
    lines += [
        "通知中“（……牵头，……负责落实）”一类分工括注里的单位，按职能归并为角色（原文写法保留在各条目下）。",
        "",
        "| 角色 | 牵头 | 配合 | 原文写法 |",
        "|---|---|---|---|",
    ]
    for role_id, items in ordered:
        name = archive.role_name(role_id)
        leads = sum(1 for a in items if a.leads)
        spellings = "、".join(dict.fromkeys(a.name for a in items))
        lines.append(
            f"| [{escape_markdown(name)}]({role_id}.md) | {leads} | {len(items) - leads} | "
            f"{escape_markdown(spellings)} |"
        )
        yield f"{role_id}.md", _role_page(archive, name, role_id, rows[role_id])
    yield "index.md", "\n".join(lines) + "\n"


def role_year_pages(archive: Archive, year: int | None) -> Iterator[tuple[str, Content]]:
    """The pages of each role with assignments in ``year``, by path under docs/departments/:
    ``<role>/<year>.md``, then ``<year>-2.md`` … when the list is long (see pages)."""
    by_place = requirements_by_place(archive)
    for role_id, rows in role_rows(archive).items():
        chosen = rows.get(year)
        if not chosen:
            continue
        name = archive.role_name(role_id)
        # Leads first, then supports; each in the order of the year's list.
        ordered = [a for a in chosen if a.leads] + [a for a in chosen if not a.leads]
        count = pages.page_count(len(ordered))
        for number in range(1, count + 1):
            page = f"{role_id}/{pages.page_name(year_id(year), number)}.md"
            make = partial(_year_page, name, role_id, year, ordered, by_place, number, count)
            yield (
                page,
                keyed(archive, year_slugs(archive, year), f"{DEPARTMENTS_FOLDER}/{page}", make),
            )


@per_archive
def requirements_by_place(archive: Archive) -> dict[tuple[str, str], Requirement]:
    """Every requirement by (notice slug, anchor)."""
    return {(r.notice.slug, r.part.anchor): r for r in requirements(archive)}


@per_archive
def role_rows(archive: Archive) -> dict[str, dict[int | None, list[Assignment]]]:
    """Each role's assignments by plan year, newest first, in the order pages list them."""
    by_place = requirements_by_place(archive)
    found: dict[str, dict[int | None, list[Assignment]]] = {}
    for role_id, items in archive.role_assignments.items():
        rows = sorted(items, key=lambda a: by_place[(a.slug, a.anchor)].sort_key)
        found[role_id] = {
            year: list(by_year)
            for year, by_year in groupby(
                rows, key=lambda a: by_place[(a.slug, a.anchor)].notice.metadata.year
            )
        }
    return found


def _role_page(
    archive: Archive, name: str, role_id: str, by_year: dict[int | None, list[Assignment]]
) -> str:
    """The role's page: the filtered view of what it leads and supports, and a table of its
    year pages."""
    feed = listing_feed(DEPARTMENTS_FOLDER, role_id)
    feed_title = listing_feed_title(name, is_role=True)
    meta = page_meta([(feed_title, feed)], (DEPARTMENTS_FOLDER, role_id))
    lines = _head(name, role_id, name, meta)
    rows = [a for chosen in by_year.values() for a in chosen]
    leads = sum(1 for a in rows if a.leads)
    lines += [
        f"牵头 {leads} 条，配合 {len(rows) - leads} 条，从新到旧排列。选一个省份即看到国家级和"
        "该省各级的任务；筛选后的地址可以收藏或转发。",
        "",
        f"[订阅：{escape_markdown(feed_title)}（Atom）]"
        f"({posixpath.relpath(feed, DEPARTMENTS_FOLDER)}){{: #req-feed .feed-link }}",
        "",
        "## 任务 {: #requirements }",
        "",
        *wrap_html_runs([_view(archive, role_id, rows)]),
        "",
        "## 各年度 {: #years }",
        "",
        f"按年度逐页浏览（每页最多 {pages.PAGE_SIZE} 条，不需要脚本）。",
        "",
        "| 年度 | 牵头 | 配合 |",
        "|---|---|---|",
    ]
    for year, chosen in by_year.items():
        led = sum(1 for a in chosen if a.leads)
        page = f"{role_id}/{year_id(year)}.md"
        lines.append(f"| [{year_name(year)}]({page}) | {led} | {len(chosen) - led} |")
    return "\n".join(lines) + "\n"


def _view(archive: Archive, role_id: str, rows: list[Assignment]) -> str:
    """The filtered view of a role's assignments (build_tools.render.listing_view)."""
    places = notice_places(archive)
    codes = {places[a.slug] for a in rows}
    notices = archive.by_slug
    years = sorted({y for a in rows if (y := notices[a.slug].metadata.year)}, reverse=True)
    return filter_block(
        DEPARTMENTS_FOLDER, role_id, codes, province_table(archive), years, KIND_NAMES
    )


def _head(name: str, role_id: str, title: str, extra: dict[str, object] | None = None) -> list[str]:
    matter = front_matter_lines({"title": title, "role_id": role_id, **(extra or {})})
    return [*matter, "", f"# {escape_markdown(title)}", ""]


def _year_page(
    name: str,
    role_id: str,
    year: int | None,
    ordered: list[Assignment],
    by_place: dict[tuple[str, str], Requirement],
    number: int,
    count: int,
) -> str:
    title = f"{name} · {year_name(year)}" + (f"（第 {number} 页）" if number > 1 else "")
    lines = _head(name, role_id, title)
    lines += [f"[{escape_markdown(name)}](../{role_id}.md)在{year_name(year)}通知中的分工。", ""]
    stem = year_id(year)
    lines += pages.pager(stem, number, count)
    led = sum(1 for a in ordered if a.leads)
    first = pages.page_start(number)
    shown = pages.page_items(ordered, number)
    for leads, heading, anchor in ((True, "牵头", "leads"), (False, "配合", "supports")):
        total = led if leads else len(ordered) - led
        start = 0 if leads else led  # where the section begins in the whole list
        chosen = [a for a in shown if a.leads == leads]
        if not chosen and not (number == 1 and total == 0):
            continue  # the section is on other pages
        more = "（续）" if chosen and start < first else ""
        lines += [f"## {heading}{more}（{total} 条） {{: #{anchor} }}", ""]
        if not chosen:
            lines += ["无。", ""]
        for assignment in chosen:
            requirement = by_place[(assignment.slug, assignment.anchor)]
            lines += [
                requirement_html(requirement, "../../../")
                + f'\n<p class="evidence">原文：{escape_html(assignment.name)}</p>',
                "",
            ]
    lines += pages.pager(stem, number, count)
    return "\n".join(wrap_html_runs(lines)) + "\n"
