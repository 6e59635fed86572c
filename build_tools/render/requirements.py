"""Requirements: numbered parts as rows shared by sector pages, role pages and exports."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from build_tools.archive import Archive
from build_tools.model import Notice, Part
from build_tools.permalinks import notice_url
from build_tools.render.escape import escape_html
from build_tools.render.notice import LEVEL_NAMES
from build_tools.sectors.assign import item_body

_FIRST_SENTENCE = re.compile(r"^.*?[。！？；!?;]")
_SUMMARY_LENGTH = 90


@dataclass(frozen=True, slots=True)
class Requirement:
    """One numbered part of one notice, with what readers need to find and cite it."""

    notice: Notice
    part: Part
    text: str
    rank: int = 0  # the notice's place in the archive, newest first (see requirements)

    @property
    def first_sentence(self) -> str:
        """The heading, else the first sentence of the body, shortened for lists."""
        if self.part.heading:
            return self.part.heading
        body = item_body(self.part, self.text)
        match = _FIRST_SENTENCE.match(body)
        sentence = match.group(0) if match else body
        return sentence if len(sentence) <= _SUMMARY_LENGTH else sentence[:_SUMMARY_LENGTH] + "…"

    @property
    def sort_key(self) -> tuple[int, int]:
        """Newest plan year first, then date, then notice and position."""
        return (self.rank, self.part.line)


def newest_first(notices: Iterable[Notice]) -> list[Notice]:
    """Notices by plan year, then date, newest first; then by slug."""
    ordered = sorted(notices, key=lambda n: n.slug)
    ordered.sort(key=lambda n: n.metadata.date or "", reverse=True)
    ordered.sort(key=lambda n: n.metadata.year or 0, reverse=True)
    return ordered


T = TypeVar("T")

# Sector pages, role pages, exports and the home page need the same lists: each is made
# once for the newest archive and dropped by ``forget``.
_MADE: dict[Callable[..., Any], tuple[Archive, Any]] = {}


def per_archive(make: Callable[[Archive], T]) -> Callable[[Archive], T]:
    """``make``, run once per archive: later calls with the same archive get the same list."""

    @functools.wraps(make)
    def made(archive: Archive) -> T:
        found = _MADE.get(made)
        if found is None or found[0] is not archive:
            if any(other is not archive for other, _ in _MADE.values()):
                forget()  # one archive per build: keep only the newest
            found = _MADE[made] = (archive, make(archive))
        return cast(T, found[1])

    return made


@per_archive
def requirements(archive: Archive) -> list[Requirement]:
    """Every numbered part of every notice, in document order (built once per archive)."""
    found = []
    rank = {notice.slug: index for index, notice in enumerate(newest_first(archive.notices))}
    for notice in archive.notices:
        texts = notice.part_texts()
        found += [
            Requirement(notice, part, texts.get(part.anchor, ""), rank[notice.slug])
            for part in notice.parts()
        ]
    return found


def forget() -> None:
    """Drop the cached lists and HTML, so the archive can be freed once its pages are written."""
    _MADE.clear()
    _HTML.clear()


def forget_html() -> None:
    """Drop the HTML made so far: once a year's pages are written, its requirements are not
    listed again, so the HTML need not be kept for more than one year at a time."""
    _HTML.clear()


def year_id(year: int | None) -> str:
    """The page name of a plan year (year pages of sectors and roles)."""
    return str(year) if year else "unknown"


def year_name(year: int | None) -> str:
    """A plan year as shown: 2016年, or 年度不详."""
    return f"{year}年" if year else "年度不详"


def who(notice: Notice) -> str:
    """The issuer, else the region, as shown in lists."""
    meta = notice.metadata
    return meta.issuer or meta.region or "发文机关不详"


# A requirement listed under several sectors and roles is rendered once per page depth.
_HTML: dict[tuple[int, str], tuple[Requirement, str]] = {}


def requirement_html(requirement: Requirement, prefix: str = "../../") -> str:
    """A requirement as an expandable block (see ``_requirement_html``), made once."""
    key = (id(requirement), prefix)
    found = _HTML.get(key)
    if found is None or found[0] is not requirement:
        found = _HTML[key] = (requirement, _requirement_html(requirement, prefix))
    return found[1]


def _requirement_html(requirement: Requirement, prefix: str) -> str:
    """A requirement as an expandable block: number, first sentence, source; full text inside."""
    notice, part = requirement.notice, requirement.part
    meta = notice.metadata
    href = f"{prefix}{notice_url(notice)}#{part.anchor}"
    level = LEVEL_NAMES.get(meta.level.value, "") if meta.level else ""
    source = "，".join(x for x in (who(notice), level, meta.date or str(meta.year or "")) if x)
    return (
        f'<details class="requirement"><summary><a href="{href}">{escape_html(part.number)}</a> '
        f"{escape_html(requirement.first_sentence)} "
        f'<span class="source">{escape_html(source)} · {escape_html(meta.title)}</span></summary>'
        f"<p>{escape_html(requirement.text)}</p></details>"
    )
