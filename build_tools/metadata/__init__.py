"""Metadata in layers: text, then the header block, then the curated sidecar; then derived.

One converter per field lives in the sibling modules (dates, doc_number, titles, regions,
recipients, header, sidecar). ``merge`` applies the layers in a fixed order, as Pelican's
readers do, and derives what is missing (region and level from the issuer, year from title,
date or doc number). A missing fact stays None and is reported unless the sidecar states it
as null on purpose.
"""

from __future__ import annotations

from typing import Any

from build_tools.metadata.doc_number import doc_number_year
from build_tools.metadata.levels import BELOW_COUNTY, suffix_level
from build_tools.metadata.regions import classify
from build_tools.metadata.sidecar import Sidecar
from build_tools.metadata.titles import title_year
from build_tools.model import Level, Metadata

# Facts whose absence is worth a warning, unless a sidecar says null on purpose.
_EXPECTED = ("issuer", "level", "date", "year")


def merge(
    text_values: dict[str, Any], sidecar: Sidecar, fallback_title: str
) -> tuple[Metadata, list[str]]:
    """Combine the layers into the front-matter contract and list what is missing.

    ``text_values`` are the facts read from the notice (build_tools.metadata.facts: printed
    text, the page's metadata table and, below both, what a saved page says of itself).
    """
    values: dict[str, Any] = {**text_values, **sidecar.values}
    warnings: list[str] = []
    _derive_region(values, sidecar)
    if "year" not in values:
        values["year"] = _derive_year(values)
    if not values.get("title"):
        values["title"] = values.get("notice_title") or fallback_title
        if not values.get("notice_title"):
            warnings.append(
                f"no title found; using '{values['title']}' (set 'title:' in the sidecar)"
            )
    for key in _EXPECTED:
        if values.get(key) is None and key not in sidecar.values:
            warnings.append(f"no {key} found (set '{key}:' in the sidecar, null if unknown)")
    level = values.get("level")
    return (
        Metadata(
            title=values["title"],
            notice_title=values.get("notice_title"),
            doc_number=values.get("doc_number"),
            issuer=values.get("issuer"),
            level=Level(level) if level else None,
            region=values.get("region"),
            date=values.get("date"),
            year=values.get("year"),
            recipients=tuple(values.get("recipients", ())),
            status=values.get("status"),
            index_number=values.get("index_number"),
            publisher=values.get("publisher"),
            region_code=values.get("region_code"),
            issuers=_issuers(values),
            published=values.get("published"),
        ),
        warnings,
    )


def _issuers(values: dict[str, Any]) -> tuple[str, ...]:
    """Every issuer in printed order; a sidecar's issuer replaces what the text said."""
    issuer = values.get("issuer")
    if not issuer:
        return ()
    found = tuple(values.get("issuers") or ())
    return found if " ".join(found) == issuer else tuple(issuer.split(" "))


def _derive_region(values: dict[str, Any], sidecar: Sidecar) -> None:
    """Region and level from the region (if given) or else the issuer, via the dataset."""
    issuers = values.get("issuers") or [values.get("issuer") or ""]
    source = values.get("region") or str(issuers[0]).removeprefix("中共")
    if not values.get("region") and source and BELOW_COUNTY.search(source):
        return  # a township or a development zone: none of the four levels
    if source.startswith("新疆生产建设兵团") and "level" not in values:
        values["level"] = "provincial"  # the 兵团 is a province-level body
        return
    match = classify(source) if source else None
    if match is None:
        level = suffix_level(source) if source else None
        if level and "level" not in values:
            values["level"] = level
        return
    if "region" not in values:
        values["region"] = match.region
    if "level" not in values:
        values["level"] = match.level
    if "region" not in sidecar.values or values["region"] == match.region:
        values["region_code"] = match.code


def _derive_year(values: dict[str, Any]) -> int | None:
    """The plan year: from the title, else the date, else the document number."""
    for title in (values.get("title"), values.get("notice_title")):
        if title and (year := title_year(title)):
            return year
    if values.get("date"):
        return int(str(values["date"])[:4])
    if values.get("doc_number"):
        return doc_number_year(values["doc_number"])
    return None
