"""发文字号: normalise any bracket variant to 〔〕 (国办发[2012]14号 → 国办发〔2012〕14号)."""

from __future__ import annotations

import re

from build_tools.textutil import HAN_CLASS, to_halfwidth

_OPEN = "\\[［〔(（【〖﹝〘"
_CLOSE = "\\]］〕)）】〗﹞〙"
DOC_NUMBER = re.compile(
    rf"(?P<prefix>[{HAN_CLASS}]{{1,20}}?)\s*[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}]"
    r"\s*第?\s*(?P<serial>\d{1,5})\s*号"
)


def normalise_doc_number(text: str) -> str | None:
    """The normalised document number if ``text`` is one and nothing else, else None."""
    match = DOC_NUMBER.fullmatch(to_halfwidth(text).strip())
    if match is None:
        return None
    return f"{match.group('prefix')}〔{match.group('year')}〕{match.group('serial')}号"


def doc_number_year(doc_number: str) -> int | None:
    """The year inside a normalised document number."""
    match = re.search(r"〔(\d{4})〕", doc_number)
    return int(match.group(1)) if match else None


# Labels a page prints before a document number (发布文号皖安〔2024〕1号, 【发文号】…).
_LABEL = re.compile(r"^(?:发布文号|发文字号|发文号|文件编号|文件字号|文号|字号|编号)")
_NOT_PREFIX = re.compile(r"[的《》“”：:，,。]|关于")


def find_doc_number(text: str) -> tuple[str, int, int] | None:
    """The first document number written in ``text``, normalised, with its span.

    A label glued to it (发文字号, 文号) is not part of it. The span is in ``text`` as given
    (full-width digits and brackets count one character each, as after ``to_halfwidth``).
    """
    half = to_halfwidth(text)
    for match in DOC_NUMBER.finditer(half):
        prefix = match.group("prefix")
        start = match.start("prefix")
        if "文件" in prefix:  # 发文机关标志 run into the number (XX人民政府办公厅文件渝办发…)
            cut = prefix.rindex("文件") + 2
            prefix, start = prefix[cut:], start + cut
        label = _LABEL.match(prefix)
        if label:
            prefix = prefix[label.end() :]
            start += label.end()
        if not prefix or _NOT_PREFIX.search(prefix):
            continue
        return f"{prefix}〔{match.group('year')}〕{match.group('serial')}号", start, match.end()
    return None
