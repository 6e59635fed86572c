"""The issuer's level where the text does not name the issuer in full.

A notice addressed to 各省、自治区、直辖市人民政府 comes from the centre; one addressed to
各市、县人民政府 from a province; to 各县（市、区） from a prefecture; to 各乡镇、街道 from a
county. A document number of 国办发, 国发 or 安委办 is national. A bare name (省人民政府,
自治区人民政府办公厅, 县政府) still gives its level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from build_tools.metadata.regions import classify, divisions_by_name, provincial_names
from build_tools.model import Level

_BARE_LEVELS = (
    (re.compile(r"^(省|自治区)"), Level.PROVINCIAL),
    (re.compile(r"^(县|区|旗)"), Level.COUNTY),
)
_NATIONAL_NUMBER = re.compile(r"^(国|安委|安办|应急|中办|国办|中发|交安|交质|国安监|安监总)")
_RECIPIENT_LEVELS = (
    (re.compile(r"各省、?自治区、?直辖市"), Level.NATIONAL),
    (
        re.compile(
            r"各(市|地级以上市|设区市|省辖市|州、?市|市、?州|市州|自治州|盟|地区|市、?县)"
            r"|各盟行政公署|各地区行署|各市人民政府|各市安全生产委员会"
        ),
        Level.PROVINCIAL,
    ),
    (
        re.compile(
            r"各(县|区|旗|县区|县市区|旗县区|旗区)|各县（市、区）|各县\(市、区\)|各区人民政府"
        ),
        Level.PREFECTURAL,
    ),
    (re.compile(r"各(乡|镇|街道|乡镇|苏木|镇街)"), Level.COUNTY),
)


# The suffix of a division's name settles its level whatever the year (绍兴县 is gone).
_SUFFIX_LEVELS = (
    (re.compile(r"^(中共)?[\u4e00-\u9fff]{1,8}?(自治县|县|旗|自治旗)(?!级)"), Level.COUNTY),
    (re.compile(r"^(中共)?[\u4e00-\u9fff]{1,8}?(自治州|地区|盟)(?!市)"), Level.PREFECTURAL),
    (re.compile(r"^(中共)?[\u4e00-\u9fff]{1,6}?(省|自治区)"), Level.PROVINCIAL),
)


# Bodies of a township, a street office or a development zone: below the four levels.
BELOW_COUNTY = re.compile(
    r"[\u4e00-\u9fff]{1,8}(镇|乡|苏木|街道)(人民政府|政府|党委|办事处|办公室)"
    r"|(经开区|开发区|高新区|园区|经济区)(管委会|管理委员会|党工委)"
)


def suffix_level(name: str) -> str | None:
    """The level a name's division suffix settles (XX县, XX旗, XX自治州, XX省), if any."""
    for pattern, level in _SUFFIX_LEVELS:
        if pattern.match(name):
            return level.value
    return None


def level_hint(
    issuer_like: str | None, doc_number: str | None, recipients: Sequence[str]
) -> str | None:
    """The level the text implies, from a partial issuer, the number or the addressees."""
    if issuer_like:
        match = classify(issuer_like)
        if match:
            return match.level.value
        for pattern, level in _BARE_LEVELS:
            if pattern.match(issuer_like):
                return level.value
    if doc_number and _NATIONAL_NUMBER.match(doc_number):
        return Level.NATIONAL.value
    for text in recipients:
        for pattern, level in _RECIPIENT_LEVELS:
            if pattern.search(text):
                return level.value
    return None


_PROVINCE_WORDS = re.compile(r"^(省|自治区)")
_LOCAL_WORDS = re.compile(r"^(市|县|区|旗)")


def _complete_from_title(name: str, title: str | None) -> str | None:
    word = _LOCAL_WORDS.match(name)
    if word is None or not title or not title.startswith(name):
        return None
    rest = title[len(name) :]
    found = [
        place
        for place in divisions_by_name()
        if place.endswith(word.group(1)) and len(place) > 2 and place in rest
    ]
    return f"{found[0]}{name[1:]}" if len(found) == 1 else None


_OWN_REGION = (
    (re.compile(r"我省"), Level.PROVINCIAL),
    (re.compile(r"我(州|盟)"), Level.PREFECTURAL),
    (re.compile(r"我(县|旗)"), Level.COUNTY),
)


def level_from_own_region(text: str) -> str | None:
    """The level a notice implies by how it speaks of its own region (我省, 我县), if only one."""
    found = {level for pattern, level in _OWN_REGION if pattern.search(text)}
    return found.pop().value if len(found) == 1 else None


_TITLE_REGION = re.compile(r"^([\u4e00-\u9fff]{2,12}?(?:省|自治区|市|县|区|旗|州|盟))")


def level_from_title(title: str | None) -> str | None:
    """The level of the region a plan's own title opens with (甘肃省…实施意见 → provincial)."""
    if not title or "关于" in title:
        return None
    match = _TITLE_REGION.match(title)
    found = classify(match.group(1)) if match else None
    return found.level.value if found else None


def complete_bare(name: str, text: str, title: str | None = None) -> str | None:
    """自治区人民政府办公厅 → 内蒙古自治区人民政府办公厅 if the text names one such region;
    市人民政府 → 安陆市人民政府 if the title it opens names one such place
    (市人民政府关于印发安陆市突发事件总体应急预案的通知)."""
    word = _PROVINCE_WORDS.match(name)
    if word is None:
        return _complete_from_title(name, title)
    found = {
        region for region in provincial_names() if region.endswith(word.group(1)) and region in text
    }
    return f"{found.pop()}{name[len(word.group(1)) :]}" if len(found) == 1 else None
