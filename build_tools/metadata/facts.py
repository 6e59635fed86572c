"""Each fact of a notice read from its own zone, from scored candidates, with the evidence.

Candidates come from the zones (build_tools.zones), the page's metadata table and, for a
saved web page, its meta tags. The printed text wins over a table, a table over page
evidence; a fact nobody establishes stays None (merge warns about it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from build_tools.metadata.doc_number import find_doc_number
from build_tools.metadata.levels import (
    BELOW_COUNTY,
    complete_bare,
    level_from_own_region,
    level_from_title,
    level_hint,
)
from build_tools.metadata.orgs import expanded, is_bare, issuer_prefix, split_issuers
from build_tools.metadata.recipients import split_recipients
from build_tools.metadata.table import TableValue, header_values, read_table
from build_tools.metadata.titles import workplan_title
from build_tools.model import FactEvidence, Line, Role
from build_tools.zones import (
    FRONT,
    MARK,
    TRAILING_NUMBER,
    Zone,
    ZonedLine,
    closing_date,
    title_core,
    title_score,
)


@dataclass(frozen=True)
class Candidate:
    """A value for a fact, how strongly its zone supports it, and where it was read."""

    fact: str
    value: Any
    score: int
    evidence: str


@dataclass
class Facts:
    """The chosen values, the role of each line that held one, candidates and warnings."""

    values: dict[str, Any] = field(default_factory=dict)
    roles: dict[int, Role] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def offer(self, fact: str, value: Any, score: int, evidence: str) -> None:
        if value not in (None, "", (), []):
            self.candidates.append(Candidate(fact, value, score, evidence))

    def evidence(self) -> tuple[FactEvidence, ...]:
        """Every candidate as plain data, marking the ones whose value was chosen."""
        chosen = {**self.values, "issuers": tuple(self.values.get("issuers", ()))}
        return tuple(
            FactEvidence(
                c.fact,
                " ".join(c.value) if isinstance(c.value, (list, tuple)) else str(c.value),
                c.score,
                c.evidence,
                chosen.get(c.fact) == (tuple(c.value) if isinstance(c.value, list) else c.value),
            )
            for c in self.candidates
        )


def read_facts(
    zoned: Sequence[ZonedLine],
    lines: Sequence[Line],
    evidence: Mapping[str, str] | None = None,
    header: Mapping[str, str] | None = None,
    table: Sequence[TableValue] | None = None,
) -> Facts:
    """Facts of a notice from its zones, its metadata table and its page evidence.

    ``header`` is the block of 'label: value' rows cleaning took off the top of the text.
    """
    facts = Facts()
    if table is None:
        table, _ = read_table(lines[:FRONT])
    _from_table([*header_values(header or {}), *table], facts)
    _from_zones(zoned, facts)
    _from_page(evidence or {}, facts)
    _choose(facts, "\n".join(line.text for line in lines))
    _level_hints(zoned, facts)
    return facts


def _from_table(table: Sequence[TableValue], facts: Facts) -> None:
    for value in table:
        if value.fact == "title":
            shaped = title_score(value.value)
            facts.offer("notice_title", value.value, 4 if shaped else 0, "table")
            prefix = issuer_prefix(title_core(value.value)) if shaped else None
            if prefix and prefix[1]:
                facts.offer("issuers", prefix[0], 5, f"table title, line {value.line}")
        elif value.fact == "issuer":
            if _names_a_body(value.value):
                facts.offer("issuer", value.value, 3, f"table 发文机关, line {value.line}")
        elif value.fact == "publisher":
            facts.offer("publisher", value.value, 5, f"table, line {value.line}")
            if _names_a_body(value.value):
                facts.offer("issuer", value.value, 1, f"table 发布机构, line {value.line}")
        else:
            facts.offer(value.fact, value.value, 6, f"table, line {value.line}")


def _names_a_body(name: str) -> bool:
    """A table value names a particular body: one whose level the name settles (not 安监局,
    not 管理员)."""
    names = split_issuers(name)
    return names is not None and level_hint(names[0], None, ()) is not None


def _from_zones(zoned: Sequence[ZonedLine], facts: Facts) -> None:
    signers: list[str] = []  # joint issuers sign on one line or on lines of their own
    title_lines = [z for z in zoned if z.zone is Zone.TITLE]
    if title_lines:
        _title(title_lines, facts)
    _numbers_after_titles(zoned, facts)
    for line in zoned:
        where = f"line {line.number} ({line.zone.value}: {line.evidence})"
        if line.zone is Zone.HEAD and line.element == "mark":
            mark = MARK.match(line.text)
            assert mark is not None
            facts.offer("issuers", split_issuers(mark.group(1)), 9, where)
            facts.roles[line.number] = Role.ISSUER
        elif line.zone is Zone.HEAD and line.element == "issuer":
            facts.offer("issuers", split_issuers(line.text), 7, where)
            facts.roles[line.number] = Role.ISSUER
        elif line.zone is Zone.HEAD and line.element == "doc_number":
            number = find_doc_number(line.text[:60])
            if number:
                facts.offer("doc_number", number[0], 9, where)
                facts.roles[line.number] = Role.DOC_NUMBER
        elif line.zone is Zone.RECIPIENTS:
            facts.offer("recipients", split_recipients(line.text), 9, where)
            facts.roles[line.number] = Role.RECIPIENTS
        elif line.zone is Zone.SIGNATURE:
            signers.extend(split_issuers(line.text) or [])
            facts.roles[line.number] = Role.ISSUER
        elif line.zone is Zone.DATE:
            closing = closing_date(line.text)
            assert closing is not None
            signature, date = closing
            facts.offer("date", date, 9, where)
            signers.extend(split_issuers(signature) or [] if signature else [])
            facts.roles[line.number] = Role.DATE
            if signers:
                facts.offer("issuers", list(signers), 8, f"{where}: the signature above it")
                signers.clear()
        elif line.zone in (Zone.BODY, Zone.ATTACHMENT) and "title" not in facts.values:
            plan = workplan_title(line.text)
            if plan:
                facts.values["title"] = plan
                facts.roles[line.number] = Role.TITLE
    if signers:  # a signature closing the text without a date
        facts.offer("issuers", signers, 8, "the signature closing the text")


def _title(title_lines: Sequence[ZonedLine], facts: Facts) -> None:
    text = title_core("".join(line.text for line in title_lines))
    where = f"line {title_lines[0].number} (title)"
    facts.offer("notice_title", text, 10, where)
    prefix = issuer_prefix(text)
    if prefix:
        names, whole = prefix
        if whole:
            facts.offer("issuers", names, 9, f"{where}: issuer before 关于/转发/印发")
        else:
            facts.offer("level_source", names[0], 5, f"{where}: first of several issuers")
    for line in title_lines:
        facts.roles[line.number] = Role.NOTICE_TITLE


def _numbers_after_titles(zoned: Sequence[ZonedLine], facts: Facts) -> None:
    """A number printed after a title-shaped line before the text (…的通知(皖安〔2024〕1号))."""
    for line in zoned:
        if line.zone not in (Zone.TITLE, Zone.CHROME, Zone.HEAD):
            continue
        number = TRAILING_NUMBER.search(line.text)
        leading = find_doc_number(line.text[:40])
        if number and title_score(line.text):
            found = find_doc_number(number.group(1) or number.group(2))
        elif leading and leading[1] <= 2 and title_score(line.text[leading[2] :]):
            found = leading  # 普府办发〔2022〕44号 普定县人民政府办公室关于…
        else:
            continue
        if found:
            score = 8 if line.zone is Zone.TITLE else 7
            facts.offer("doc_number", found[0], score, f"line {line.number}: after a title")


def _from_page(evidence: Mapping[str, str], facts: Facts) -> None:
    """A saved page's meta tags: evidence below anything printed."""
    title = evidence.get("ArticleTitle") or evidence.get("h1") or evidence.get("title") or ""
    if title and title_score(title):
        facts.offer("notice_title", title, 2, "page meta ArticleTitle/h1/title")
    if evidence.get("PubDate"):
        from build_tools.metadata.dates import find_date

        found = find_date(evidence["PubDate"])
        if found:
            facts.offer("published", found[0].isoformat(), 3, "page meta PubDate")
    if evidence.get("url"):
        facts.offer("url", evidence["url"], 3, "page url")


def _choose(facts: Facts, text: str) -> None:
    best: dict[str, Candidate] = {}
    for candidate in facts.candidates:
        if candidate.fact in ("issuers", "issuer"):
            continue
        current = best.get(candidate.fact)
        if current is None or candidate.score > current.score:
            best[candidate.fact] = candidate
    for fact, candidate in best.items():
        if candidate.score > 0 and fact not in ("level_source",):
            facts.values[fact] = candidate.value
    issuers = _issuers(facts, text)
    if issuers:
        facts.values["issuers"] = tuple(issuers)
        facts.values["issuer"] = " ".join(issuers)
    elif "level_source" in best:
        facts.values["level_source"] = best["level_source"].value


def _issuers(facts: Facts, text: str) -> list[str] | None:
    """The issuers: printed candidates agree on a body; the fullest spelling wins.

    A table's 发文机关 counts only when nothing printed names the issuer (a policy library
    may name a department that is not the signatory), but may spell a printed one in full.
    A bare name (自治区人民政府办公厅) is completed only where the text names exactly one
    province-level region.
    """
    printed = [c for c in facts.candidates if c.fact == "issuers" and c.value]
    table = [c for c in facts.candidates if c.fact == "issuer"]
    usable = [c for c in printed if not any(is_bare(name) for name in c.value)]
    if not usable:
        named = [c for c in table if not is_bare(c.value)]
        if named:
            best = max(named, key=lambda c: c.score)
            return split_issuers(best.value) or [best.value]
        bare = [c for c in printed if len(c.value) == 1] + [
            Candidate(c.fact, [c.value], c.score, c.evidence) for c in table
        ]
        for candidate in sorted(bare, key=lambda c: -c.score):
            completed = complete_bare(candidate.value[0], text, facts.values.get("notice_title"))
            if completed:
                return [completed]
        return None
    best = max(usable, key=lambda c: c.score)
    names = list(best.value)
    spellings = [c.value for c in usable] + [split_issuers(c.value) or [c.value] for c in table]
    for other in spellings:
        if len(other) == len(names) and all(
            expanded(a) == expanded(b) for a, b in zip(other, names, strict=True)
        ):
            names = [
                max((a, b), key=lambda n: (len(expanded(n)) == len(n), len(n)))
                for a, b in zip(other, names, strict=True)
            ]
    return names


def _level_hints(zoned: Sequence[ZonedLine], facts: Facts) -> None:
    """Where no issuer is named, its level may still follow from the text."""
    if facts.values.get("issuer"):
        return
    if any(
        BELOW_COUNTY.search(name)
        for c in facts.candidates
        if c.fact == "issuers"
        for name in c.value
    ):
        return  # a township or a development zone wrote it
    source = facts.values.pop("level_source", None)
    if source is None:  # a bare name (自治区安全生产委员会) still says its level
        bare = [c for c in facts.candidates if c.fact == "issuers" and len(c.value) == 1]
        source = max(bare, key=lambda c: c.score).value[0] if bare else None
    hint = level_hint(
        source,
        facts.values.get("doc_number"),
        [z.text for z in zoned if z.zone is Zone.RECIPIENTS],
    ) or level_from_title(facts.values.get("notice_title"))
    if hint is None:
        hint = level_from_own_region("".join(z.text for z in zoned if z.zone is not Zone.CHROME))
    if hint:
        facts.values["level"] = hint
