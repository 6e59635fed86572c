"""Lead-department pages: for each role, what it leads and supports across notices."""

from __future__ import annotations

from build_tools.archive import Archive
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import Requirement, requirement_html, requirements
from build_tools.roles import Assignment

DEPARTMENTS_FOLDER = "departments"


def render_departments(archive: Archive) -> dict[str, str]:
    """The role index and one page per role, by path under docs/departments/."""
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
    pages: dict[str, str] = {}
    for role_id, items in ordered:
        name = archive.role_name(role_id)
        leads = sum(1 for a in items if a.leads)
        spellings = "、".join(dict.fromkeys(a.name for a in items))
        lines.append(
            f"| [{escape_markdown(name)}]({role_id}.md) | {leads} | {len(items) - leads} | "
            f"{escape_markdown(spellings)} |"
        )
        pages[f"{role_id}.md"] = _role_page(name, role_id, items, by_place)
    pages["index.md"] = "\n".join(lines) + "\n"
    return pages


def _role_page(
    name: str,
    role_id: str,
    items: tuple[Assignment, ...],
    by_place: dict[tuple[str, str], Requirement],
) -> str:
    lines = [
        "---",
        f'title: "{name}"',
        f"role_id: {role_id}",
        "---",
        "",
        f"# {escape_markdown(name)}",
        "",
    ]
    for leads, heading, anchor in ((True, "牵头", "leads"), (False, "配合", "supports")):
        chosen = [a for a in items if a.leads == leads]
        lines += [f"## {heading}（{len(chosen)} 条） {{: #{anchor} }}", ""]
        if not chosen:
            lines += ["无。", ""]
        rows = sorted(chosen, key=lambda a: by_place[(a.slug, a.anchor)].sort_key)
        for assignment in rows:
            requirement = by_place[(assignment.slug, assignment.anchor)]
            lines += [
                requirement_html(requirement)
                + f'\n<p class="evidence">原文：{escape_html(assignment.name)}</p>',
                "",
            ]
    return "\n".join(wrap_html_runs(lines)) + "\n"
