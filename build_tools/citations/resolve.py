"""Which notice of the archive each citation names, with the rule that matched.

A notice's mentions of one document (by number, or by the same title) become one cited
document. It resolves by its normalised 发文字号 first; else by its normalised title,
compared with each notice's printed title and plan title, with or without the issuer in
front (国务院《关于…意见》 finds 国务院关于…意见; 《国务院关于…意见》 finds 关于…意见 of
国务院). A title that several notices share is narrowed to the issuer the text names and to
notices no newer than the citing one; if more than one is left it stays unresolved. A title
that names its area relatively (《2021年全市安全生产工作要点》) names only a notice of a region
that is, or contains, the citing notice's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from build_tools.citations.find import FORWARD, IMPLEMENT, Citation
from build_tools.citations.keys import number_key, title_key
from build_tools.model import Notice

# How a citation was matched (its evidence).
BY_NUMBER = "doc_number"  # same 发文字号
BY_TITLE = "title"  # same title
BY_ISSUER_AND_TITLE = "issuer_and_title"  # the issuer named before 《》 plus the title
BY_TITLE_WITHOUT_ISSUER = "title_without_issuer"  # one side's issuer prefix left out
AMBIGUOUS = "ambiguous_title"  # unresolved: several notices have this title
MIN_TITLE_KEY = 4  # shorter titles (《条例》《纲要》) name no one document
# A title naming its area relatively (全市, 本省) names a notice of the citing notice's area.
_RELATIVE_AREA = re.compile(r"[全本我](?:省|市|州|盟|县|区|旗)")
_ABOUT = "关于"


@dataclass(frozen=True, slots=True)
class CitedDocument:
    """A document one notice cites: its mentions together, resolved where possible."""

    title: str | None
    doc_number: str | None
    issuer: str | None
    relations: tuple[str, ...]  # relation words of its mentions, in text order, once each
    attached: bool  # the notice's own attachment: resolved to nothing, cites no notice
    anchors: tuple[str | None, ...]  # parts that cite it, in text order (None: outside)
    mentions: int
    target: str | None = None  # slug of the notice it names
    rule: str | None = None  # how ``target`` was found; AMBIGUOUS when it was not

    @property
    def marks(self) -> tuple[str, ...]:
        """转发 and/or 贯彻, where the notice forwards or implements the document."""
        found = [FORWARD] if FORWARD in self.relations else []
        if any(relation.startswith(IMPLEMENT) for relation in self.relations):
            found.append(IMPLEMENT)
        return tuple(found)


@dataclass(frozen=True)
class CitationIndex:
    """What each notice cites and, the other way round, which notices cite it."""

    cites: Mapping[str, tuple[CitedDocument, ...]]  # citing slug → documents, text order
    cited_by: Mapping[str, tuple[tuple[str, CitedDocument], ...]]  # slug → (citing, doc)

    def resolved_count(self) -> int:
        """How many cited documents (attachments aside) name a notice of the archive."""
        return sum(1 for docs in self.cites.values() for doc in docs if doc.target)


def group_mentions(citations: Iterable[Citation]) -> list[CitedDocument]:
    """A notice's mentions as documents: one number, or one title, is one document."""
    groups: list[list[Citation]] = []
    by_number: dict[str, list[Citation]] = {}
    by_title: dict[str, list[Citation]] = {}
    for citation in citations:
        number = number_key(citation.doc_number) if citation.doc_number else None
        title = title_key(citation.title) if citation.title else None
        group = by_number.get(number) if number else None
        if group is None and title:
            group = by_title.get(title)
            if group is not None and _differs(group, citation):
                group = None  # one title, two numbers or two issuers: two documents
        if group is None:
            group = []
            groups.append(group)
        group.append(citation)
        if number:
            by_number.setdefault(number, group)
        if title:
            by_title.setdefault(title, group)
    return [_document(group) for group in groups]


def _differs(group: Sequence[Citation], citation: Citation) -> bool:
    """Whether ``citation`` names another number or issuer than the mentions of ``group``."""
    for field in ("doc_number", "issuer"):
        mine = getattr(citation, field)
        known = next((getattr(c, field) for c in group if getattr(c, field)), None)
        if mine and known and (mine != known):
            return True
    return False


def _document(mentions: Sequence[Citation]) -> CitedDocument:
    return CitedDocument(
        title=next((c.title for c in mentions if c.title), None),
        doc_number=next((c.doc_number for c in mentions if c.doc_number), None),
        issuer=next((c.issuer for c in mentions if c.issuer), None),
        relations=tuple(dict.fromkeys(c.relation for c in mentions if c.relation)),
        attached=any(c.attached for c in mentions),
        anchors=tuple(dict.fromkeys(c.anchor for c in mentions)),
        mentions=len(mentions),
    )


class _Lookup:
    """The archive's notices by number and by title keys (see the module's docstring)."""

    def __init__(self, notices: Sequence[Notice]) -> None:
        self.notices = {notice.slug: notice for notice in notices}
        self.numbers: dict[str, list[str]] = {}
        self.titles: dict[str, dict[str, str]] = {}  # key → slug → rule
        for notice in notices:
            meta = notice.metadata
            if meta.doc_number:
                self.numbers.setdefault(number_key(meta.doc_number), []).append(notice.slug)
            issuers = [title_key(name) for name in (*meta.issuers, meta.issuer or "") if name]
            for printed in dict.fromkeys((meta.notice_title, meta.title)):
                if printed:
                    self._add_title(title_key(printed), issuers, notice.slug)

    def _add_title(self, key: str, issuers: list[str], slug: str) -> None:
        self.titles.setdefault(key, {})[slug] = BY_TITLE
        shorter = [key[len(name) :] for name in issuers if key.startswith(name)]
        if key.find(_ABOUT) > 0:
            shorter.append(key[key.find(_ABOUT) :])
        for short in shorter:
            if len(short) >= MIN_TITLE_KEY:
                self.titles.setdefault(short, {}).setdefault(slug, BY_TITLE_WITHOUT_ISSUER)

    def resolve(self, document: CitedDocument, citing: Notice) -> CitedDocument:
        """``document`` with the notice it names and the rule, where one is found."""
        if document.attached:
            return document
        if document.doc_number:
            found = [
                s for s in self.numbers.get(number_key(document.doc_number), ()) if s != citing.slug
            ]
            if found:
                return _with(document, found[0], BY_NUMBER)
        if not document.title:
            return document
        for key, rule in _title_keys(document):
            found_rules = {s: r for s, r in self.titles.get(key, {}).items() if s != citing.slug}
            if _RELATIVE_AREA.search(key):  # 《2021年全市…要点》: the citing notice's city's
                found_rules = {
                    s: r for s, r in found_rules.items() if _governs(self.notices[s], citing)
                }
            if not found_rules:
                continue
            slugs, by_issuer = self._narrowed(list(found_rules), document, citing)
            if len(slugs) != 1:
                return _with(document, None, AMBIGUOUS)
            slug = slugs[0]
            if BY_TITLE_WITHOUT_ISSUER in (rule, found_rules[slug]):
                rule = BY_TITLE_WITHOUT_ISSUER
            elif by_issuer:
                rule = BY_ISSUER_AND_TITLE
            return _with(document, slug, rule)
        return document

    def _narrowed(
        self, slugs: list[str], document: CitedDocument, citing: Notice
    ) -> tuple[list[str], bool]:
        """Of several notices with the cited title: those of the issuer the text names, and
        those no newer than the citing notice, where that leaves any; and whether the
        issuer told them apart."""
        by_issuer = False
        if len(slugs) > 1 and document.issuer:
            named = [s for s in slugs if _issued_by(self.notices[s], document.issuer)]
            by_issuer = bool(named) and len(named) < len(slugs)
            slugs = named or slugs
        year = _year(citing)
        if len(slugs) > 1 and year:
            older = [s for s in slugs if (_year(self.notices[s]) or 0) <= year]
            slugs = older or slugs
        return slugs, by_issuer


def _title_keys(document: CitedDocument) -> list[tuple[str, str]]:
    """Keys to look the cited title up under, most exact first, with their rule."""
    assert document.title is not None
    key = title_key(document.title)
    keys = [(key, BY_TITLE)]
    if document.issuer:
        keys.append((title_key(document.issuer) + key, BY_ISSUER_AND_TITLE))
    if key.find(_ABOUT) > 0:
        keys.append((key[key.find(_ABOUT) :], BY_TITLE_WITHOUT_ISSUER))
    return [(k, rule) for k, rule in keys if len(k) >= MIN_TITLE_KEY]


def _governs(cited: Notice, citing: Notice) -> bool:
    """Whether the cited notice's region is the citing notice's or contains it (by division
    code where both have one, else by name); unknown regions tell nothing, so no."""
    mine, theirs = citing.metadata, cited.metadata
    if mine.region_code and theirs.region_code:
        return mine.region_code.startswith(_code_prefix(theirs.region_code))
    return bool(mine.region and theirs.region and theirs.region in mine.region)


def _code_prefix(code: str) -> str:
    """The digits a division code shares with those of the divisions inside it: 370000 → 37
    (a province), 370100 → 3701 (a prefecture), 370112 → 370112."""
    if code.endswith("0000"):
        return code[:2]
    return code[:4] if code.endswith("00") else code


def _issued_by(notice: Notice, issuer: str) -> bool:
    meta = notice.metadata
    names = [*meta.issuers, meta.issuer or "", meta.notice_title or ""]
    return any(issuer in name or (name and name in issuer) for name in names)


def _year(notice: Notice) -> int | None:
    meta = notice.metadata
    return int(meta.date[:4]) if meta.date else meta.year


def _with(document: CitedDocument, target: str | None, rule: str) -> CitedDocument:
    return CitedDocument(
        document.title, document.doc_number, document.issuer, document.relations,
        document.attached, document.anchors, document.mentions, target, rule,
    )  # fmt: skip


def _merged(documents: list[CitedDocument]) -> list[CitedDocument]:
    """Documents of one notice that name the same notice, as one (first mention first)."""
    merged: list[CitedDocument] = []
    by_target: dict[str, int] = {}
    for document in documents:
        index = by_target.get(document.target) if document.target else None
        if index is None:
            if document.target:
                by_target[document.target] = len(merged)
            merged.append(document)
            continue
        first = merged[index]
        merged[index] = CitedDocument(
            first.title or document.title,
            first.doc_number or document.doc_number,
            first.issuer or document.issuer,
            tuple(dict.fromkeys((*first.relations, *document.relations))),
            first.attached,
            tuple(dict.fromkeys((*first.anchors, *document.anchors))),
            first.mentions + document.mentions,
            first.target,
            first.rule,
        )
    return merged


def resolve_citations(
    notices: Sequence[Notice], citations: Mapping[str, tuple[Citation, ...]]
) -> CitationIndex:
    """Every notice's cited documents, resolved against ``notices``, and who cites whom."""
    lookup = _Lookup(notices)
    cites: dict[str, tuple[CitedDocument, ...]] = {}
    cited_by: dict[str, list[tuple[str, CitedDocument]]] = {}
    for notice in notices:
        documents = group_mentions(citations.get(notice.slug, ()))
        resolved = _merged([lookup.resolve(document, notice) for document in documents])
        if resolved:
            cites[notice.slug] = tuple(resolved)
        for document in resolved:
            if document.target:
                cited_by.setdefault(document.target, []).append((notice.slug, document))
    return CitationIndex(cites, {slug: tuple(found) for slug, found in cited_by.items()})
