"""The generated index of all notices, newest plan year first."""

from __future__ import annotations

from itertools import groupby

from build_tools.model import Notice
from build_tools.render.escape import escape_markdown
from build_tools.render.notice import LEVEL_NAMES


def render_listing(notices: list[Notice]) -> str:
    """A Markdown page listing every notice, grouped by plan year."""
    ordered = sorted(
        notices, key=lambda n: (-(n.metadata.year or 0), n.metadata.date or "", n.slug)
    )
    lines = ["---", "title: 全部通知", "---", "", "# 全部通知", ""]
    lines.append(f"本库共收录 {len(notices)} 份通知。")
    for year, group in groupby(ordered, key=lambda n: n.metadata.year):
        lines += ["", f"## {year or '年度不详'} {{: #y{year or 'unknown'} }}", ""]
        for notice in group:
            meta = notice.metadata
            details = [
                meta.issuer or "发文机关不详",
                LEVEL_NAMES.get(meta.level.value, "") if meta.level else "",
                meta.doc_number or "",
                meta.date or "",
            ]
            suffix = escape_markdown("，".join(detail for detail in details if detail))
            lines.append(f"- [{escape_markdown(meta.title)}]({notice.slug}.md) — {suffix}")
    return "\n".join(lines) + "\n"
