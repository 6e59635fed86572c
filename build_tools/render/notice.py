"""One notice as Markdown: YAML front matter, a metadata panel and the annotated body.

Annotations (panel, department labels, attribute lists) are added around the source text;
stripping them gives back the cleaned text, whitespace aside.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from build_tools.archive import Curated
from build_tools.glossary.matching import TermMatcher
from build_tools.model import Notice, NumberStyle, Paragraph, Part, Role, SectorHit, TermCount
from build_tools.permalinks import ROOT_FROM_NOTICE
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.frontmatter import front_matter as front_matter_block
from build_tools.render.links import Linker
from build_tools.render.notice_extras import related_block, tools_block
from build_tools.render.rawhtml import join_blocks, raw_block

if TYPE_CHECKING:
    from build_tools.archive import Archive

HEADING_STYLES = (NumberStyle.CHINESE, NumberStyle.PAREN_CHINESE)
_ROLE_CLASSES = {
    Role.DOC_NUMBER: "doc-number",
    Role.NOTICE_TITLE: "doc-notice-title",
    Role.TITLE: "doc-title",
    Role.ISSUER: "doc-issuer",
    Role.DATE: "doc-date",
    Role.RECIPIENTS: "doc-recipients",
}
LEVEL_NAMES = {
    "national": "国家级",
    "provincial": "省级",
    "prefectural": "地市级",
    "county": "县级",
}
# Classes of elements that are annotations, not source text.
ANNOTATION_CLASSES = (
    "notice-meta",
    "notice-tools",
    "item-labels",
    "headerlink",
    "related-notices",
    "notice-citations",
)
Labeller = Callable[[Part], str | None]


def front_matter(notice: Notice) -> dict[str, Any]:
    """The front-matter mapping: every key of the PRODUCT.md contract, then extras."""
    meta = notice.metadata
    return {
        "title": meta.title,
        "notice_title": meta.notice_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issuers": list(meta.issuers),
        "level": meta.level.value if meta.level else None,
        "region": meta.region,
        "date": meta.date,
        "published": meta.published,
        "year": meta.year,
        "recipients": list(meta.recipients),
        "status": meta.status,
        "index_number": meta.index_number,
        "source": {
            "file": notice.source.file,
            "sha256": notice.source.sha256,
            "url": notice.source.url,
        },
        "sectors": [],
        "terms": [],
        "publisher": meta.publisher,
        "region_code": meta.region_code,
        "encoding": notice.source.encoding,
        "parts": len(notice.parts()),
    }


def render_notice(notice: Notice, archive: Archive | None = None) -> str:
    """The whole Markdown page of a notice; with an archive, terms, sectors and roles link."""
    if archive is None:
        labeller: Labeller = lambda part: item_labels(part, [], None)  # noqa: E731
        return _page(front_matter(notice), notice, render_body(notice.paragraphs, None, labeller))
    curated = Curated(archive.glossary, archive.taxonomy, archive.roles)
    counts = archive.term_counts.get(notice.slug, ())
    page = render_notice_page(
        notice, curated, archive.matcher, counts, archive.part_sectors.get(notice.slug, {})
    )
    return with_related(page, notice, archive)


def render_notice_page(
    notice: Notice,
    curated: Curated,
    matcher: TermMatcher,
    counts: tuple[TermCount, ...],
    sectors: Mapping[str, tuple[SectorHit, ...]],
) -> str:
    """The page from what the notice alone determines: all but the related notices."""
    matter = front_matter(notice)
    found = {hit.sector for hits in sectors.values() for hit in hits}
    matter["sectors"] = [s.id for s in curated.taxonomy.sectors if s.id in found]
    matter["terms"] = list(dict.fromkeys(term_id for term_id, _, _ in counts))
    labeller = _labeller(sectors, curated)
    return _page(matter, notice, render_body(notice.paragraphs, Linker(matcher), labeller))


def with_related(page: str, notice: Notice, archive: Archive) -> str:
    """The page with its citations and related notices, which depend on the rest of the
    archive."""
    from build_tools.render.citations import with_citations  # it needs this module

    return with_block(page, with_citations(notice, archive, related_block(notice, archive)))


def with_block(page: str, related: str | None) -> str:
    """The page with the related-notices block ``related`` (see ``related_block``), if any."""
    return f"{page[:-1]}\n\n{raw_block(related)}\n" if related else page


def _page(matter: dict[str, Any], notice: Notice, body: list[str]) -> str:
    blocks = [metadata_panel(notice), tools_block(notice), *body]
    return f"{front_matter_block(matter)}\n{join_blocks(blocks)}\n"


def _labeller(sectors: Mapping[str, tuple[SectorHit, ...]], curated: Curated) -> Labeller:
    taxonomy = curated.taxonomy.by_id

    def role_of(name: str) -> str:
        return curated.roles.role_for(name).id

    def labels(part: Part) -> str | None:
        names = [(hit.sector, taxonomy[hit.sector].name) for hit in sectors.get(part.anchor, ())]
        return item_labels(part, names, role_of)

    return labels


def metadata_panel(notice: Notice) -> str:
    """A gov.cn-style table of the notice's metadata, as a raw HTML block."""
    meta = notice.metadata
    rows = [
        ("发文机关", meta.issuer),
        ("发文字号", meta.doc_number),
        ("成文日期", meta.date),
        ("发布日期", meta.published),
        ("有效性", meta.status),
        ("索引号", meta.index_number),
        ("层级", LEVEL_NAMES.get(meta.level.value) if meta.level else None),
        ("地区", meta.region),
        ("年度", str(meta.year) if meta.year else None),
        ("发布机构", meta.publisher),
    ]
    cells = "".join(
        f"<div><dt>{label}</dt><dd>{escape_html(value) if value else '未知'}</dd></div>"
        for label, value in rows
        if value or label in ("发文机关", "发文字号", "成文日期")
    )
    return f'<dl class="notice-meta">{cells}</dl>'


def render_body(
    paragraphs: tuple[Paragraph, ...],
    linker: Linker | None = None,
    labeller: Labeller | None = None,
) -> list[str]:
    """The body's blocks in source order: Markdown headings for headed parts, else HTML.

    Labels follow each part's first line.
    """
    blocks: list[str] = []
    for paragraph in paragraphs:
        link = _link_function(linker)
        if paragraph.part is not None:
            blocks.extend(_render_part(paragraph, paragraph.part, link))
            labels = labeller(paragraph.part) if labeller else None
            if labels:
                blocks.append(labels)
        else:
            blocks.append(_render_plain(paragraph, link))
    return blocks


def _link_function(linker: Linker | None) -> Callable[[str], str]:
    """Escape-and-link (HTML) for one paragraph: each term links once per paragraph."""
    if linker is None:
        return escape_html
    seen: set[str] = set()
    return lambda text: linker.link_html(text, seen)


def _render_plain(paragraph: Paragraph, link: Callable[[str], str]) -> str:
    role_class = _ROLE_CLASSES.get(paragraph.role)
    if role_class:
        return f'<p class="{role_class}">{escape_html(paragraph.text)}</p>'
    return f"<p>{link(paragraph.text)}</p>"


def _render_part(paragraph: Paragraph, part: Part, link: Callable[[str], str]) -> list[str]:
    text = paragraph.text
    if part.style in HEADING_STYLES and part.heading:
        level = "#" * min(1 + paragraph.depth, 4)
        cut = _heading_end(text, part)
        heading = f"{level} {escape_markdown(text[:cut])} {{: #{part.anchor} }}"
        rest = text[cut:].strip()
        return [heading, f"<p>{link(rest)}</p>"] if rest else [heading]
    cut = _heading_end(text, part) if part.heading else 0
    lead = f"<strong>{escape_html(text[:cut])}</strong>" if 0 < cut < len(text) else ""
    body = link(text[cut:]) if lead else link(text)
    permalink = f'<a class="headerlink" href="#{part.anchor}" title="本条链接">¶</a>'
    return [
        f'<p id="{part.anchor}" class="item item-{part.style.value}">{lead}{body}{permalink}</p>'
    ]


def _heading_end(text: str, part: Part) -> int:
    """Index just after the part's title sentence (and its closing punctuation)."""
    heading = part.heading or ""
    start = text.find(heading, len(part.number))
    if start < 0:
        return len(text)
    end = start + len(heading)
    if end < len(text) and text[end] in "。！？；;!?，,：:":
        end += 1
    return end


def department_labels(part: Part, role_of: Callable[[str], str] | None = None) -> list[str]:
    """Lead and supporting departments as labels, each linking to its role page if known."""
    labels = []
    for kind, names, css in (
        ("牵头", part.lead_departments, "lead"),
        ("配合", part.supporting_departments, "support"),
    ):
        if not names:
            continue
        labels.append(f'<span class="label-kind">{kind}</span>')
        for name in names:
            text = escape_html(name)
            if role_of is None:
                labels.append(f'<span class="dept dept-{css}">{text}</span>')
            else:
                href = f"{ROOT_FROM_NOTICE}departments/{role_of(name)}/"
                labels.append(f'<a class="dept dept-{css}" href="{href}">{text}</a>')
    return labels


def item_labels(
    part: Part, sectors: list[tuple[str, str]], role_of: Callable[[str], str] | None
) -> str | None:
    """A paragraph of labels after an item: departments, then sectors (id, name)."""
    labels = department_labels(part, role_of)
    if sectors:
        labels.append('<span class="label-kind">行业</span>')
        labels += [
            f'<a class="sector" href="{ROOT_FROM_NOTICE}sectors/{sector_id}/">'
            f"{escape_html(name)}</a>"
            for sector_id, name in sectors
        ]
    if not labels:
        return None
    return f'<p class="item-labels" data-part="{part.anchor}">{" ".join(labels)}</p>'
