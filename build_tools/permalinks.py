"""Readable, permanent addresses of notice pages: ``notices/<year>/<slug>/``.

The slug comes from the 发文字号 where there is one (国办发〔2012〕14号 → ``guobanfa-2012-14``:
the prefix in toneless pinyin, joined, then year and serial), else from the issuer and the
title's core in pinyin, hyphens between syllables (滕州市安全生产委员会,
2022年全市安全生产工作要点 → ``teng-zhou-shi-an-wei-hui-gong-zuo-yao-dian``); a sidecar's
``slug:`` overrides both. The
folder is the plan year, else ``undated``. Two notices that would share an address are told
apart by their source paths, never by the order they are read in (``unique_pages``).

This module decides every notice address; the earlier addresses (``notices/<file stem>/``)
stay as redirect pages (build_tools.render.redirects).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePosixPath

from pypinyin import lazy_pinyin

from build_tools.model import Metadata, Notice
from build_tools.textutil import HAN_CLASS, RESERVED_NAMES

NOTICES = "notices"
UNDATED = "undated"  # the folder of notices whose plan year is unknown
ROOT_FROM_NOTICE = "../../../"  # from a notice page, notices/<year>/<slug>/, to the site root
MAX_SLUG = 80
ISSUER_SYLLABLES = 8
TITLE_SYLLABLES = 8
SUFFIX = 6  # hex digits of the source path's hash that set a colliding notice apart
SLUG_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Standard short forms of long organ names, so that the issuer leaves room for the title.
_SHORT_FORMS = (
    ("安全生产委员会办公室", "安委办"),
    ("安全生产委员会", "安委会"),
    ("人民政府办公厅", "政府办公厅"),
    ("人民政府办公室", "政府办公室"),
    ("人民政府", "政府"),
)
# A 发文字号 as build_tools.metadata.doc_number normalises it.
_DOC_NUMBER = re.compile(r"(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<serial>\d+)号")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_OPENING = re.compile(r"^(?:关于)?(?:印发|转发|下发)?")
_CLOSING = re.compile(r"(?:的)?(?:通知|通告|意见|函)$")
_WHOLE_AREA = re.compile(r"^全(?:国|省|市|县|区|州|旗|盟)")
_TOPIC = "安全生产"  # every notice of the archive is about it: it tells them not apart


def slug_problem(slug: str) -> str | None:
    """What is wrong with ``slug`` as the last part of a notice address, or None if nothing."""
    if not SLUG_SHAPE.fullmatch(slug):
        return (
            "expected lowercase letters a-z, digits and single hyphens between them "
            "(such as guobanfa-2012-14)"
        )
    if len(slug) > MAX_SLUG:
        return f"expected at most {MAX_SLUG} characters, not {len(slug)}"
    if slug in RESERVED_NAMES:
        return f"'{slug}' is the name of a list page; choose another"
    return None


def doc_number_slug(doc_number: str) -> str | None:
    """国办发〔2012〕14号 → guobanfa-2012-14; None if ``doc_number`` is not one."""
    match = _DOC_NUMBER.fullmatch(doc_number)
    if match is None:
        return None
    prefix = "".join(_syllables(match.group("prefix")))
    serial = int(match.group("serial"))
    return f"{prefix}-{match.group('year')}-{serial}" if prefix else None


def words_slug(issuer: str | None, title: str) -> str:
    """The slug of a notice without a 发文字号: the first syllables of its issuer's name,
    then of its title's core (no year, no 关于印发…的通知, no 全市, no 安全生产)."""
    who = _shortened(issuer or "")
    syllables = (
        _syllables(who)[:ISSUER_SYLLABLES] + _syllables(title_core(title, who))[:TITLE_SYLLABLES]
    )
    slug = "-".join(syllables) or "notice"
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0]
    return f"{slug}-notice" if slug in RESERVED_NAMES else slug


def title_core(title: str, issuer: str = "") -> str:
    """What sets a title apart: 2022年全市安全生产工作要点 → 工作要点."""
    core = unicodedata.normalize("NFKC", title)
    core = re.sub(rf"[^{HAN_CLASS}A-Za-z0-9]+", "", core)
    core = core.removeprefix(re.sub(rf"[^{HAN_CLASS}A-Za-z0-9]+", "", issuer))
    core = _YEAR.sub("", _CLOSING.sub("", _OPENING.sub("", core, count=1)), count=1)
    core = _WHOLE_AREA.sub("", core)
    shorter = core.removeprefix(_TOPIC)
    return shorter if len(shorter) >= 2 else core


def notice_slug(metadata: Metadata, override: str | None = None) -> str:
    """The slug a notice asks for: the sidecar's, else from its 发文字号, else its words."""
    if override:
        return override
    by_number = doc_number_slug(metadata.doc_number) if metadata.doc_number else None
    issuer = metadata.issuers[0] if metadata.issuers else metadata.issuer or metadata.region
    return by_number or words_slug(issuer, metadata.title)


def year_folder(year: int | None) -> str:
    """The folder of a plan year's notices."""
    return str(year) if year else UNDATED


def base_page(metadata: Metadata, override: str | None = None) -> str:
    """``<year>/<slug>``: the page a notice asks for before others are known."""
    return f"{year_folder(metadata.year)}/{notice_slug(metadata, override)}"


def unique_pages(notices: Iterable[Notice]) -> list[Notice]:
    """The notices, in the same order, each with a page no other has.

    Of the notices asking for one page, the one whose source path sorts first keeps it; each
    other gets a suffix from the hash of its source path. So the outcome does not depend on
    the order the notices were read in, and a suffix stays when other notices come and go.
    """
    notices = list(notices)
    wanted: dict[str, list[Notice]] = {}
    for notice in notices:
        wanted.setdefault(notice.page, []).append(notice)
    taken = set(wanted)
    moved: dict[str, str] = {}  # source file -> its page
    for page, claims in wanted.items():
        for notice in sorted(claims, key=lambda n: n.source.file)[1:]:
            digest = hashlib.sha256(notice.source.file.encode()).hexdigest()
            width = SUFFIX
            while f"{page}-{digest[:width]}" in taken:
                width += 2
            moved[notice.source.file] = f"{page}-{digest[:width]}"
            taken.add(moved[notice.source.file])
    return [replace(n, page=moved[n.source.file]) if n.source.file in moved else n for n in notices]


def page_file(notice: Notice) -> str:
    """The notice page's Markdown file under docs/."""
    return f"{NOTICES}/{notice.page}.md"


def notice_url(notice: Notice) -> str:
    """The notice page's address, relative to the site root."""
    return f"{NOTICES}/{notice.page}/"


def former_url(notice: Notice) -> str:
    """The address the notice had before readable addresses: notices/<file stem slug>/."""
    return f"{NOTICES}/{notice.slug}/"


def relative_url(target: str, page: str) -> str:
    """``target`` (relative to the site root) as a link from the page at ``page`` (a folder
    address, also relative to the root): notices/2012/a/ from notices/2022/b/ → ../../2012/a/."""
    here = [part for part in PurePosixPath(page or ".").parts if part != "."]
    there = list(PurePosixPath(target or ".").parts)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    tail = "/".join(there[common:])
    ends = "/" if target.endswith("/") and tail else ""
    return "../" * (len(here) - common) + tail + ends or "./"


def _shortened(name: str) -> str:
    for long, short in _SHORT_FORMS:
        name = name.replace(long, short)
    return name


def _syllables(text: str) -> list[str]:
    """Toneless pinyin of each Han character; a run of ASCII letters or digits is one."""
    text = unicodedata.normalize("NFKC", text)
    found: list[str] = []
    for piece in lazy_pinyin(text):
        found.extend(re.findall(r"[a-z0-9]+", piece.lower()))
    return found
