"""Department names (市安委会办公室, 区安监局, 各镇街 …) normalised into roles.

The curated file source_texts/departments.yml lists roles with regular expressions; the
first matching role wins and a name that none matches is a role of its own. The wording as
written is always kept beside the role.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from pypinyin import lazy_pinyin

from build_tools.curated import Entry, each, present, read_entries, unique
from build_tools.errors import CuratedDataError
from build_tools.model import Notice
from build_tools.textutil import RESERVED_NAMES

DEPARTMENTS_FILE = "departments.yml"
_KEYS = frozenset({"id", "name", "patterns"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REGION_PREFIX = re.compile(r"^(各|本级|全)?(省|市|区|县|镇|乡)(?=.{2})")


@dataclass(frozen=True)
class Role:
    """A normalised department role."""

    id: str
    name: str
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Roles:
    """All curated roles, in matching order.

    ``renamed`` gives a bare name an id of its own where its reading is shared with another
    name (林业局 and 林叶局 are both lin-ye-ju) or with a curated role (see ``distinct``).
    """

    roles: tuple[Role, ...]
    renamed: tuple[tuple[str, str], ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Role]:
        """Roles by id."""
        return {role.id: role for role in self.roles}

    @cached_property
    def _renamed(self) -> dict[str, str]:
        return dict(self.renamed)

    @cached_property
    def _known(self) -> dict[str, Role]:
        return {}

    def role_for(self, name: str) -> Role:
        """The role of a department name as written (each name is matched once)."""
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = self._match(name)
        return found

    def _match(self, name: str) -> Role:
        for role in self.roles:
            if any(pattern.search(name) for pattern in role.patterns):
                return role
        bare = _REGION_PREFIX.sub("", name)
        return Role(self._renamed.get(bare) or role_id(bare), bare)

    def distinct(self, names: Iterable[str]) -> Roles:
        """These roles, with an id of its own (reading and a short hash) for every bare name
        whose reading is shared by another name, by a curated role or by a page the build
        makes itself (index); every other name keeps its plain reading, and its URL."""
        bare_names: dict[str, set[str]] = {}
        for name in names:
            role = self.role_for(name)
            if self.by_id.get(role.id) is not role:  # not matched by a curated role
                bare_names.setdefault(role.id, set()).add(role.name)
        renamed = {
            bare: f"{ident}-{hashlib.sha256(bare.encode()).hexdigest()[:6]}"
            for ident, bares in bare_names.items()
            if len(bares) > 1 or ident in self.by_id or ident in RESERVED_NAMES
            for bare in bares
        }
        return replace(self, renamed=tuple(sorted(renamed.items())))

    def renamed_in(self, notice: Notice) -> tuple[str, ...]:
        """The ids of the renamed roles a notice names (its labels link to their pages)."""
        ids = set(self._renamed.values())
        return tuple(sorted({self.role_for(name).id for name in department_names([notice])} & ids))


def role_id(name: str) -> str:
    """A URL-safe id for a role that has no curated entry."""
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(name)).lower()).strip("-")
    return slug or "bu-ming"


def load_roles(path: Path) -> Roles:
    """The curated roles; none if the file does not exist. The first bad entry raises (see
    ``read_roles`` for the roles without the bad entries)."""
    roles, errors = read_roles(path)
    if errors:
        raise errors[0]
    return roles


def read_roles(path: Path) -> tuple[Roles, list[CuratedDataError]]:
    """The roles of ``path`` that are usable, and an error for each entry left out."""
    if not present(path):
        return Roles(()), []
    entries, errors = read_entries(path, _KEYS, _KEYS)
    made = unique(each(entries, _role, errors), lambda role: role.id, errors)
    errors.sort(key=lambda error: error.line or 0)
    return Roles(tuple(role for _, role in made)), errors


def _role(entry: Entry) -> Role:
    ident = entry.text("id")
    if not _ID.match(ident):
        raise entry.error("id", f"expected lowercase ASCII words joined by '-', got {ident!r}")
    patterns = []
    for pattern in entry.texts("patterns"):
        try:
            patterns.append(re.compile(pattern))
        except re.error as exc:
            raise entry.error("patterns", f"invalid regular expression {pattern!r}: {exc}") from exc
    return Role(ident, entry.text("name"), tuple(patterns))


@dataclass(frozen=True, slots=True)
class Assignment:
    """One department named in one part's clause: who, as written, and whether it leads."""

    role: str
    name: str
    slug: str
    anchor: str
    leads: bool


def department_names(notices: Iterable[Notice]) -> Iterator[str]:
    """Every department name as written in the notices' clauses (lead, then supporting)."""
    for notice in notices:
        for part in notice.parts():
            yield from part.lead_departments
            yield from part.supporting_departments


def assignments(notices: Iterable[Notice], roles: Roles) -> dict[str, tuple[Assignment, ...]]:
    """Every lead and supporting assignment, by role id, in notice and part order."""
    found: dict[str, list[Assignment]] = {}
    for notice in notices:
        for part in notice.parts():
            for leads, names in (
                (True, part.lead_departments),
                (False, part.supporting_departments),
            ):
                for name in names:
                    role = roles.role_for(name)
                    found.setdefault(role.id, []).append(
                        Assignment(role.id, name, notice.slug, part.anchor, leads)
                    )
    return {role_id: tuple(items) for role_id, items in found.items()}
