"""Around a notice's text: download link, citation line and related notices."""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import TYPE_CHECKING

from build_tools.model import Notice
from build_tools.permalinks import ROOT_FROM_NOTICE, notice_url, relative_url
from build_tools.render.escape import escape_html
from build_tools.render.raw_source import download_link

if TYPE_CHECKING:
    from build_tools.archive import Archive

RELATED_BY_TERMS = 3
# At most this many per reason, so a page does not grow with the archive.
RELATED_PER_REASON = 5
MIN_SHARED_TERMS = 3
# Notices sharing terms are looked for through a notice's rarest shared terms only, through
# at most this many notices per term, and only the most promising candidates are compared in
# full, so finding them costs the same at any archive size.
RARE_TERMS = 12
NOTICES_PER_TERM = 300
CANDIDATES = 50


def citation(notice: Notice) -> str:
    """A GB/T 7714-2015 style reference: 发文机关. 题名: 文号[A]. 日期."""
    meta = notice.metadata
    author = meta.issuer or meta.region or "佚名"
    title = meta.notice_title or meta.title
    number = f": {meta.doc_number}" if meta.doc_number else ""
    when = meta.date or (str(meta.year) if meta.year else "")
    return f"{author}. {title}{number}[A]. {when}.".replace(" .", ".").rstrip()


def tools_block(notice: Notice) -> str:
    """Raw-file download and the citation with a copy button (an annotation block)."""
    return (
        '<div class="notice-tools">'
        f"<p>{download_link(notice, ROOT_FROM_NOTICE)}</p>"
        f'<p class="citation-label">引用本文（GB/T 7714）：</p>'
        f'<pre class="citation"><code>{escape_html(citation(notice))}</code></pre>'
        "</div>"
    )


def related_notices(notice: Notice, archive: Archive) -> list[tuple[Notice, str]]:
    """Notices worth reading next, each with the reason it is related."""
    meta = notice.metadata
    found: dict[str, tuple[Notice, str]] = {}
    same_issuer = sorted(
        (n for n in archive.by_issuer.get(meta.issuer or "", ()) if n.metadata.year != meta.year),
        key=lambda n: (abs((n.metadata.year or 0) - (meta.year or 0)), n.slug),
    )
    same_year = islice(
        (
            other
            for other in archive.by_year.get(meta.year or 0, ())
            if meta.year and other.metadata.level != meta.level
        ),
        RELATED_PER_REASON,
    )
    for other in same_issuer[:RELATED_PER_REASON]:
        found.setdefault(other.slug, (other, "同一发文机关的其他年度"))
    for other in same_year:
        found.setdefault(other.slug, (other, "同一年度的其他层级"))
    for other, shared_count in _sharing_terms(notice, archive)[:RELATED_BY_TERMS]:
        found.setdefault(other.slug, (other, f"共用 {shared_count} 个术语"))
    return list(found.values())


def _sharing_terms(notice: Notice, archive: Archive) -> list[tuple[Notice, int]]:
    """Notices sharing at least MIN_SHARED_TERMS terms, most similar (Jaccard) first."""
    sets = archive.term_sets
    mine = sets.get(notice.slug, frozenset())
    users = archive.term_notices
    shared_terms = [term for term in mine if len(users.get(term, ())) > 1]
    rare = sorted(shared_terms, key=lambda term: (len(users[term]), term))[:RARE_TERMS]
    counts: Counter[str] = Counter()
    for term in rare:  # a list at a time: counted in C, not through a generator
        counts.update(users[term][:NOTICES_PER_TERM])
    counts.pop(notice.slug, None)
    scored = []
    for slug, _ in counts.most_common(CANDIDATES):
        theirs = sets[slug]
        shared = len(mine & theirs)
        if shared >= MIN_SHARED_TERMS:
            scored.append((shared / len(mine | theirs), shared, slug))
    scored.sort(key=lambda item: (-item[0], item[2]))
    return [(archive.by_slug[slug], shared) for _, shared, slug in scored]


def related_block(notice: Notice, archive: Archive) -> str | None:
    """The related-notices list as an annotation block, or None."""
    related = related_notices(notice, archive)
    if not related:
        return None
    items = "".join(
        f'<li><a href="{relative_url(notice_url(other), notice_url(notice))}">'
        f"{escape_html(other.metadata.title)}</a>"
        f"（{escape_html(str(other.metadata.year or '年度不详'))}，"
        f"{escape_html(other.metadata.issuer or other.metadata.region or '发文机关不详')}）"
        f" — {escape_html(reason)}</li>"
        for other, reason in related
    )
    return f'<div class="related-notices"><h2 id="related">相关通知</h2><ul>{items}</ul></div>'
