"""Compare two notices: outlines aligned part by part, changed text diffed by character.

The reader's browser runs the same algorithms (docs/javascripts/compare.js); this module is
their reference, and its tests document what a reader sees. Both use difflib's
SequenceMatcher without its junk heuristics (``autojunk=False``): in Chinese text the common
characters (安, 全, ，) are the ones autojunk would discard, and the port must be exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

from build_tools.model import Level, Notice, NumberStyle, Part

if TYPE_CHECKING:
    from build_tools.archive import Archive

Status = Literal["same", "changed", "added", "removed"]
Op = Literal["equal", "delete", "insert"]
# Below this similarity two parts are different parts (one removed, one added), not one
# part reworded. Unrelated items of one notice share much vocabulary (安全生产, 落实) and
# score up to about 0.35; an item reworded between two years usually stays above 0.5.
THRESHOLD = 0.5


@dataclass(frozen=True)
class OutlineRow:
    """One numbered part of a notice, flattened for comparison."""

    anchor: str
    number: str
    style: NumberStyle
    depth: int
    heading: str | None
    text: str

    @property
    def body(self) -> str:
        """The part's text without its leading number, so that renumbering is no change."""
        return self.text[len(self.number) :] if self.text.startswith(self.number) else self.text


@dataclass(frozen=True)
class Aligned:
    """One line of the comparison: a part on either side or both, and what happened to it.

    ``moved`` is set on a removed part whose text reappears elsewhere as an added part (and
    the other way round): the outline order changed, and it names the part on the other side.
    """

    status: Status
    left: OutlineRow | None
    right: OutlineRow | None
    similarity: float = 0.0
    moved: OutlineRow | None = None

    @property
    def renumbered(self) -> bool:
        """Whether the part is on both sides under different numbers."""
        return (
            self.left is not None
            and self.right is not None
            and (self.left.number != self.right.number)
        )


def outline_rows(notice: Notice) -> list[OutlineRow]:
    """Every numbered part of ``notice`` in document order, with its depth and own text."""
    texts = notice.part_texts()
    rows: list[OutlineRow] = []

    def visit(part: Part, depth: int) -> None:
        text = texts.get(part.anchor, part.number + (part.heading or ""))
        rows.append(OutlineRow(part.anchor, part.number, part.style, depth, part.heading, text))
        for child in part.children:
            visit(child, depth + 1)

    for part in notice.outline:
        visit(part, 0)
    return rows


def similarity_matrix(
    left: list[OutlineRow], right: list[OutlineRow], threshold: float = THRESHOLD
) -> list[list[float | None]]:
    """Similarity of every left part with every right part; None below ``threshold``.

    Parts of different numbering styles never match. The cheap upper bounds of
    SequenceMatcher only skip pairs that could not reach the threshold anyway.
    """
    scores: list[list[float | None]] = [[None] * len(right) for _ in left]
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    for j, right_row in enumerate(right):
        matcher.set_seq2(right_row.body)
        for i, left_row in enumerate(left):
            if left_row.style != right_row.style:
                continue
            matcher.set_seq1(left_row.body)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                scores[i][j] = ratio
    return scores


def align(
    left: list[OutlineRow], right: list[OutlineRow], threshold: float = THRESHOLD
) -> list[Aligned]:
    """Pair the parts of two outlines, keeping both orders; the rest are added or removed.

    A weighted longest common subsequence: the pairing with the greatest sum of
    similarities, where a pair needs the same numbering style and a similarity of at least
    ``threshold``. Ties prefer a pair, then removing the left part before adding the right.
    """
    scores = similarity_matrix(left, right, threshold)
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            value = max(best[i + 1][j], best[i][j + 1])
            score = scores[i][j]
            if score is not None:
                value = max(value, score + best[i + 1][j + 1])
            best[i][j] = value
    steps: list[tuple[Status, int, int]] = []
    i = j = 0
    while i < n or j < m:
        score = scores[i][j] if i < n and j < m else None
        if score is not None and score + best[i + 1][j + 1] == best[i][j]:
            status: Status = "same" if left[i].body == right[j].body else "changed"
            steps.append((status, i, j))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i + 1][j] == best[i][j]):
            steps.append(("removed", i, -1))
            i += 1
        else:
            steps.append(("added", -1, j))
            j += 1
    moves = _moves(steps, scores)
    result: list[Aligned] = []
    for status, i, j in steps:
        if status in ("same", "changed"):
            result.append(Aligned(status, left[i], right[j], scores[i][j] or 0.0))
        elif status == "removed":
            partner = moves.get(("removed", i))
            if partner is None:
                result.append(Aligned(status, left[i], None))
            else:
                score = scores[i][partner] or 0.0
                result.append(Aligned(status, left[i], None, score, right[partner]))
        else:
            partner = moves.get(("added", j))
            if partner is None:
                result.append(Aligned(status, None, right[j]))
            else:
                score = scores[partner][j] or 0.0
                result.append(Aligned(status, None, right[j], score, left[partner]))
    return result


def _moves(
    steps: list[tuple[Status, int, int]], scores: list[list[float | None]]
) -> dict[tuple[str, int], int]:
    """Removed and added parts that are one part moved: each removed part, in order, takes
    the most similar added part not yet taken (the first on a tie)."""
    added = [j for status, _, j in steps if status == "added"]
    taken: set[int] = set()
    moves: dict[tuple[str, int], int] = {}
    for status, i, _ in steps:
        if status != "removed":
            continue
        found, found_score = -1, -1.0
        for j in added:
            score = scores[i][j]
            if j not in taken and score is not None and score > found_score:
                found, found_score = j, score
        if found >= 0:
            taken.add(found)
            moves[("removed", i)] = found
            moves[("added", found)] = i
    return moves


def char_diff(a: str, b: str) -> list[tuple[Op, str]]:
    """How ``a`` becomes ``b``, character by character: kept, deleted and inserted runs.

    A replaced run is a deletion followed by an insertion.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    found: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.append(("equal", a[i1:i2]))
            continue
        if i2 > i1:
            found.append(("delete", a[i1:i2]))
        if j2 > j1:
            found.append(("insert", b[j1:j2]))
    return found


def _newest_key(notice: Notice) -> tuple[int, str, str]:
    meta = notice.metadata
    return (meta.year or 0, meta.date or "", notice.slug)


def _issuer_key(notice: Notice) -> tuple[str, Level | None] | None:
    """Who issued a notice as lists name it (issuer, else region), with the level."""
    name = notice.metadata.issuer or notice.metadata.region
    return (name, notice.metadata.level) if name else None


def default_pair(archive: Archive) -> tuple[str, str] | None:
    """The pair the compare page opens with: (older slug, newer slug), or None.

    The newest two consecutive years of one issuer if any issuer has them (its newest
    notice of each year); otherwise the two newest notices of the archive.
    """
    newest_first = sorted(archive.notices, key=_newest_key, reverse=True)
    by_issuer: dict[tuple[str, Level | None], dict[int, Notice]] = {}
    for notice in newest_first:
        key, year = _issuer_key(notice), notice.metadata.year
        if key is not None and year is not None:
            by_issuer.setdefault(key, {}).setdefault(year, notice)
    pairs = [
        (years[year - 1], newer)
        for years in by_issuer.values()
        for year, newer in years.items()
        if year - 1 in years
    ]
    if pairs:
        older, newer = max(pairs, key=lambda pair: _newest_key(pair[1]))
        return older.slug, newer.slug
    if len(newest_first) >= 2:
        return newest_first[1].slug, newest_first[0].slug
    return None
