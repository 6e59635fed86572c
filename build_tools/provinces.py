"""The province a notice applies in, for "national + my province" views and feeds.

A national notice applies everywhere; any other notice applies in the province-level
division (省, 自治区, 直辖市) that contains its region. The province is read from the
region's 6-digit administrative code where the metadata has one (370481 滕州市 → 370000
山东省), else from the region's name through the division data of
build_tools.metadata.regions; a region nobody can place stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from build_tools.metadata.regions import classify, divisions_by_name
from build_tools.model import Level, Metadata

NATIONAL = "national"  # the place of a national notice
UNKNOWN = "unknown"  # the place of a notice whose province is not known
_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")


@dataclass(frozen=True, slots=True)
class Province:
    """A province-level division: its code (370000), name (山东省) and short name (山东)."""

    code: str
    name: str

    @property
    def short(self) -> str:
        """The name without its 省/市/自治区 suffix, as on a map (内蒙古, 广西, 山东)."""
        for suffix in _SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) > len(suffix) + 1:
                return self.name.removesuffix(suffix)
        return self.name


@dataclass(frozen=True)
class Provinces:
    """Every province-level division of the division data, by the first two code digits."""

    by_prefix: dict[str, Province]

    @classmethod
    def load(cls) -> Provinces:
        """The provinces of the division data (read once per build by the caller)."""
        found: dict[str, Province] = {}
        for name, divisions in divisions_by_name().items():
            for division in divisions:
                if division.level is Level.PROVINCIAL and division.code[:2] != "99":
                    found.setdefault(division.code[:2], Province(division.code, name))
        return cls(dict(sorted(found.items())))

    def of_code(self, code: str | None) -> Province | None:
        """The province containing the division with this code, if there is one."""
        return self.by_prefix.get(code[:2]) if code and len(code) >= 2 else None

    def of_name(self, name: str | None) -> Province | None:
        """The province of a region or issuer name (滕州市, 山东省滕州市), if the data can tell."""
        if not name:
            return None
        match = classify(name)
        found = self.of_code(match.code) if match else None
        if found is None:
            found = next((p for p in self.by_prefix.values() if name.startswith(p.name)), None)
        return found

    def place(self, metadata: Metadata) -> str:
        """Where a notice applies: NATIONAL, a province code (370000) or UNKNOWN."""
        if metadata.level is Level.NATIONAL:
            return NATIONAL
        province = self.of_code(metadata.region_code) or self.of_name(metadata.region)
        return province.code if province else UNKNOWN

    def named(self, codes: Iterable[str]) -> list[Province]:
        """The provinces with these codes, in code order (unknown codes left out)."""
        wanted = set(codes)
        return [p for p in self.by_prefix.values() if p.code in wanted]
