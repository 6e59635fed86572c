"""Typed domain objects passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass(frozen=True)
class CleaningStep:
    """One change the cleaner made to the decoded text, for the cleaning report."""

    kind: str
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Line:
    """A cleaned line of text with the number of the source line it starts on."""

    number: int
    text: str


@dataclass(frozen=True)
class CleanText:
    """The outcome of cleaning: body lines, header-block fields and the report."""

    lines: tuple[Line, ...]
    header: dict[str, str]
    steps: tuple[CleaningStep, ...]


@dataclass(frozen=True)
class SourceInfo:
    """Where a notice came from: its file, the hash of its raw bytes and its URL."""

    file: str
    sha256: str
    url: str | None
    encoding: str


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: cleaned text, its role and the part it opens, if any."""

    line: int
    text: str
    role: Role = Role.TEXT
    part: Part | None = None
    depth: int = 0


@dataclass(frozen=True)
class Notice:
    """A fully parsed notice, ready to be rendered."""

    slug: str
    source: SourceInfo
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    outline: tuple[Part, ...]
    cleaning: tuple[CleaningStep, ...]
    warnings: tuple[str, ...] = field(default=())

    def parts(self) -> list[Part]:
        """Every numbered part, in document order."""
        found: list[Part] = []
        for part in self.outline:
            found.extend(part.walk())
        return found
