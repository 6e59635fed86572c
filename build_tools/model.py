"""Typed domain objects passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


def quick_pickle(cls: type[T]) -> type[T]:
    """Pickle a frozen, slotted dataclass as its constructor call.

    The state functions dataclasses give such classes look up the fields for every object;
    a cached 10,000-notice archive is millions of objects, and reading it back that way took
    three times as long.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


class Level(StrEnum):
    """Administrative level of an issuing government."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    PREFECTURAL = "prefectural"
    COUNTY = "county"


class NumberStyle(StrEnum):
    """Numbering styles of GB/T 9704 practice, outermost first."""

    CHINESE = "chinese"  # 一、
    PAREN_CHINESE = "paren_chinese"  # （一）
    ARABIC = "arabic"  # 1. 1． 1、
    PAREN_ARABIC = "paren_arabic"  # （1）
    ORDINAL = "ordinal"  # 一是


@quick_pickle
@dataclass(frozen=True, slots=True)
class CleaningStep:
    """One change the cleaner made to the decoded text, for the cleaning report."""

    kind: str
    line: int
    before: str
    after: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class Line:
    """A cleaned line of text with the number of the source line it starts on."""

    number: int
    text: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class CleanText:
    """The outcome of cleaning: body lines, header-block fields and the report."""

    lines: tuple[Line, ...]
    header: dict[str, str]
    steps: tuple[CleaningStep, ...]


@quick_pickle
@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a notice came from: its file, the hash of its raw bytes and its URL."""

    file: str
    sha256: str
    url: str | None
    encoding: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class Metadata:
    """The front-matter contract of PRODUCT.md, plus a few extra keys."""

    title: str
    notice_title: str | None
    doc_number: str | None
    issuer: str | None
    level: Level | None
    region: str | None
    date: str | None
    year: int | None
    recipients: tuple[str, ...]
    status: str | None
    index_number: str | None
    publisher: str | None = None
    region_code: str | None = None
    issuers: tuple[str, ...] = ()
    published: str | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class ZoneMark:
    """The GB/T 9704 zone of one cleaned line, the element it is, and why (see zones.py)."""

    line: int
    zone: str
    element: str
    evidence: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class FactEvidence:
    """One candidate value for a fact, its score, where it was read and whether it won."""

    fact: str
    value: str
    score: int
    evidence: str
    chosen: bool


@quick_pickle
@dataclass(frozen=True, slots=True)
class Part:
    """A numbered part of a notice: its verbatim number, anchor, heading and children."""

    number: str
    style: NumberStyle
    value: int
    anchor: str
    heading: str | None
    line: int
    lead_departments: tuple[str, ...] = ()
    supporting_departments: tuple[str, ...] = ()
    department_clause: str | None = None
    children: tuple[Part, ...] = ()

    def walk(self) -> list[Part]:
        """This part and all its descendants, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


TermCount = tuple[str, str | None, int]  # term id, anchor of the part (None: outside), count


class Role(StrEnum):
    """What a body paragraph is, so the renderer can present it."""

    TEXT = "text"
    DOC_NUMBER = "doc_number"
    NOTICE_TITLE = "notice_title"
    TITLE = "title"
    ISSUER = "issuer"
    DATE = "date"
    RECIPIENTS = "recipients"
    PART = "part"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the body: cleaned text, its role and the part it opens, if any."""

    line: int
    text: str
    role: Role = Role.TEXT
    part: Part | None = None
    depth: int = 0
    owner: str | None = None  # anchor of the innermost part this paragraph belongs to


@quick_pickle
@dataclass(frozen=True, slots=True)
class Notice:
    """A fully parsed notice, ready to be rendered."""

    slug: str  # its id: the source file's stem, made URL-safe (its address before ``page``)
    page: str  # its page, notices/<page>/: <year>/<slug> (see build_tools.permalinks)
    source: SourceInfo
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    outline: tuple[Part, ...]
    cleaning: tuple[CleaningStep, ...]
    warnings: tuple[str, ...] = field(default=())
    zones: tuple[ZoneMark, ...] = field(default=())
    evidence: tuple[FactEvidence, ...] = field(default=())

    def parts(self) -> list[Part]:
        """Every numbered part, in document order."""
        found: list[Part] = []
        for part in self.outline:
            found.extend(part.walk())
        return found

    def part_texts(self) -> dict[str, str]:
        """Each part's own text (its line and the unnumbered paragraphs after it), by anchor."""
        texts: dict[str, list[str]] = {}
        for paragraph in self.paragraphs:
            if paragraph.owner is not None and paragraph.role in (Role.PART, Role.TEXT):
                texts.setdefault(paragraph.owner, []).append(paragraph.text)
        return {anchor: "\n".join(lines) for anchor, lines in texts.items()}


@quick_pickle
@dataclass(frozen=True, slots=True)
class Basis:
    """A legal or policy source for a glossary term."""

    document: str
    article: str | None = None


class Confidence(StrEnum):
    """How sure the glossary is of a term's basis."""

    CHECKED = "checked"
    UNSURE = "unsure"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Term:
    """A curated glossary entry."""

    id: str
    term: str
    aliases: tuple[str, ...]
    pinyin: str
    explanation: str
    components: tuple[str, ...] = ()
    basis: tuple[Basis, ...] = ()
    basis_confidence: Confidence = Confidence.UNSURE
    related: tuple[str, ...] = ()
    category: str | None = None
    pinyin_overridden: bool = False
    exclusions: tuple[str, ...] = ()  # longer strings in which a form is not this term

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that refers to this term: the term first, then its aliases."""
        return (self.term, *self.aliases)


@quick_pickle
@dataclass(frozen=True, slots=True)
class TermUse:
    """Uses of one term in one place of one notice (an item, or the text outside items)."""

    slug: str
    anchor: str | None
    number: str | None
    count: int


@quick_pickle
@dataclass(frozen=True, slots=True)
class Sector:
    """A sector (行业领域) of the curated taxonomy."""

    id: str
    name: str
    parent: str | None = None
    gbt4754: str | None = None
    gbt4754_name: str | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The sector's name and aliases: the words that make an item sector-titled."""
        return (self.name, *self.aliases)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an item got a sector: which word, found where (title or text), at which offset."""

    keyword: str
    where: str
    offset: int


@quick_pickle
@dataclass(frozen=True, slots=True)
class SectorHit:
    """A sector an item concerns, how strongly, and the evidence."""

    sector: str
    strength: str  # "title" (sector-titled item) or "text"
    evidence: tuple[Evidence, ...]
