"""Glossary pages: the A–Z index in pinyin order and one page per term with its usage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from build_tools.archive import Archive
from build_tools.model import Confidence, Notice, Term, TermUse
from build_tools.permalinks import notice_url
from build_tools.render.charts import bar_chart
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.frontmatter import front_matter_lines
from build_tools.render.notice import LEVEL_NAMES
from build_tools.render.rawhtml import wrap_html_runs

USAGE_LISTED = 100  # notices listed on a term page; the export has them all


def iter_glossary(archive: Archive) -> Iterator[tuple[str, str]]:
    """Every glossary page as (path under docs/glossary/, page), one at a time."""
    yield "index.md", render_index(archive)
    for term in archive.glossary.terms:
        yield f"{term.id}.md", render_term(term, archive)


def render_index(archive: Archive) -> str:
    """The A–Z index, grouped by the pinyin initial of each term."""
    glossary = archive.glossary
    groups = [(letter, list(terms)) for letter, terms in groupby(glossary.terms, glossary.initial)]
    lines = [*front_matter_lines({"title": "术语表"}), "", "# 术语表", ""]
    lines.append(
        f"共 {len(glossary.terms)} 个术语，按汉语拼音排序。每个术语写明释义、读音、数字所指、"
        "依据和相关术语，并列出使用它的通知和条目。"
    )
    lines += ["", " · ".join(f"[{letter}](#{_letter_id(letter)})" for letter, _ in groups), ""]
    for letter, terms in groups:
        lines += [f"## {letter} {{: #{_letter_id(letter)} }}", ""]
        for term in terms:
            uses = archive.term_uses.get(term.id, ())
            count = f"（{len({use.slug for use in uses})} 份通知）" if uses else ""
            lines.append(
                f"- [{escape_markdown(term.term)}]({term.id}.md) "
                f'<span class="pinyin">{escape_html(term.pinyin)}</span>{count}'
            )
        lines.append("")
    return "\n".join(lines)


def _letter_id(letter: str) -> str:
    return "letter-" + (letter.lower() if letter.isalpha() else "other")


def render_term(term: Term, archive: Archive) -> str:
    """One term: pinyin, aliases, explanation, components, basis, related terms, usage."""
    lines = [
        *front_matter_lines({"title": term.term, "term_id": term.id}),
        "",
        f"# {escape_markdown(term.term)} {{: #term }}",
        "",
        f'<p class="term-pinyin">{escape_html(term.pinyin)}</p>',
        "",
    ]
    if term.aliases:
        lines += [f"又作：{'、'.join(escape_markdown(alias) for alias in term.aliases)}", ""]
    if term.category:
        lines += [f"类别：{escape_markdown(term.category)}", ""]
    lines += ["## 释义 {: #explanation }", "", escape_markdown(term.explanation), ""]
    if term.components:
        lines += [_components_heading(term), ""]
        lines += [f"{index}. {escape_markdown(c)}" for index, c in enumerate(term.components, 1)]
        lines.append("")
    lines += _basis_lines(term)
    related = archive.glossary.related(term)
    if related:
        lines += ["## 相关术语 {: #related }", ""]
        lines += [f"- [{escape_markdown(other.term)}]({other.id}.md)" for other in related]
        lines.append("")
    lines += _usage_lines(term, archive)
    return "\n".join(wrap_html_runs(lines)) + "\n"


def _components_heading(term: Term) -> str:
    return f"## “{escape_markdown(term.term)}”包括 {{: #components }}"


def _basis_lines(term: Term) -> list[str]:
    lines = ["## 依据 {: #basis }", ""]
    if not term.basis:
        if term.basis_confidence is Confidence.CHECKED:
            # Checked against public texts, but a working phrase with no one source to cite.
            return [*lines, "这是工作中的通行提法，没有可以单独列出的法律或文件出处。", ""]
        return [*lines, "尚未核实可靠的法律或文件依据，暂不列出。", ""]
    for basis in term.basis:
        article = f" {escape_markdown(basis.article)}" if basis.article else ""
        lines.append(f"- {escape_markdown(basis.document)}{article}")
    if term.basis_confidence is Confidence.UNSURE:
        lines += ["", '<p class="basis-unsure">以上依据尚待核实，引用前请查对原文。</p>']
    return [*lines, ""]


def _usage_lines(term: Term, archive: Archive) -> list[str]:
    uses = archive.term_uses.get(term.id, ())
    lines = ["## 使用情况 {: #usage }", ""]
    if not uses:
        return [*lines, "本库收录的通知中尚未出现这个术语。", ""]
    notices = [archive.by_slug[slug] for slug in dict.fromkeys(use.slug for use in uses)]
    years = sorted({n.metadata.year for n in notices if n.metadata.year})
    levels = Counter(LEVEL_NAMES[n.metadata.level.value] for n in notices if n.metadata.level)
    total = sum(use.count for use in uses)
    summary = f"{len(notices)} 份通知共使用 {total} 次"
    if years:
        summary += f"，最早 {years[0]} 年，最近 {years[-1]} 年"
    if levels:
        summary += "；按发文层级：" + "、".join(
            f"{name} {count} 份" for name, count in levels.items()
        )
    lines += [summary + "。", ""]
    if years:
        per_year = Counter(n.metadata.year for n in notices)
        bars = [(str(year), per_year.get(year, 0)) for year in range(years[0], years[-1] + 1)]
        lines += [bar_chart(bars, f"{term.term}：每年使用它的通知数"), ""]
    by_notice: dict[str, list[TermUse]] = {}
    for use in uses:
        by_notice.setdefault(use.slug, []).append(use)
    ordered = sorted(notices, key=lambda n: (-(n.metadata.year or 0), n.slug))
    shown = ordered[:USAGE_LISTED]
    if len(ordered) > len(shown):
        lines += [
            f"下面列出最近的 {len(shown)} 份；全部 {len(ordered)} 份及每处位置见"
            "[数据说明](../about/data.md)中的 glossary.json。",
            "",
        ]
    items = "".join(_usage_line(notice, by_notice[notice.slug]) for notice in shown)
    lines += [f'<ul class="term-usage">{items}</ul>', ""]
    return lines


def _usage_line(notice: Notice, uses: list[TermUse]) -> str:
    meta = notice.metadata
    who = meta.issuer or meta.region or "发文机关不详"
    page = f"../../{notice_url(notice)}"
    places = "、".join(
        f'<a href="{page}#{use.anchor}">{escape_html(use.number or use.anchor or "")}</a>'
        + (f"（{use.count} 次）" if use.count > 1 else "")
        for use in uses
        if use.anchor
    )
    outside = sum(use.count for use in uses if not use.anchor)
    if outside:
        places += ("、" if places else "") + f"条目之外 {outside} 次"
    return (
        f'<li>{meta.year or "年度不详"} · <a href="{page}">{escape_html(meta.title)}</a>'
        f"（{escape_html(who)}）：{places}</li>"
    )
