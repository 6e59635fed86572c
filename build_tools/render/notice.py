"""One notice as Markdown: YAML front matter, a metadata panel and the annotated body.

Annotations (panel, department labels, attribute lists) are added around the source text;
stripping them gives back the cleaned text, whitespace aside.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml

from build_tools.model import Notice, NumberStyle, Paragraph, Part, Role
from build_tools.render.escape import escape_html, escape_markdown
from build_tools.render.links import Linker
from build_tools.render.notice_extras import related_block, tools_block

if TYPE_CHECKING:
    from build_tools.archive import Archive

# libyaml's safe dumper when installed (ten times faster), else the pure-Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
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
        "level": meta.level.value if meta.level else None,
        "region": meta.region,
        "date": meta.date,
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
    matter = front_matter(notice)
    linker = None
    labeller: Labeller = lambda part: item_labels(part, [], None)  # noqa: E731
    if archive is not None:
        matter["sectors"] = list(archive.notice_sectors(notice.slug))
        matter["terms"] = list(archive.notice_terms.get(notice.slug, ()))
        linker = Linker(archive.matcher)
        labeller = _archive_labeller(notice, archive)
    header = yaml.dump(matter, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    body = render_body(notice.paragraphs, linker, labeller)
    blocks = [f"---\n{header}---", metadata_panel(notice), tools_block(notice), *body]
    related = related_block(notice, archive) if archive is not None else None
    return "\n\n".join([*blocks, related] if related else blocks) + "\n"


def _archive_labeller(notice: Notice, archive: Archive) -> Labeller:
    hits = archive.part_sectors.get(notice.slug, {})
    taxonomy = archive.taxonomy.by_id

    def role_of(name: str) -> str:
        return archive.roles.role_for(name).id

    def labels(part: Part) -> str | None:
        sectors = [(hit.sector, taxonomy[hit.sector].name) for hit in hits.get(part.anchor, ())]
        return item_labels(part, sectors, role_of)

    return labels


def metadata_panel(notice: Notice) -> str:
    """A gov.cn-style table of the notice's metadata, as a raw HTML block."""
    meta = notice.metadata
    rows = [
        ("发文机关", meta.issuer),
        ("发文字号", meta.doc_number),
        ("成文日期", meta.date),
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
    """Markdown blocks for the body, in source order; labels follow each part's first line."""
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
    """Escape-and-link for one paragraph: each term links once per paragraph."""
    if linker is None:
        return escape_markdown
    seen: set[str] = set()
    return lambda text: linker.link(text, seen)


def _render_plain(paragraph: Paragraph, link: Callable[[str], str]) -> str:
    role_class = _ROLE_CLASSES.get(paragraph.role)
    if role_class:
        return f"{escape_markdown(paragraph.text)}\n{{: .{role_class} }}"
    return link(paragraph.text)


def _render_part(paragraph: Paragraph, part: Part, link: Callable[[str], str]) -> list[str]:
    text = paragraph.text
    if part.style in HEADING_STYLES and part.heading:
        level = "#" * min(1 + paragraph.depth, 4)
        cut = _heading_end(text, part)
        heading = f"{level} {escape_markdown(text[:cut])} {{: #{part.anchor} }}"
        rest = text[cut:].strip()
        return [heading, link(rest)] if rest else [heading]
    cut = _heading_end(text, part) if part.heading else 0
    lead = f"**{escape_markdown(text[:cut])}**" if 0 < cut < len(text) else ""
    body = link(text[cut:]) if lead else link(text)
    permalink = f'<a class="headerlink" href="#{part.anchor}" title="本条链接">¶</a>'
    return [f"{lead}{body}{permalink}\n{{: #{part.anchor} .item .item-{part.style.value} }}"]


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
            text = escape_markdown(name)
            if role_of is None:
                labels.append(f'<span class="dept dept-{css}">{escape_html(name)}</span>')
            else:
                labels.append(
                    f"[{text}](../departments/{role_of(name)}.md){{: .dept .dept-{css} }}"
                )
    return labels


def item_labels(
    part: Part, sectors: list[tuple[str, str]], role_of: Callable[[str], str] | None
) -> str | None:
    """A paragraph of labels after an item: departments, then sectors (id, name)."""
    labels = department_labels(part, role_of)
    if sectors:
        labels.append('<span class="label-kind">行业</span>')
        labels += [
            f"[{escape_markdown(name)}](../sectors/{sector_id}.md){{: .sector }}"
            for sector_id, name in sectors
        ]
    if not labels:
        return None
    return " ".join(labels) + f'\n{{: .item-labels data-part="{part.anchor}" }}'
