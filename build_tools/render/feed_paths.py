"""Where each Atom feed lives, relative to the site root: one place for every feed path.

``feeds/sectors/<sector>.xml`` and ``feeds/sectors/<sector>/<province code>.xml`` (national
and one province), ``feeds/departments/<role>.xml``, ``feeds/issuers/<issuer>.xml`` and
``feeds/levels/<level>.xml``. An issuer's file name is its name in pinyin with a short hash
of the name, so that two issuers that read alike never share a feed and a feed's address
does not depend on which other issuers the archive holds.
"""

from __future__ import annotations

import hashlib
import re

from pypinyin import lazy_pinyin

FEEDS_FOLDER = "feeds"
ISSUERS, LEVELS = "issuers", "levels"
_PINYIN_LENGTH = 60


def listing_feed(folder: str, listing_id: str, place: str | None = None) -> str:
    """The feed of a sector's or role's requirements; with ``place``, national and that
    province's only."""
    if place is None:
        return f"{FEEDS_FOLDER}/{folder}/{listing_id}.xml"
    return f"{FEEDS_FOLDER}/{folder}/{listing_id}/{place}.xml"


def issuer_key(issuer: str) -> str:
    """The file name (without .xml) of an issuer's feed."""
    reading = re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(issuer)).lower()).strip("-")
    reading = reading[:_PINYIN_LENGTH].rstrip("-") or "ji-guan"
    return f"{reading}-{hashlib.sha256(issuer.encode()).hexdigest()[:6]}"


def issuer_feed(issuer: str) -> str:
    """The feed of the notices of one issuer (as written, joint issuers together)."""
    return f"{FEEDS_FOLDER}/{ISSUERS}/{issuer_key(issuer)}.xml"


def level_feed(level: str) -> str:
    """The feed of the notices of one level (national, provincial, prefectural, county)."""
    return f"{FEEDS_FOLDER}/{LEVELS}/{level}.xml"


def root_from(path: str) -> str:
    """The relative path from a file at ``path`` (from the site root) back to the root."""
    return "../" * path.count("/")


def listing_feed_title(name: str, is_role: bool, province: str = "") -> str:
    """The title of a sector's or role's feed (and of the page's link to it)."""
    if is_role:
        return f"{name}牵头和配合的新任务"
    if province:
        return f"{name}：国家级和{province}的新要求"
    return f"{name}：各地的新要求"
