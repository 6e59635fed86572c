"""The zones of a notice after GB/T 9704-2012, each line with the evidence that placed it.

A printed notice has a 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), a 主体 (标题,
主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注), often an 附件 (the plan itself) and a
版记 (抄送机关, 印发机关和印发日期). A web page adds its own chrome and often a metadata table.
``find_zones`` assigns every cleaned line to one of them, so that each fact can be read from
its own zone: the title from the title, the date from the signature block, never from the
page's publication line or a date quoted in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from build_tools.chrome import NOT_A_TITLE
from build_tools.metadata.dates import ImpossibleDateError, find_date, parse_date
from build_tools.metadata.doc_number import find_doc_number
from build_tools.metadata.orgs import VERBS, is_organisation, split_issuers
from build_tools.metadata.recipients import looks_like_recipients
from build_tools.metadata.table import is_table_row, read_table
from build_tools.model import CleaningStep, Line
from build_tools.structure import starts_part


class Zone(StrEnum):
    """Where a line belongs in a notice (GB/T 9704-2012) or around it."""

    CHROME = "chrome"  # the web page around the notice
    TABLE = "table"  # the page's metadata table (索引号, 发文字号, 成文日期 …)
    HEAD = "head"  # 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人
    TITLE = "title"  # 标题
    RECIPIENTS = "recipients"  # 主送机关
    BODY = "body"  # 正文
    ATTACHMENT_NOTE = "attachment_note"  # 附件说明
    SIGNATURE = "signature"  # 发文机关署名
    DATE = "date"  # 成文日期
    NOTE = "note"  # 附注
    ATTACHMENT = "attachment"  # 附件
    IMPRINT = "imprint"  # 版记: 抄送机关, 印发机关和印发日期


@dataclass(frozen=True)
class ZonedLine:
    """A cleaned line, its zone, the element of the zone it is, and why."""

    number: int
    text: str
    zone: Zone
    element: str
    evidence: str


FRONT = 45  # lines that may hold a page's table, the 版头, the title and the addressees
_DOC_TYPES = (
    "紧急通知|通知|通报|实施意见|指导意见|若干意见|意见|决定|批复|复函|函|实施办法|办法|实施方案"
    "|工作方案|方案|规定|实施细则|细则|规划|计划|工作要点|要点|报告|请示|公告|通告|纪要|预案"
    "|制度|安排|决议|命令|令"
)
_TITLE_SHAPE = re.compile(rf"(?:{_DOC_TYPES})》?$")
# A document number printed after the title: in brackets, or after a space.
TRAILING_NUMBER = re.compile(
    r"(?:\s*[(（]([^()（）]{2,30}号)\s*[)）]|(?:\s+|\s*[-—–_|｜]\s*|(?<=[知见定报复函法案则划点告要示度排议]))"
    r"((?!的)[\u4e00-\u9fff]{1,15}[〔\[［(（【]\d{4}\S{1,8}号))\s*$"
)
# The shape of a document number, also when damaged (巫山府办发〔2017132).
_NUMBER_SHAPE = re.compile(r"^[\u4e00-\u9fff]{1,15}[〔\[［(（【]\s*\d{4}")
_MARKER = re.compile(
    r"^【[^】]{1,8}】|^(转|转载)[:：]\s*|【(已废止|已失效|失效|废止|有效|已修改|现行有效)】$"
    r"|(?<=[知见定报复函法案则])(法律法规|政策法规|通知公告|政策文件|政务公开)$"
)
_SELF_TITLED = ("通知书", "决定书")
_TITLE_LABEL = re.compile(r"^(标\s*题|名\s*称|信息名称|法规名称|文件名称|法规标题)\s*[:：|｜]?\s*")
# A plan, 意见 or 办法 issued as a document of its own, titled after the region it governs.
_PLAN_TITLE = re.compile(
    r"^[\u4e00-\u9fff]{2,12}?(省|自治区|市|县|区|旗|州|盟)[\u4e00-\u9fff“”（）()—]{4,60}"
    r"(实施意见|实施方案|工作方案|专项整治方案|实施办法|管理办法|应急预案|工作要点)$"
)
_PAGE_NUMBER = re.compile(r"\s*[—－\-–]\s*\d{1,3}\s*[—－\-–]\s*$")
_BREADCRUMB = re.compile(r"(>|»|＞|›|首页|当前位置|您的位置)")
# The 发文机关标志: the issuer's name followed by 文件.
MARK = re.compile(r"^(.{2,60}?)\s*文\s*件$")
_SEPARATOR = re.compile(r"^[\s▬━─—_=＝\-–*★☆·•]{3,}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(★.{0,6})?$|^(特急|加急|特提|平急)$|^\d{6}$")
_SIGNER = re.compile(r"签\s*发\s*人")
_PAGE_META = re.compile(r"(发布时间|发表时间|发布日期|发表日期|来源|点击|浏览)")
_ATTACHMENT_NOTE = re.compile(r"^附\s*件?\s*[:：\d]|^附[:：]")
_IMPRINT = re.compile(r"^抄\s*送[:：]|^(主题词|关键词)[:：]|印\s*发\s*$|印发\s*[(（]?共印")
_NOTE = re.compile(r"^[(（](此件|联系人|本件|此文)")


def find_zones(
    lines: Sequence[Line],
    table_lines: set[int] | None = None,
    dropped: frozenset[int] = frozenset(),
) -> tuple[ZonedLine, ...]:
    """Every line of a cleaned notice with its zone (see the module docstring).

    ``table_lines``: the lines of the page's metadata table, if already read
    (``read_table(lines[:FRONT])``); ``dropped``: source lines cleaning took out as page
    furniture (a breadcrumb between a site's banner and the title keeps them apart).
    """
    zones: list[tuple[Zone, str, str] | None] = [None] * len(lines)
    front = min(len(lines), FRONT)
    if table_lines is None:
        _, table_lines = read_table(lines[:front])
    title = _best_title(lines, front, dropped)
    recipients = _recipients(lines, title, front)
    start = _document_start(lines, title, recipients, table_lines, dropped)
    for index in range(start):
        if lines[index].number in table_lines:
            zones[index] = (Zone.TABLE, "table", "label and value of the page's metadata table")
        elif index in (title or ()):
            zones[index] = (Zone.TITLE, "title", "title shape before the addressees")
        else:
            zones[index] = (Zone.CHROME, "page", "before the notice begins")
    head_end = title[0] if title else (recipients if recipients is not None else start)
    for index in range(start, max(start, head_end)):
        zones[index] = _head_element(lines[index].text)
    if title:
        for index in title:
            zones[index] = (Zone.TITLE, "title", "title shape before the addressees")
    after_title = title[-1] + 1 if title else start
    body_start = recipients + 1 if recipients is not None else after_title
    if recipients is None and title and _is_number_line(lines, after_title):
        body_start = after_title + 1  # a 决定 or 通报 has a number but no addressees
    between = after_title if title else (recipients if recipients is not None else body_start)
    for index in range(between, body_start):
        if index == recipients:
            zones[index] = (Zone.RECIPIENTS, "recipients", "addressees ending in a colon")
        elif find_doc_number(lines[index].text):
            zones[index] = (Zone.HEAD, "doc_number", "document number under the title")
        elif lines[index].number in table_lines:
            zones[index] = (Zone.TABLE, "table", "label and value of the page's metadata table")
        else:
            # Only the document number stands between a printed title and its addressees.
            zones[index] = (Zone.CHROME, "page", "between the title and the addressees")
    _closing(lines, body_start, zones)
    return tuple(
        ZonedLine(line.number, line.text, *(zone or (Zone.BODY, "text", "")))
        for line, zone in zip(lines, zones, strict=True)
    )


def title_core(text: str) -> str:
    """A title line without what a page adds to it: a number before or after it, a status
    marker (【已废止】), the 《》 a page wraps it in."""
    core = _MARKER.sub("", _TITLE_LABEL.sub("", text.strip(" |｜\u3000")))
    core = TRAILING_NUMBER.sub("", core).strip()
    leading = find_doc_number(core[:40])
    if (
        leading
        and leading[1] == 0
        and re.match(r"[)）]?\s*(关于|印发|转发|[\u4e00-\u9fff]{2,30}关于)", core[leading[2] :])
    ):
        core = core[leading[2] :].lstrip(")） ")
    if core.startswith("《") and core.endswith("》"):
        core = core[1:-1]
    return core


def title_score(text: str) -> int:
    """How much ``text`` looks like a notice's printed title (0: not at all)."""
    core = title_core(text)
    if starts_part(core):
        return 0  # 2.《…的通知》: an item that names a notice
    if not 6 <= len(core) <= 160 or _BREADCRUMB.search(core) or re.search("[。；;：:，,]", core):
        return 0
    if core.endswith(_SELF_TITLED):
        return 8  # 重大生产安全事故查处挂牌督办通知书: a title without 关于
    if _PLAN_TITLE.match(core):
        return 5  # 甘肃省防范化解尾矿库安全风险工作实施意见: a plan that is its own document
    if not _TITLE_SHAPE.search(core) or not re.search("关于|印发|转发|批转|颁发", core):
        return 0
    if NOT_A_TITLE.match(core):
        return 0
    score = 10
    if core.startswith(VERBS):
        score += 2
    position = core.find("关于")
    if position > 0 and is_organisation(core[:position]):
        score += 3
    return score


def _best_title(lines: Sequence[Line], front: int, dropped: frozenset[int]) -> list[int] | None:
    """The line(s) of the printed title: the best-shaped title before the addressees."""
    best: tuple[int, int] | None = None
    for index in range(front):
        text = lines[index].text
        if looks_like_recipients(text):
            break
        if is_table_row(text):
            continue  # 标题 | …: the page's table, read as such
        score = title_score(text)
        if not score:
            continue
        if _is_page_heading(lines, index):
            score -= 2
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if find_doc_number(following) or looks_like_recipients(following):
            score += 4
        if best is None or score >= best[0]:
            best = (score, index)
    if best is None:
        return None
    index = best[1]
    if index > 0 and _title_opens_with_issuer_line(lines, index, dropped):
        return [index - 1, index]
    return [index]


def _is_page_heading(lines: Sequence[Line], index: int) -> bool:
    """A page's own heading is followed at once by its publication line (发布时间 …)."""
    return any(
        _PAGE_META.search(lines[k].text) and find_date(lines[k].text) is not None
        for k in range(index + 1, min(index + 3, len(lines)))
    )


def _title_opens_with_issuer_line(
    lines: Sequence[Line], index: int, dropped: frozenset[int]
) -> bool:
    """A title's first printed line may be its issuer (于都县人民政府办公室 / 关于印发…)."""
    above, title = lines[index - 1], lines[index].text
    if not split_issuers(above.text) or MARK.match(above.text):
        return False
    if title.startswith(("印发", "转发", "批转", "颁发")):
        return not _furniture_between(above, lines[index], dropped)
    # Under the 发文字号, an issuer's name opens the title; at the very top, it is the
    # 发文机关标志 (printed without 文件), which is not part of the title.
    if not title.startswith("关于"):
        return False
    # Printed on the line right above (no blank line between), it is the title's start.
    adjacent = above.number + 1 == lines[index].number
    return adjacent or (index > 1 and bool(_NUMBER_SHAPE.match(lines[index - 2].text)))


def _recipients(lines: Sequence[Line], title: list[int] | None, front: int) -> int | None:
    start = title[-1] + 1 if title else 0
    for index in range(start, min(len(lines), max(front, start + 6))):
        if looks_like_recipients(lines[index].text):
            return index
        if starts_part(lines[index].text) or len(lines[index].text) > 200:
            break
    return None


def _document_start(
    lines: Sequence[Line],
    title: list[int] | None,
    recipients: int | None,
    table: set[int],
    dropped: frozenset[int],
) -> int:
    """The first line of the notice itself: its 版头, title or addressees."""
    anchor = title[0] if title else recipients
    if anchor is None:
        return 0
    start = anchor
    while start > 0 and _head_element(lines[start - 1].text)[0] is Zone.HEAD:
        if lines[start - 1].number in table:
            break
        if _furniture_between(lines[start - 1], lines[start], dropped):
            break  # page furniture stood between: a site's banner, not the 版头
        start -= 1
    return start


FURNITURE_STEPS = frozenset({"web-leftover", "web-junk", "header-block"})


def _furniture_between(first: Line, second: Line, dropped: frozenset[int]) -> bool:
    """Whether cleaning took page furniture out from between two lines."""
    return any(first.number < number < second.number for number in dropped)


def _is_number_line(lines: Sequence[Line], index: int) -> bool:
    if index >= len(lines):
        return False
    found = find_doc_number(lines[index].text)
    return found is not None and len(lines[index].text) <= found[2] - found[1] + 4


def _head_element(text: str) -> tuple[Zone, str, str]:
    """A 版头 element (发文机关标志, 发文字号, 签发人 …), or chrome if the line is none."""
    mark = MARK.match(text)
    if mark and split_issuers(mark.group(1)):
        return Zone.HEAD, "mark", "name of the issuer followed by 文件"
    if _SIGNER.search(text) or (find_doc_number(text) and len(text) <= 40):
        return Zone.HEAD, "doc_number", "document number line of the 版头"
    number = find_doc_number(text[:40])
    if number and number[1] <= 2 and title_score(text[number[2] :]):
        return Zone.HEAD, "doc_number", "document number printed before the title"
    if _SEPARATOR.match(text):
        return Zone.HEAD, "separator", "the red separator line"
    if _SECRECY.match(text):
        return Zone.HEAD, "marking", "份号, 密级 or 紧急程度"
    if split_issuers(text) and not text.startswith("中华人民共和国"):  # not a gov.cn banner
        return Zone.HEAD, "issuer", "name of the issuer above the title"
    return Zone.CHROME, "page", "before the notice begins"


def closing_date(text: str) -> tuple[str, str] | None:
    """(signature, date) if ``text`` is a 成文日期 line, maybe with the signature before it.

    A page number a copy glued to the date (2023年5月10日— 3 —) is not part of the line.
    """
    text = _PAGE_NUMBER.sub("", text)
    try:
        whole = parse_date(text)
    except ImpossibleDateError:
        return None
    if whole:
        return "", whole.isoformat()
    found = find_date(text)
    if found is None or found[2] < len(text.rstrip()) - 2 or "印发" in text[found[2] :]:
        return None
    date, start, _ = found
    before = text[:start].strip()
    if before and not split_issuers(before):
        return None
    return before, date.isoformat()


def _closing(
    lines: Sequence[Line], body_start: int, zones: list[tuple[Zone, str, str] | None]
) -> None:
    """Mark the signature block, the attachment after it and the 版记."""
    date_at = next(
        (
            k
            for k in range(body_start, len(lines))
            if not starts_part(lines[k].text) and closing_date(lines[k].text)
        ),
        None,
    )
    end = date_at if date_at is not None else len(lines)
    if date_at is not None:
        zones[date_at] = (Zone.DATE, "date", "a date alone (or after the signature) after the text")
        for k in range(date_at - 1, max(body_start - 1, date_at - 3), -1):
            if not split_issuers(lines[k].text):
                break
            zones[k] = (Zone.SIGNATURE, "signature", "issuer's name just above the date")
            end = k
        following = date_at + 1
        if following < len(lines) and _NOTE.match(lines[following].text):
            zones[following] = (Zone.NOTE, "note", "附注 in parentheses after the date")
            following += 1
        for k in range(following, len(lines)):
            imprint = _IMPRINT.search(lines[k].text)
            zones[k] = (
                (Zone.IMPRINT, "imprint", "抄送 or 印发 line of the 版记")
                if imprint
                else (Zone.ATTACHMENT, "text", "after the signature block")
            )
    elif body_start < len(lines) and split_issuers(lines[-1].text):
        zones[len(lines) - 1] = (Zone.SIGNATURE, "signature", "issuer's name closing the text")
        end = len(lines) - 1
    for k in range(body_start, end):
        if zones[k] is None and _ATTACHMENT_NOTE.match(lines[k].text):
            zones[k] = (Zone.ATTACHMENT_NOTE, "attachment_note", "附件 line before the signature")


def without_chrome(
    lines: Sequence[Line], zoned: Sequence[ZonedLine]
) -> tuple[tuple[Line, ...], list[CleaningStep]]:
    """The lines of the notice itself, and a cleaning step for each line of page chrome."""
    kept: list[Line] = []
    steps: list[CleaningStep] = []
    for line, zone in zip(lines, zoned, strict=True):
        if zone.zone is Zone.CHROME:
            steps.append(CleaningStep("web-chrome", line.number, line.text, ""))
        elif zone.zone is Zone.TABLE:
            steps.append(CleaningStep("header-block", line.number, line.text, ""))
        else:
            kept.append(line)
    return tuple(kept), steps
