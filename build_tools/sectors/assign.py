"""Sectors of every numbered part of a notice, with the text they were read from."""

from __future__ import annotations

from build_tools.departments import find_clause
from build_tools.model import Notice, Part, SectorHit
from build_tools.sectors.classify import SectorClassifier


def item_body(part: Part, own_text: str) -> str:
    """A part's text without its number, title sentence and department clause."""
    text = own_text[len(part.number) :] if own_text.startswith(part.number) else own_text
    if part.heading and text.startswith(part.heading):
        text = text[len(part.heading) :].lstrip("。！？；;!?，,：: ")
    clause = find_clause(text)
    if clause is not None:
        text = text[: text.rfind(clause.text)]
    return text.strip()


def classify_notice(
    notice: Notice, classifier: SectorClassifier
) -> dict[str, tuple[SectorHit, ...]]:
    """Sector hits of each part, by anchor (parts without sectors are left out)."""
    texts = notice.part_texts()
    found: dict[str, tuple[SectorHit, ...]] = {}
    for part in notice.parts():
        hits = classifier.classify(part.heading, item_body(part, texts.get(part.anchor, "")))
        if hits:
            found[part.anchor] = hits
    return found
