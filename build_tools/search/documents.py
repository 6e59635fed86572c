"""What search finds: notices with their numbered items, glossary terms and sectors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.archive import Archive
from build_tools.glossary.load import Glossary
from build_tools.model import Notice, Role, Sector, Term
from build_tools.permalinks import notice_url
from build_tools.render.links import GLOSSARY_FOLDER
from build_tools.render.sectors import SECTORS_FOLDER
from build_tools.sectors.load import Taxonomy

HEADING_CHARS = 24


@dataclass(frozen=True)
class Section:
    """A part of a document that a result can link to (``anchor`` empty: the top)."""

    anchor: str
    heading: str
    text: str


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: its URL, title, a metadata line and its sections."""

    url: str
    title: str
    meta: str
    kind: str
    sections: tuple[Section, ...]
    year: int | None = None
    forms: tuple[str, ...] = ()  # a term's written forms: an exact query puts it first


def fixed_docs(glossary: Glossary, taxonomy: Taxonomy) -> list[SearchDoc]:
    """The documents that come before the notices: glossary terms, then sectors."""
    docs = [term_doc(term) for term in glossary.terms]
    return docs + [sector_doc(sector) for sector in taxonomy.sectors]


def search_docs(archive: Archive) -> Iterator[SearchDoc]:
    """Glossary terms, sectors, then notices, each in archive order; made one at a time."""
    yield from fixed_docs(archive.glossary, archive.taxonomy)
    for notice in archive.notices:
        yield notice_doc(notice)


def notice_doc(notice: Notice) -> SearchDoc:
    """A notice: the text before its first item, then each item by its anchor."""
    meta = notice.metadata
    line = " · ".join(
        str(value) for value in (meta.issuer, meta.doc_number, meta.date or meta.year) if value
    )
    preamble = "\n".join(
        p.text for p in notice.paragraphs if p.owner is None and p.role is not Role.PART
    )
    sections = [Section("", meta.title, preamble)] if preamble else []
    texts = notice.part_texts()
    for part in notice.parts():
        text = texts.get(part.anchor, "")
        heading = part.number + (part.heading or text[len(part.number) :][:HEADING_CHARS])
        sections.append(Section(part.anchor, heading, text))
    return SearchDoc(notice_url(notice), meta.title, line, "notice", tuple(sections), meta.year)


def term_doc(term: Term) -> SearchDoc:
    """A glossary entry: the term, its pinyin and aliases, its explanation."""
    line = " · ".join(("术语", term.pinyin, *term.aliases))
    section = Section("", term.term, term.explanation)
    return SearchDoc(f"{GLOSSARY_FOLDER}/{term.id}/", term.term, line, "term", (section,),
                     forms=term.forms)  # fmt: skip


def sector_doc(sector: Sector) -> SearchDoc:
    """A sector page: its name, aliases and GB/T 4754 category."""
    line = " · ".join(("行业", *sector.aliases, sector.gbt4754_name or ""))
    return SearchDoc(f"{SECTORS_FOLDER}/{sector.id}/", sector.name, line.strip(" ·"), "sector", (),
                     forms=(sector.name, *sector.aliases))  # fmt: skip
