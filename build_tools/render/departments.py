"""Lead-department pages: for each role, what it leads and supports across notices."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from build_tools.archive import Archive
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import (
    Requirement,
    requirement_html,
    requirements,
    year_id,
    year_name,
)
from build_tools.roles import Assignment

DEPARTMENTS_FOLDER = "departments"


def render_departments(archive: Archive) -> dict[str, str]:
    """Every role page by its path under docs/departments/ (see ``iter_departments``)."""
    return dict(iter_departments(archive))


def iter_departments(archive: Archive) -> Iterator[tuple[str, str]]:
    """The role index, one page per role and one per role and year, one at a time."""
    by_place = {(r.notice.slug, r.part.anchor): r for r in requirements(archive)}
    ordered = sorted(
        archive.role_assignments.items(),
        key=lambda item: (-sum(1 for a in item[1] if a.leads), -len(item[1]), item[0]),
    )
    lines = ["---", "title: 按牵头部门", "---", "", "# 按牵头部门", ""]
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
        yield from _role_pages(name, role_id, items, by_place).items()
    yield "index.md", "\n".join(lines) + "\n"


def _role_pages(
    name: str,
    role_id: str,
    items: tuple[Assignment, ...],
    by_place: dict[tuple[str, str], Requirement],
) -> dict[str, str]:
    """The role's page (a table of years) and one page per year, by path under departments/.

    Split by year so that no page grows with the archive beyond one year's notices.
    """
    rows = sorted(items, key=lambda a: by_place[(a.slug, a.anchor)].sort_key)
    lines = _head(name, role_id, name)
    leads = sum(1 for a in rows if a.leads)
    lines += [
        f"牵头 {leads} 条，配合 {len(rows) - leads} 条。每个年度一页，列出条目全文并链接到原文。",
        "",
        "## 各年度 {: #years }",
        "",
        "| 年度 | 牵头 | 配合 |",
        "|---|---|---|",
    ]
    pages: dict[str, str] = {}
    for year, by_year in groupby(
        rows, key=lambda a: by_place[(a.slug, a.anchor)].notice.metadata.year
    ):
        chosen = list(by_year)
        led = sum(1 for a in chosen if a.leads)
        page = f"{role_id}/{year_id(year)}.md"
        lines.append(f"| [{year_name(year)}]({page}) | {led} | {len(chosen) - led} |")
        pages[page] = _year_page(name, role_id, year_name(year), chosen, by_place)
    pages[f"{role_id}.md"] = "\n".join(lines) + "\n"
    return pages


def _head(name: str, role_id: str, title: str) -> list[str]:
    return ["---", f'title: "{title}"', f"role_id: {role_id}", "---", "",
            f"# {escape_markdown(title)}", ""]  # fmt: skip


def _year_page(
    name: str,
    role_id: str,
    year_name: str,
    rows: list[Assignment],
    by_place: dict[tuple[str, str], Requirement],
) -> str:
    lines = _head(name, role_id, f"{name} · {year_name}")
    lines += [f"[{escape_markdown(name)}](../{role_id}.md)在{year_name}通知中的分工。", ""]
    for leads, heading, anchor in ((True, "牵头", "leads"), (False, "配合", "supports")):
        chosen = [a for a in rows if a.leads == leads]
        lines += [f"## {heading}（{len(chosen)} 条） {{: #{anchor} }}", ""]
        if not chosen:
            lines += ["无。", ""]
        for assignment in chosen:
            requirement = by_place[(assignment.slug, assignment.anchor)]
            lines += [
                requirement_html(requirement, "../../../")
                + f'\n<p class="evidence">原文：{escape_html(assignment.name)}</p>',
                "",
            ]
    return "\n".join(wrap_html_runs(lines)) + "\n"
