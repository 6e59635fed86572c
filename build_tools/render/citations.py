"""引用 and 被引用 on a notice page, and the citation exports.

What a notice cites is listed in text order, each document once: linked to its page where
the archive holds it (with the rule that matched), else plain text with a link to the
site's search. The notices citing it follow, grouped by level, newest first; a level lists
at most MAX_CITING notices, so a page does not grow with the archive (the exports list all).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from build_tools.archive import Archive
from build_tools.citations.resolve import (
    AMBIGUOUS,
    BY_ISSUER_AND_TITLE,
    BY_NUMBER,
    BY_TITLE,
    BY_TITLE_WITHOUT_ISSUER,
    CitedDocument,
)
from build_tools.model import Notice
from build_tools.permalinks import ROOT_FROM_NOTICE, notice_url, relative_url
from build_tools.render.browse import LEVELS, level_name
from build_tools.render.escape import escape_html
from build_tools.render.requirements import newest_first

MAX_CITING = 20  # citing notices shown per level
DATA_FILE = "data/citations.json"
FIELDS = (
    "notice_id", "notice_url", "title", "doc_number", "issuer", "relations", "marks",
    "attached", "items", "mentions", "cited_id", "cited_url", "rule",
)  # fmt: skip
RULE_LABELS = {
    BY_NUMBER: "发文字号相同",
    BY_TITLE: "标题相同",
    BY_ISSUER_AND_TITLE: "发文机关和标题相同",
    BY_TITLE_WITHOUT_ISSUER: "标题相同（不计发文机关）",
}


def with_citations(notice: Notice, archive: Archive, related: str | None) -> str | None:
    """The blocks that follow a notice's text: 引用, 被引用, then ``related`` (the related
    notices), or None if there is none of them."""
    blocks = [cites_block(notice, archive), cited_by_block(notice, archive), related]
    return "".join(block for block in blocks if block) or None


def cites_block(notice: Notice, archive: Archive) -> str | None:
    """What the notice cites (its own attachments aside), as an annotation block."""
    documents = [d for d in archive.cited.cites.get(notice.slug, ()) if not d.attached]
    if not documents:
        return None
    numbers = {part.anchor: part.number for part in notice.parts()}
    items = "".join(_cited_item(d, notice, archive, numbers) for d in documents)
    return (
        '<div class="notice-citations cites"><h2 id="cites">引用</h2>'
        '<p class="citations-note">本文引用的文件，按在正文中首次出现的先后排列；'
        "本档案收录的，链接到其页面。</p>"
        f"<ol>{items}</ol></div>"
    )


def _cited_item(
    document: CitedDocument, notice: Notice, archive: Archive, numbers: dict[str, str]
) -> str:
    marks = "".join(f'<span class="cite-mark">{escape_html(m)}</span>' for m in document.marks)
    relations = "、".join(document.relations)
    relation = f'<span class="cite-relation">{escape_html(relations)}</span>' if relations else ""
    issuer = escape_html(document.issuer) if document.issuer else ""
    name = f"《{escape_html(document.title)}》" if document.title else ""
    number = escape_html(document.doc_number or "")
    if document.title and number:
        number = f"（{number}）"
    target = archive.by_slug.get(document.target) if document.target else None
    if target is not None:
        href = escape_html(relative_url(notice_url(target), notice_url(notice)))
        cited = f'{issuer}<a class="cite-target" href="{href}">{name}{number}</a>'
        evidence = f'<span class="cite-evidence">{RULE_LABELS[document.rule or ""]}</span>'
    else:
        query = quote(document.title or document.doc_number or "", safe="")
        href = escape_html(f"{ROOT_FROM_NOTICE}?q={query}")
        cited = f'<span class="cite-text">{issuer}{name}{number}</span>'
        why = "本档案有多份同名文件" if document.rule == AMBIGUOUS else "本档案未收录"
        evidence = (
            f'<span class="cite-evidence">{why}</span>'
            f'<a class="cite-search" href="{href}">在本站搜索</a>'
        )
    return f"<li>{marks}{relation}{cited}{_where(document, numbers)}{evidence}</li>"


def _where(document: CitedDocument, numbers: dict[str, str]) -> str:
    """Links to the items that cite the document, each named by its numbers from the top
    (s2-5-2 → 二、（五）15.)."""
    links = [
        f'<a href="#{anchor}">{escape_html(_item_name(anchor, numbers))}</a>'
        for anchor in document.anchors
        if anchor and anchor in numbers
    ]
    return f'<span class="cite-where">见 {"、".join(links)}</span>' if links else ""


def _item_name(anchor: str, numbers: dict[str, str]) -> str:
    steps = anchor.split("-")
    return "".join(numbers.get("-".join(steps[: i + 1]), "") for i in range(len(steps)))


def cited_by_block(notice: Notice, archive: Archive) -> str | None:
    """The notices that cite this one, by level, newest first, as an annotation block."""
    citing = archive.cited.cited_by.get(notice.slug, ())
    if not citing:
        return None
    by_slug = {slug: document for slug, document in citing}
    notices = newest_first(archive.by_slug[slug] for slug in by_slug)
    groups = []
    for level in LEVELS:
        members = [other for other in notices if level_name(other) == level]
        if not members:
            continue
        items = "".join(
            _citing_item(other, by_slug[other.slug], notice) for other in members[:MAX_CITING]
        )
        more = len(members) - MAX_CITING
        if more > 0:
            href = escape_html(ROOT_FROM_NOTICE + DATA_FILE)
            items += f'<li class="cite-more">另有 {more} 份，见 <a href="{href}">引用数据</a></li>'
        groups.append(
            f'<p class="cited-level">{escape_html(level)}（{len(members)}）</p><ul>{items}</ul>'
        )
    return (
        '<div class="notice-citations cited-by"><h2 id="cited-by">被引用</h2>'
        f"{''.join(groups)}</div>"
    )


def _citing_item(other: Notice, document: CitedDocument, notice: Notice) -> str:
    meta = other.metadata
    href = escape_html(relative_url(notice_url(other), notice_url(notice)))
    marks = "".join(f'<span class="cite-mark">{escape_html(m)}</span>' for m in document.marks)
    who = meta.issuer or meta.region or "发文机关不详"
    return (
        f'<li>{marks}<a href="{href}">{escape_html(meta.title)}</a>'
        f"（{escape_html(str(meta.year or '年度不详'))}，{escape_html(who)}）</li>"
    )


def citation_records(archive: Archive) -> Iterator[dict[str, Any]]:
    """One record per document a notice cites (its attachments too, marked), in archive
    order and then text order; keys in FIELDS order."""
    for notice in archive.notices:
        for document in archive.cited.cites.get(notice.slug, ()):
            target = archive.by_slug.get(document.target) if document.target else None
            yield {
                "notice_id": notice.slug,
                "notice_url": notice_url(notice),
                "title": document.title,
                "doc_number": document.doc_number,
                "issuer": document.issuer,
                "relations": list(document.relations),
                "marks": list(document.marks),
                "attached": document.attached,
                "items": [anchor for anchor in document.anchors if anchor],
                "mentions": document.mentions,
                "cited_id": target.slug if target else None,
                "cited_url": notice_url(target) if target else None,
                "rule": document.rule,
            }
