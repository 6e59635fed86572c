"""Department names (市安委会办公室, 区安监局, 各镇街 …) normalised into roles.

The curated file source_texts/departments.yml lists roles with regular expressions; the
first matching role wins and a name that none matches is a role of its own. The wording as
written is always kept beside the role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pypinyin import lazy_pinyin

from build_tools.curated import Entry, load_entries, present
from build_tools.model import Notice

DEPARTMENTS_FILE = "departments.yml"
_KEYS = frozenset({"id", "name", "patterns"})
_REGION_PREFIX = re.compile(r"^(各|本级|全)?(省|市|区|县|镇|乡)(?=.{2})")


@dataclass(frozen=True)
class Role:
    """A normalised department role."""

    id: str
    name: str
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Roles:
    """All curated roles, in matching order."""

    roles: tuple[Role, ...]

    @cached_property
    def by_id(self) -> dict[str, Role]:
        """Roles by id."""
        return {role.id: role for role in self.roles}

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
        return Role(role_id(bare), bare)


def role_id(name: str) -> str:
    """A URL-safe id for a role that has no curated entry."""
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(name)).lower()).strip("-")
    return slug or "bu-ming"


def load_roles(path: Path) -> Roles:
    """The curated roles; none if the file does not exist."""
    if not present(path):
        return Roles(())
    return Roles(tuple(_role(entry) for entry in load_entries(path, _KEYS, _KEYS)))


def _role(entry: Entry) -> Role:
    patterns = []
    for pattern in entry.texts("patterns"):
        try:
            patterns.append(re.compile(pattern))
        except re.error as exc:
            raise entry.error("patterns", f"invalid regular expression {pattern!r}: {exc}") from exc
    return Role(entry.text("id"), entry.text("name"), tuple(patterns))


@dataclass(frozen=True, slots=True)
class Assignment:
    """One department named in one part's clause: who, as written, and whether it leads."""

    role: str
    name: str
    slug: str
    anchor: str
    leads: bool


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
