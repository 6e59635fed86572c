"""What a notice cites: 《titles》, document numbers and the relation word before them.

Facts only, read from the notice alone: they are cached with the rest of its own work
(build_tools.stage) and resolved against the archive afterwards (``resolve``).

- A title is everything between 《 and its matching 》, nested 〈〉 (or 《》) included:
  《关于印发〈2022年工作要点〉的通知》 is one title.
- A document number in parentheses right after a title is that title's (《…意见》（国发〔2011〕
  40号）); any other number (贯彻落实国发〔2011〕40号文件精神) is cited on its own.
- The relation is the last of 根据, 按照, 贯彻落实, 转发, 印发 … before the citation in its
  clause, or 印发/转发 right after it (现将《…》转发给你们). A relation word followed by 的
  (省政府印发的《…》) says who made the document, not what this notice does with it.
- What the notice makes itself is no citation: its own title and number, a document it is
  to draft (编制《…》, 研究制定《…》), a magazine (《河北安全生产》杂志). The plan it issues
  (现将《2022年工作要点》印发给你们) is kept, marked ``attached``: it cites no other notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.citations.keys import number_key, title_key
from build_tools.metadata.doc_number import DOC_NUMBER, find_doc_number
from build_tools.model import Notice, Role, quick_pickle
from build_tools.textutil import HAN_CLASS, to_halfwidth

RELATIONS = (
    "贯彻落实", "贯彻执行", "转发", "印发", "根据", "按照", "依据", "依照", "遵照", "参照",
    "对照", "对标", "贯彻", "落实", "执行",
)  # fmt: skip
FORWARD, IMPLEMENT = "转发", "贯彻"  # the relations a page marks
ISSUE = "印发"  # the notice issues the document: its own attachment
MAX_TITLE = 150  # a 《 not closed within this many characters opens no title
MAX_CLAUSE = 200  # how far back a relation word is looked for

# Paragraphs that are the notice's own header facts, never citations.
_NOT_SCANNED = frozenset({Role.DOC_NUMBER, Role.DATE, Role.ISSUER, Role.RECIPIENTS})
_MARKS = re.compile("[《〈》〉]")
_MASK = "□"  # stands for the inside of a title already read: neither Han nor a clause mark
_YEAR_IN_BRACKETS = re.compile(r"[\[［〔(（【〖﹝〘]\s*[12１２][0-9０-９]{3}\s*[\]］〕)）】〗﹞〙]")
_BEFORE_BRACKET, _AFTER_BRACKET = 24, 12  # around a bracketed year: a number's prefix, serial
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?]")
_RELATION = re.compile(f"(?:{'|'.join(RELATIONS)})(?!的)")
_RELATION_AFTER = re.compile(r"\s*(印发|转发|批转)(?!的)")
_DRAFTING = re.compile(r"(?:编制|编写|起草|制定|制订|出台|编印|出版|汇编|编纂|拍摄|摄制)(?!的)")
_PUBLICATION_AFTER = re.compile(r"\s*(?:杂志|报社|期刊|栏目|专栏|节目|频道|网站|电视|刊物|丛书)")
# 《人民日报》《中国应急管理报》, but not a 通报 (a document)
_PUBLICATION_TITLE = re.compile(r"(?:杂志|周刊|月刊|画报|(?<!通)报)$")
_NUMBER_AFTER = re.compile(r"\s*[（(]([^（()）]{4,40})[）)]")
# Who made a cited document, where the text names it: 国务院《…》, 市委、市政府《…》,
# 省政府印发的《…》.
_MADE_BY = re.compile(rf"([{HAN_CLASS}、]{{2,20}}?)(?:印发|发布|出台|制定|下发|颁布|转发)的$")
_BEFORE_ISSUER = re.compile(r".*(?:的|和|及|与|关于|同意|》|□)")
_LEADING_WORDS = re.compile(
    r"^(?:认真|深入|全面|严格|切实|进一步|继续|学习|宣传|组织|结合|做好|持续|加强|以|把|将|按|对|由|经|新|和|及|与|即|见)+"
)
_ISSUER = re.compile(rf"[{HAN_CLASS}、]{{2,20}}")
_ORG_END = re.compile(
    r"(?:国务院|党中央|中共中央|政府|办公厅|办公室|委员会|安委会|安委办|委|部|局|厅|署|院)$"
)
_MAX_PREFIX = 10  # a document number's prefix (国办发, 冀政办字, 安监总管三) is short
# A body's name run into its number (国务院安委会办公室安委办明电〔2021〕1号) ends here.
_BODY_END = re.compile(r"办公室|办公厅|委员会|人民政府")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Citation:
    """One mention of a document in a notice's text, as printed there."""

    title: str | None  # inside 《》, nested 〈〉 kept, whitespace runs as one space
    doc_number: str | None  # normalised to 〔〕
    issuer: str | None  # who made it, where named right before it (国务院《…》)
    relation: str | None  # 根据, 按照, 贯彻落实, 转发, 印发 … (None: no relation word)
    attached: bool  # the notice's own attachment (现将《…》印发给你们): cites no notice
    anchor: str | None  # the part it is cited in (None: outside the numbered parts)
    line: int  # the source line of its paragraph

    @property
    def mark(self) -> str | None:
        """转发 or 贯彻 where the notice forwards or implements the document, else None."""
        if self.relation == FORWARD:
            return FORWARD
        return IMPLEMENT if self.relation and self.relation.startswith(IMPLEMENT) else None


@dataclass(frozen=True, slots=True)
class OwnFacts:
    """The keys of a notice's own title, covering-notice title and number (see ``keys``):
    a notice never cites itself."""

    title: str
    notice_title: str | None
    doc_number: str | None


def find_citations(notice: Notice) -> tuple[Citation, ...]:
    """Every document ``notice`` cites, in text order."""
    meta = notice.metadata
    own = OwnFacts(
        title_key(meta.title),
        title_key(meta.notice_title) if meta.notice_title else None,
        number_key(meta.doc_number) if meta.doc_number else None,
    )
    found: list[Citation] = []
    for paragraph in notice.paragraphs:
        if paragraph.role in _NOT_SCANNED:
            continue
        for citation in paragraph_citations(paragraph.text, own):
            found.append(_placed(citation, paragraph.owner, paragraph.line))
    return tuple(found)


def _placed(citation: Citation, anchor: str | None, line: int) -> Citation:
    return Citation(
        citation.title, citation.doc_number, citation.issuer, citation.relation,
        citation.attached, anchor, line,
    )  # fmt: skip


def paragraph_citations(text: str, own: OwnFacts | None = None) -> Iterator[Citation]:
    """The citations of one paragraph (anchor and line left empty), in text order."""
    mentions: list[tuple[int, int, str | None, str | None]] = []  # start, end, title, number
    # What was read is masked: its words are no relation, its number no second citation.
    pieces, done = [], 0
    for start, end in title_spans(text):
        printed = " ".join(text[start + 1 : end - 1].split())
        number, end_with_number = _number_after(text, end)
        mentions.append((start, end_with_number, printed, number))
        pieces += [text[done : start + 1], _MASK * (end_with_number - start - 2)]
        done = end_with_number - 1
    masked = "".join(pieces) + text[done:]
    mentions += _numbers_alone(masked)
    for start, end, title, number in sorted(mentions, key=lambda mention: mention[0]):
        citation = _citation(masked, start, end, title, number, own)
        if citation is not None:
            yield citation


def title_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every outermost 《…》, the marks included; a 《 left unclosed within
    MAX_TITLE characters opens no title (the titles inside it are then outermost).

    One pass over the marks with a stack of open ones, each with the titles closed inside
    it, so that a text of nothing but 《 takes linear time.
    """
    stack: list[tuple[int, list[tuple[int, int]]]] = []  # open 《 and the titles inside
    for mark in _MARKS.finditer(text):
        position = mark.start()
        while stack and position - stack[0][0] > MAX_TITLE + 1:
            yield from _titles(stack.pop(0)[1], text)  # unclosed: what it holds is outermost
        if mark.group() in "《〈":
            if stack or mark.group() == "《":
                stack.append((position, []))
        elif stack:
            opened, _ = stack.pop()
            span = (opened, position + 1)
            if position - opened < 2 or (not stack and text[opened] != "《"):
                continue
            if stack:
                stack[-1][1].append(span)
            else:
                yield span
    for _, inside in stack:
        yield from _titles(inside, text)


def _titles(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Of the spans an unclosed 《 held, those that are titles (open with 《, not 〈)."""
    return [span for span in spans if text[span[0]] == "《"]


def _number_after(text: str, end: int) -> tuple[str | None, int]:
    """The document number in parentheses right after a title, and where they end."""
    match = _NUMBER_AFTER.match(text, end)
    if match is None:
        return None, end
    found = find_doc_number(match.group(1))
    if found is None or match.group(1)[found[2] :].strip():
        return None, end
    return found[0], match.end()


def _numbers_alone(masked: str) -> Iterator[tuple[int, int, str | None, str | None]]:
    """Document numbers outside titles: (start, end, None, number).

    Only the few characters around each bracketed year are read (a number's prefix is at
    most 20 characters), so a long paragraph costs one scan for brackets.
    """
    for bracket in _YEAR_IN_BRACKETS.finditer(masked):
        begin = max(0, bracket.start() - _BEFORE_BRACKET)
        half = to_halfwidth(masked[begin : bracket.end() + _AFTER_BRACKET])
        for match in DOC_NUMBER.finditer(half):
            if match.end("prefix") + begin > bracket.start():
                break  # the bracket is another number's
            if match.end("year") + begin < bracket.start():
                continue  # an earlier number in the window
            prefix = _trimmed_prefix(match.group("prefix"))
            start = match.start("prefix") + len(match.group("prefix")) - len(prefix)
            found = find_doc_number(half[start : match.end()]) if prefix else None
            if found is not None:
                yield begin + start, begin + match.end(), None, found[0]
            break


def _trimmed_prefix(prefix: str) -> str:
    """The prefix of a number without the words before it (认真贯彻落实国发 → 国发)."""
    cut = 0
    for match in re.finditer(f"{_RELATION.pattern}|{_DRAFTING.pattern}|的|关于|文件", prefix):
        cut = match.end()
    prefix = _LEADING_WORDS.sub("", prefix[cut:])
    if len(prefix) > _MAX_PREFIX:
        prefix = prefix[_last(_BODY_END, prefix)[1] :]
    return prefix if len(prefix) <= _MAX_PREFIX else ""


def _citation(
    masked: str, start: int, end: int, title: str | None, number: str | None, own: OwnFacts | None
) -> Citation | None:
    """The citation at masked[start:end], or None where it is no citation of another
    document (the notice itself, a document it drafts, a publication)."""
    if own is not None and _is_self(title, number, own):
        return None
    if title is not None and _is_publication(title, masked, end):
        return None
    clause = _clause_before(masked, start)
    relation, relation_end = _last(_RELATION, clause)
    _, drafting_end = _last(_DRAFTING, clause)
    if title is not None and drafting_end > relation_end:
        return None  # 编制《安全生产工作指南》: a document the notice asks for, not one it cites
    after = _RELATION_AFTER.match(masked, end)
    if after and "将" in clause[relation_end:]:
        relation = after.group(1)
    attached = relation == ISSUE or (
        own is not None and title is not None and title_key(title) == own.title
    )
    issuer = _issuer(clause[relation_end:]) if title is not None else None
    return Citation(title, number, issuer, relation, attached, None, 0)


def _is_self(title: str | None, number: str | None, own: OwnFacts) -> bool:
    if number is not None and number_key(number) == own.doc_number:
        return True
    return title is not None and title_key(title) == own.notice_title


def _is_publication(title: str, masked: str, end: int) -> bool:
    """《河北安全生产》杂志, 《人民日报》: a publication, not a document."""
    return bool(_PUBLICATION_TITLE.search(title) or _PUBLICATION_AFTER.match(masked, end))


def _clause_before(masked: str, start: int) -> str:
    """The text from the start of the clause up to ``start`` (at most MAX_CLAUSE characters:
    a relation word further back is no longer this citation's)."""
    begin = max(0, start - MAX_CLAUSE)
    for match in _CLAUSE_END.finditer(masked, begin, start):
        begin = match.end()
    return masked[begin:start]


def _last(pattern: re.Pattern[str], text: str) -> tuple[str | None, int]:
    """The last match of ``pattern`` in ``text`` and where it ends (0 if none)."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 (the last one is wanted)
        pass
    return (found.group(0), found.end()) if found else (None, 0)


def _issuer(segment: str) -> str | None:
    """Who made a cited document, from the words right before its title, if they name a
    body: 国务院, 市委、市政府, 省政府 (of 省政府印发的)."""
    made = _MADE_BY.search(segment)
    if made:
        candidate = made.group(1)
    else:
        cut = _BEFORE_ISSUER.match(segment)
        candidate = segment[cut.end() :] if cut else segment
    candidate = _LEADING_WORDS.sub("", candidate)
    if _ISSUER.fullmatch(candidate) and _ORG_END.search(candidate):
        return candidate
    return None
