"""A small source folder with chosen text in every field that reaches a page.

Used by the hostile-title tests: a fixed set of markup in a real browser, and random markup
from hypothesis in real builds. ``Fields`` names each place; ``write_sources`` puts the text
there: the workplan title line, a department clause, the sidecar's text keys, a sector's
name, a glossary term with its alias and explanation, and a department role's name.
"""

from __future__ import annotations

import html.parser
from dataclasses import dataclass
from pathlib import Path

import yaml

STEM = "hostile"


@dataclass(frozen=True)
class Fields:
    """The text to put in each field (the same text may go everywhere)."""

    title_line: str
    department: str
    sidecar_title: str
    sidecar_text: str
    sector_name: str
    term: str
    explanation: str
    role_name: str


def everywhere(text: str) -> Fields:
    """``text`` in every field, made distinct where a field must be unique."""
    return Fields(
        title_line=f"2031年{text}安全生产工作要点",
        department=f"市{text}委",
        sidecar_title=f"2032年{text}工作要点",
        sidecar_text=f"发文{text}机关",
        sector_name=f"行业{text}",
        term=f"术语{text}",
        explanation=f"{text}说明“x”。",
        role_name=f"角色{text}",
    )


def notice_text(fields: Fields) -> str:
    """A notice whose title line, items and department clause carry the fields."""
    return (
        "滕州市安全生产委员会\n\n关于印发《2031年安全生产工作要点》的通知\n\n"
        f"{fields.title_line}\n\n一、总体要求\n"
        f"1.推进{fields.term}工作，整治恶意行业词。（{fields.department}牵头，各镇街负责落实）\n"
        "2.抓好隐患排查。（市恶意角色办牵头，各镇街负责落实）\n"
    )


def write_sources(folder: Path, fields: Fields) -> None:
    """Write one notice, its sidecar and the three curated files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{STEM}.txt").write_text(notice_text(fields), encoding="utf-8")
    sidecar = {
        "title": fields.sidecar_title,
        "issuer": fields.sidecar_text,
        "region": fields.sidecar_text,
        "status": fields.sidecar_text,
        "index_number": fields.sidecar_text,
        "publisher": fields.sidecar_text,
        "recipients": [fields.sidecar_text],
        "level": "county",
        "date": "2026-01-02",  # a sidecar date is at most a year from today
    }
    _dump(folder / f"{STEM}.yml", sidecar)
    _dump(
        folder / "sectors.yml",
        [
            {
                "id": "e-yi",
                "name": fields.sector_name,
                "parent": None,
                "gbt4754": None,
                "gbt4754_name": None,
                "aliases": [],
                "keywords": ["恶意行业词"],
                "exclusions": [],
            }
        ],
    )
    _dump(
        folder / "glossary.yml",
        [
            {
                "id": "e-yi-shu-yu",
                "term": fields.term,
                "aliases": [],
                "pinyin": None,
                "explanation": fields.explanation,
                "components": [],
                "basis": [],
                "basis_confidence": "unsure",
                "related": [],
                "category": "方针理念",
            }
        ],
    )
    _dump(
        folder / "departments.yml",
        [{"id": "e-yi-jue-se", "name": fields.role_name, "patterns": ["恶意角色办$"]}],
    )


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Elements(html.parser.HTMLParser):
    """Every element and attribute name of a page, and the text of its ``<title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def elements_of(page: Path) -> Elements:
    """The elements of one built page."""
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser
