"""What a web page adds around a notice, and how a page that lost its line breaks is split.

Lines that are only page furniture (breadcrumbs, site names, 发布时间/来源/浏览次数, 字号 大 中
小, 打印/关闭, share prompts, footers) are recognised by their own shape. Anti-scraping junk
(runs of ASCII punctuation and single letters that some sites hide between lines) is too.
A notice copied from a page that lost its line breaks has its title, document number,
addressees, signature and date run together; ``split_flattened`` puts them back on lines of
their own, so that each can be read from its own zone.
"""

from __future__ import annotations

import re

from build_tools.metadata.dates import find_date
from build_tools.metadata.doc_number import find_doc_number
from build_tools.metadata.orgs import split_issuers
from build_tools.textutil import TITLE_ENDINGS

# Anywhere: lines no notice prints.
ANYWHERE = tuple(
    re.compile(pattern)
    for pattern in (
        r"^用微信[“\"]?扫一扫[”\"]?",
        r"^即可将网页分享给您的微信好友或朋友圈",
        r"^扫一扫在手机(上)?打开当前页",
        r"^扫描二维码",
        r"^分享到[:：]?",
        r"^【?(字体|字号)[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?】?$",
        r"^(【?(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|保存|下载法规|我要纠错|条款摘要)】?\s*)+$",
        r"^(来源|发布时间|发表时间|发表日期|浏览次数|访问量|点击数|责任编辑)[:：].{0,80}$",
        r"(浏览次数|点击[数率量]?|阅读次数|访问次数)[:：]?\s*\d*\s*次?\s*$",
        r"^(放大字体|缩小字体)",
        r"^(您的位置|您当前的位置|您现在的位置|当前位置|您当前所在位置|所在位置)[:：]",
        r"^首页\s*(>|»|＞|›|>>)",
        r"^(本文来源|资料来自公开网络|原文版权归|注[:：]因版权方要求)",
        r"^(无需注册|学术咨询|找律师|欢迎来到|设为首页|论文部分内容阅读|文章播报)",
        r"^公文高手",
        r"^\[接上页\]$",
        r"^[—－\-–]\s*\d{1,3}\s*[—－\-–]$",
    )
)
# Footer words, on a short line without a sentence in it.
_FOOTER = re.compile(
    r"^[^。]{0,40}(版权所有|主办单位|承办单位|技术支持|ICP备|网站标识码|网站地图)[^。]{0,60}$"
)
# Only above or below the text: words that could open a sentence of the body.
AT_THE_EDGES = tuple(
    re.compile(pattern)
    for pattern in (
        r"^[|｜\-—_=·•]+$",
        r"^今天[:：]",
        r"^(摘要|核心提示|【正文】|正文|收藏|附件下载|相关链接|信息公开元数据)[:：]?$",
        r"^\d{2}\.\d{2}\.\d{4}\s+\d{1,2}:\d{2}$",
        r"^\d{4}-\d{1,2}-\d{1,2}\s+(\d{1,2}:\d{2}(:\d{2})?|点击)",
        r".{2,30}(网|网站|平台|门户)\s*(--|——|-|_|\|)\s*.{0,30}$",
        r"^.{2,30}(--|——|_|\|)\s*.{2,30}(网|网站|平台)$",
        r"^篇\d+[:：]",
        r"【正文】\s*$",
        r"[(（]共\d+篇[)）]$",
        r"^[A-Za-z][A-Za-z ,.'’\"“”:;()-]{30,}$",
    )
)
EDGE_LINES = 40
# Anti-scraping junk: short tokens of ASCII punctuation and letters, with no Chinese.
_ASCII_RUN = re.compile(r"[\x20-\x7e]+")
_JUNK_PUNCTUATION = re.compile(r"[\^$&{}\[\]`'*#@~|\\]")


# Page furniture is short; a paragraph of the notice is not looked at further.
_LONGEST_CHROME = 240
# One search a line: every line of every notice is looked at.
_ANYWHERE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in ANYWHERE))
_AT_THE_EDGES = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in AT_THE_EDGES))


def is_chrome(text: str, near_edge: bool) -> str | None:
    """The kind of page furniture ``text`` is, or None if it may be part of the notice."""
    if len(text) > _LONGEST_CHROME:
        return None
    if _ANYWHERE.search(text) or _FOOTER.match(text):
        return "web-leftover"
    if near_edge and _AT_THE_EDGES.search(text):
        return "web-leftover"
    return None


def junk_prefix(text: str) -> int:
    """How many leading characters of ``text`` are anti-scraping junk (0 if none).

    Junk is a run of short ASCII tokens with odd punctuation (6 ^$ {- Q H& {. {) q7 `' ?);
    a line of numbers or an English phrase is not.
    """
    match = _ASCII_RUN.match(text)
    if match is None:
        return 0
    run = match.group(0)
    tokens = run.split()
    if len(tokens) < 3 or len(_JUNK_PUNCTUATION.findall(run)) < 3:
        return 0
    if sum(len(token) <= 3 for token in tokens) < 0.7 * len(tokens):
        return 0
    return match.end()


# Where a flattened notice changes zone: after the title, after the document number, after
# the addressees' colon, before a signature and date at a sentence end.
_TITLE_END = re.compile(
    rf"(?:通知书|{'|'.join(TITLE_ENDINGS)})》?"
    r"(?=\s*[(（]?[\u4e00-\u9fff]{1,15}[〔\[［(（【]\d{4}[〕\]］)）】]\s*第?\d{1,5}\s*号)"
    r"|(?:通知|通报|意见|决定|批复|函)》?(?=\s*各)"
)
_ADDRESSEES = re.compile(r"^(各[^。；：:！？]{2,200}?[：:])\s*(?=\S)")
FLATTENED = 160
_BOOK_TITLE = re.compile(r"^(《[^《》]{6,150}》)(?=[\u4e00-\u9fff])")
_NUMBER_AFTER_SPACE = re.compile(
    r"\s((?!的)[\u4e00-\u9fff]{1,15}[〔\[［(（【﹝]\s*(?:19|20)\d{2}\s*[〕\]］)）】﹞]\s*第?\d{1,5}\s*号)"
)
_TITLE_SHAPE_END = re.compile(f"({'|'.join(TITLE_ENDINGS)})$")
# What may print before a 版头's number: a label, a telegram's header (等级 特提 签发: …), but
# not a sentence.
_HEADER_TEXT = re.compile(r"[，,。；;、《》“”]|.{61}")
_MARK_AND_NUMBER = re.compile(r"^(.{2,40}?文件)\s*(?=[\u4e00-\u9fff]{1,15}[〔\[［(（【﹝]\d{4})")
_LEADING_LABEL = re.compile(r"^[\u4e00-\u9fff \u3000]{0,5}[:：|｜\s]+")
# A sentence that cites a notice opens with what the citing text does with it.
NOT_A_TITLE = re.compile(
    r"^(根据|为|按照|依据|依照|遵照|现将|经|结合|按|近日|今年|贯彻|认真|请|对)"
)


def split_flattened(text: str, front: bool) -> list[str]:
    """The zones of a long line that holds a whole notice, each on a line of its own.

    ``front``: the line opens the text, so the 版头, a title and the addressees may open it,
    in the order GB/T 9704 prints them: 发文机关标志 (…文件), what a telegram's header
    prints before its number (等级 特提 签发: …), the 发文字号, the title, the number again
    (under the title), the addressees; then the body, and a signature and date closing it.
    """
    if not front:
        return _split_closing(text) if len(text) >= FLATTENED else [text]
    pieces: list[str] = []
    rest = text
    mark = _MARK_AND_NUMBER.match(rest)
    if mark:  # 重庆市人民政府办公厅文件渝办发[2012]238号…
        pieces.append(mark.group(1))
        rest = rest[mark.end() :]
    number = find_doc_number(rest[:150])
    if number:
        after = rest[number[2] :].strip(")） ")
        opening = rest[: number[1]].strip(" （(【[")
        if ((opening or after) and not _opens_notice(after)) or _HEADER_TEXT.search(opening):
            number = None  # a number in a heading or a sentence, not the 版头's
    if number:
        start, end = number[1], _after_brackets(rest, number[2])
        if rest[:start].strip(" （(【["):
            pieces.append(rest[:start].strip())  # a label, or a telegram's header
            rest = rest[start:]
            end -= start
        pieces.append(rest[:end].strip())
        rest = rest[end:].lstrip()
    if len(pieces) > 1 or number or len(text) >= FLATTENED:
        title = _TITLE_END.search(rest[:300])
        if title and _could_be_title(rest[: title.end()]):
            pieces.append(rest[: title.end()])
            rest = rest[title.end() :].lstrip()
        again = find_doc_number(rest[:60])
        if again and again[1] <= 2:
            end = _after_brackets(rest, again[2])
            pieces.append(rest[:end])
            rest = rest[end:].lstrip()
    if not pieces and not number:
        book = _BOOK_TITLE.match(rest)
        if book and _could_be_title(book.group(1)[1:-1]):
            pieces.append(book.group(1))  # 《XX关于…的通知》为进一步…: the title, then the text
            rest = rest[book.end() :]
        else:
            anchored = _anchored_title(rest)
            if anchored:
                pieces.extend(anchored[0])
                rest = anchored[1]
    addressees = _ADDRESSEES.match(rest)
    if addressees and (pieces or len(text) >= FLATTENED):
        pieces.append(addressees.group(1))
        rest = rest[addressees.end() :]
    if not pieces:
        return [text] if len(text) < FLATTENED else _split_closing(text)
    return [piece for piece in [*pieces, *_split_closing(rest, opening=True)] if piece.strip()]


def _anchored_title(text: str) -> tuple[list[str], str] | None:
    """A heading run into a flattened notice: find its number, with the addressees after it,
    and the title that ends right before it (…的决定时间:2019-01-23 信阳市人民政府 关于…的决定
    信政〔2018〕17号 各县、区人民政府…)."""
    for match in _NUMBER_AFTER_SPACE.finditer(text[:500]):
        number = find_doc_number(match.group(1))
        if number is None or not text[match.end() :].lstrip().startswith("各"):
            continue
        before = text[: match.start()].rstrip()
        for cut in range(max(0, len(before) - 160), len(before) - 5):
            if cut and before[cut - 1] not in " \u3000:：|｜)）】":
                continue
            candidate = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", before[cut:])
            if _could_be_title(candidate) and _TITLE_SHAPE_END.search(candidate):
                head = [before[:cut].strip()] if before[:cut].strip() else []
                return [*head, before[cut:].strip(), match.group(1)], text[match.end() :].lstrip()
        return None
    return None


def _opens_notice(text: str) -> bool:
    """Whether what follows a number is a notice's title or its addressees."""
    text = text[:200].strip()
    if re.match(r"[^。；，,：:]{0,8}各[^。；]{2,150}?[：:]", text):
        return True  # the addressees (各…：, 局机关各科室…：)
    title = _TITLE_END.search(text)
    return title is not None and _could_be_title(text[: title.end()])


def _after_brackets(text: str, end: int) -> int:
    """``end`` moved past closing brackets, which stay with the number they close."""
    while end < len(text) and text[end] in ")）":
        end += 1
    return end


def _could_be_title(text: str) -> bool:
    return (
        bool(text)
        and (text[0] in "《" or "\u4e00" <= text[0] <= "\u9fff")
        and len(text) <= 150
        and not re.search("[。，,；;：:]", text)
        and not NOT_A_TITLE.match(text)
        and bool(re.search("关于|印发|转发|批转", text) or text.endswith("通知书"))
    )


def _split_closing(text: str, opening: bool = False) -> list[str]:
    """Put a signature and date that follow a sentence end on a line of their own.

    The date may stand alone only at the very end of the line, or, in the opening of a
    flattened notice (``opening``), right before a plan's title (…贯彻执行。2016年8月12日省级…).
    """
    for match in _closing_boundaries(text):
        window = text[match.end() : match.end() + 80]
        date = find_date(window)
        if date is None:
            continue
        _, start, end = date
        signature = window[:start].strip()
        tail = text[match.end() :]
        rest = tail[end:]
        if signature and not split_issuers(signature):
            continue
        if not signature and not match.group(0).strip():
            continue  # after a space, only a signature with its date closes the text
        dated_heading = opening and start == 0 and match.end() < 600 and _starts_a_title(rest)
        ending = not rest.strip(" |｜\u3000") or _PAGE_TAIL.match(rest)
        if not signature and not ending and not dated_heading:
            continue
        return [text[: match.end()], tail[:end], *([rest] if rest.strip() else [])]
    return [text]


_BOUNDARY = re.compile(r"[。！）)]\s*|\s+")
# A covering notice's signature stands near the start of a flattened page or near its end.
_CLOSING_SPAN = 6_000


def _closing_boundaries(text: str) -> list[re.Match[str]]:
    """Sentence ends and spaces where a signature may begin, in the first and last stretch."""
    found = list(_BOUNDARY.finditer(text, 0, min(len(text), _CLOSING_SPAN)))
    if len(text) > _CLOSING_SPAN:
        found += _BOUNDARY.finditer(text, max(_CLOSING_SPAN, len(text) - _CLOSING_SPAN))
    return found


_PAGE_TAIL = re.compile(r"\s*(责编|责任编辑|编辑|审核|来源|作者)[:：]")


def _starts_a_title(text: str) -> bool:
    """What follows a date opens a new heading, not a clause of the same sentence."""
    return (
        bool(text) and text[0] not in "，,、：:；;（(的前后起至以到日时号" and not text[0].isdigit()
    )
