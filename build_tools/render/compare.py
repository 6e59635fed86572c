"""The compare page and the per-notice outline files its script loads, two at a time.

The page lists every notice once (the options of the left select; the script copies them
into the right one) and carries no other per-notice data: outlines stay in
``compare/data/<slug>.json`` until a reader picks a notice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from build_tools.archive import Archive
from build_tools.compare import default_pair, outline_rows
from build_tools.model import Notice
from build_tools.permalinks import notice_url
from build_tools.render.escape import escape_html
from build_tools.render.frontmatter import front_matter_lines
from build_tools.render.rawhtml import wrap_html_runs
from build_tools.render.requirements import who
from build_tools.write import Content

COMPARE_FOLDER = "compare"
DATA_FOLDER = f"{COMPARE_FOLDER}/data"
# Styles for the comparison table, kept beside the only page that uses them.
_STYLE = """<style>
.compare-form { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
.compare-form label { display: flex; flex-direction: column; max-width: 100%; }
.compare-form select { max-width: 100%; font: inherit; }
.md-typeset table.compare-table { display: table; width: 100%; table-layout: fixed; }
.md-typeset .compare-table th:nth-child(2), .md-typeset .compare-table td:nth-child(2) {
  width: 6.5em; text-align: center; }
.md-typeset .compare-table th, .md-typeset .compare-table td {
  padding: .5em .6em; vertical-align: top; border-top: .05rem solid #e0e0e0; }
.compare-who { font-weight: normal; color: #595959; }
.compare-text { white-space: pre-line; }
.md-typeset .compare-table ins { background: #d6f0dc; color: #0b3d17; text-decoration: none; }
.md-typeset .compare-table del { background: #fbe1df; color: #5e0f0a; }
.md-typeset .compare-table tr.compare-same { color: #595959; }
</style>"""


def _label(notice: Notice) -> str:
    year = notice.metadata.year
    return f"{year or '年度不详'} · {who(notice)} · {notice.metadata.title}"


def _newest_first(archive: Archive) -> list[Notice]:
    return sorted(
        archive.notices,
        key=lambda n: (n.metadata.year or 0, n.metadata.date or "", n.slug),
        reverse=True,
    )


def compare_page(archive: Archive) -> str:
    """The compare page: two selects preset to the default pair, and the results area."""
    pair = default_pair(archive)
    left, right = pair if pair else ("", "")
    # One option line per notice, about 130 bytes: some 1.3 MB at 10,000 notices. If that
    # grows too heavy, the list can move to per-year JSON (as data/years/ for browse/all).
    options = [
        f'<option value="{escape_html(n.slug)}"{" selected" if n.slug == left else ""}>'
        f"{escape_html(_label(n))}</option>"
        for n in _newest_first(archive)
    ]
    lines = [
        *front_matter_lines({"title": "比较"}),
        "",
        "# 比较",
        "",
        "选择两份通知，逐条对照它们的编号条目：哪些条目新增、删除或修改，修改之处逐字标出，"
        "并链接到两份通知的原文。",
        "",
        _STYLE,
        "",
        '<form class="compare-form" id="compare-form">',
        '<label>左栏 <select id="compare-a" name="a">',
        *options,
        "</select></label>",
        f'<label>右栏 <select id="compare-b" name="b" data-default="{escape_html(right)}">'
        "</select></label>",
        '<button type="button" class="md-button" id="compare-swap">左右交换</button>',
        "</form>",
        "",
        '<p id="compare-summary" aria-live="polite"></p>',
        "",
        '<div id="compare-results" class="compare-results"></div>',
        "",
        "<noscript><p>比较在浏览器中进行，需要启用 JavaScript。</p></noscript>",
        "",
        '<script src="../javascripts/compare.js"></script>',
    ]
    return "\n".join(wrap_html_runs(lines)) + "\n"


def notice_outline(notice: Notice) -> str:
    """A notice's outline as JSON for the compare page: who, when, where, and every part."""
    meta = notice.metadata
    record = {
        "slug": notice.slug,
        "title": meta.title,
        "year": meta.year,
        "issuer": meta.issuer,
        "region": meta.region,
        "date": meta.date,
        "url": f"../{notice_url(notice)}",
        "rows": [
            {
                "anchor": r.anchor,
                "number": r.number,
                "style": r.style.value,
                "depth": r.depth,
                "heading": r.heading,
                "text": r.text,
            }
            for r in outline_rows(notice)
        ],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_compare(archive: Archive) -> dict[str, str]:
    """The compare page and one outline file per notice, by path under docs/."""
    files = {f"{COMPARE_FOLDER}/index.md": compare_page(archive)}
    files.update({f"{DATA_FOLDER}/{n.slug}.json": notice_outline(n) for n in archive.notices})
    return files


def iter_compare(
    archive: Archive, outline: Callable[[Notice], Content] | None = None
) -> Iterator[tuple[str, Content]]:
    """The compare page, then one outline file per notice, made one at a time.

    ``outline`` gives a notice's outline file (made earlier), else it is made here.
    """
    yield f"{COMPARE_FOLDER}/index.md", compare_page(archive)
    for notice in archive.notices:
        made = outline(notice) if outline else notice_outline(notice)
        yield f"{DATA_FOLDER}/{notice.slug}.json", made
