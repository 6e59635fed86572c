"""Names of issuing bodies: recognise them, split joint issuers, tell full names from short.

GB/T 9704 prints the 发文机关 in its full name or a recognised short form; joint issuers are
separated by spaces (中共XX市委 XX市人民政府) or, in running text, by 、. A name that opens
with a bare level word (省人民政府, 市政府办公厅) does not say which body it is.
"""

from __future__ import annotations

import re

# Endings of the names of government, party and other bodies that issue notices.
_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|行政公署|管理委员会|管委会"
    "|安全生产委员会办公室|安全生产委员会|安委会办公室|安委会|安委办|委员会办公室|委员会"
    "|办公厅|办公室|人民政府[\u4e00-\u9fff]{0,4}委员会|政府|党委|省委|市委|县委|区委|州委|旗委"
    "|总局|分局|监察局|管理局|局|厅|部|署|委|司|处|院|中心|集团有限公司|股份有限公司"
    "|有限责任公司|有限公司|公司|集团|协会|总队|支队|大队"
    "|人防办|应急办|防汛办|防指办|综治办|减灾办|政府办|党政办|消安委办|食安办|交安委办|兵团"
)
ORG_NAME = re.compile(rf"(?:中共)?[\u4e00-\u9fff（）()]{{1,30}}?(?:{_SUFFIX})")
_WHOLE = re.compile(rf"^(?:{ORG_NAME.pattern})$")
_JOINT = re.compile(rf"(?:{ORG_NAME.pattern})")
# Words that begin what a body does, not its name (…办公室转发…, …人民政府印发…).
VERBS = ("关于", "转发", "印发", "批转", "颁发", "发布", "公布")
_BARE = re.compile(r"^(省|自治区|市|县|区|旗|州|盟)(人民)?(政府|委|安委|安全生产|应急)")
_NOT_NAMES = re.compile(r"(关于|通知|意见|决定|的|等|要|对|在|是|了|：|:|，|,|。|《|》)")
_SUB_BODY = re.compile(r"^(安委会|安委办|安全生产委员会|办公室|办公厅|党组)")
# Words that open addressees or a sentence, never a body's name (本溪市 and 全椒县 are names).
_NOT_A_BODY = re.compile(r"^(各|有关|全(市|省|县|区|旗|州)|本(市|省|县|区|单位|部门|机关|局|委))")
# A party committee and the next body run together (中共赣州市委赣州市人民政府).
_PARTY_AND_MORE = re.compile(
    r"^(中共[\u4e00-\u9fff]{1,12}?(?:省委|市委|县委|区委|州委|旗委|盟委|委员会))"
    r"(?!办公|宣传|组织|统战|政法|机构|农村|财经|外事|党校)(.{4,})$"
)
_ABBREVIATIONS = (
    ("安委会办公室", "安全生产委员会办公室"),
    ("安委办", "安全生产委员会办公室"),
    ("安委会", "安全生产委员会"),
    ("府办", "人民政府办公室"),
    ("煤矿安监局", "煤矿安全监察局"),
    ("安全监管", "安全生产监督管理"),
    ("安监", "安全生产监督管理"),
)


def is_organisation(text: str) -> bool:
    """Whether all of ``text`` names one issuing body (滕州市安全生产委员会)."""
    text = text.strip()
    if _NOT_A_BODY.match(text) or _PARTY_AND_MORE.match(text):
        return False
    return bool(_WHOLE.match(text)) and not _NOT_NAMES.search(text.replace("中共", ""))


def split_issuers(text: str) -> list[str] | None:
    """The bodies a line names, in order, if it names nothing else (joint issuers).

    A part that is only an office of the one before (安徽省人民政府 安委会办公室) belongs to it.
    """
    parts: list[str] = []
    for part in re.split(r"[\s\u3000、，,]+", text.strip()):
        if part and parts and _SUB_BODY.match(part):
            parts[-1] += part
        elif part:
            parts.append(part)
    if not parts:
        return None
    names: list[str] = []
    for part in parts:
        pieces = _segment(part) if len(re.findall("办公厅|办公室", part)) > 1 else None
        if pieces is None and is_organisation(part):
            names.append(part)
            continue
        pieces = pieces or _segment(part)
        if pieces is None:
            return None
        names.extend(pieces)
    return names


def _segment(text: str) -> list[str] | None:
    """Split run-together names (中共赣州市委赣州市人民政府) where every piece is a name.

    Offices run together split after each 办公厅/办公室 (国家安监总局办公厅卫生部办公厅).
    """
    offices = [piece for piece in re.split(r"(?<=办公厅|办公室)(?=.)", text) if piece]
    if len(offices) > 1 and all(is_organisation(piece) for piece in offices):
        return offices
    party = _PARTY_AND_MORE.match(text)
    if party:
        rest = [party.group(2)] if is_organisation(party.group(2)) else _segment(party.group(2))
        return [party.group(1), *rest] if rest else None
    pieces: list[str] = []
    position = 0
    while position < len(text):
        match = _JOINT.match(text, position)
        if match is None:
            return None
        end = match.end()
        # Take the longest name that leaves a splittable rest.
        for longer in range(len(text), end, -1):
            if is_organisation(text[position:longer]) and (
                longer == len(text) or _segment(text[longer:]) is not None
            ):
                end = longer
                break
        if not is_organisation(text[position:end]):
            return None
        pieces.append(text[position:end])
        position = end
    return pieces if len(pieces) > 1 else None


def is_bare(name: str) -> bool:
    """Whether a name opens with a bare level word and so names no particular body."""
    return bool(_BARE.match(name))


def expanded(name: str) -> str:
    """The name with common short forms written out, for comparing two names."""
    for short, full in _ABBREVIATIONS:
        name = name.replace(short, full)
    return re.sub(r"(?<!人民)政府", "人民政府", name)


def issuer_prefix(title: str) -> tuple[list[str], bool] | None:
    """The issuers printed before 关于/转发/印发 in a title, and whether the list is whole.

    ``国务院办公厅关于…`` gives (["国务院办公厅"], True); ``中共中央宣传部、公安部等关于…`` gives
    the named bodies and False (等: others are not named).
    """
    position = min((p for p in (title.find(verb) for verb in VERBS) if p > 0), default=-1)
    if position <= 0:
        return None
    prefix = title[:position].strip()
    if prefix.startswith(VERBS):
        return None
    whole = not prefix.endswith("等")
    prefix = prefix.removesuffix("等")
    names = split_issuers(prefix) or ([prefix] if is_organisation(prefix) else None)
    if not names:
        return None
    return names, whole
