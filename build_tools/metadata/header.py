"""Fields of a gov.cn-style header block (索引号, 有效性, 发布机构, …) as metadata values."""

from __future__ import annotations

from typing import Any

from build_tools.metadata.dates import ImpossibleDateError, parse_date
from build_tools.metadata.doc_number import normalise_doc_number
from build_tools.metadata.titles import notice_title


def header_fields(header: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Metadata values from header-block fields, and warnings about values that failed."""
    values: dict[str, Any] = {}
    warnings: list[str] = []
    if "索引号" in header:
        values["index_number"] = header["索引号"]
    if "有效性" in header:
        values["status"] = header["有效性"]
    if "发文机关" in header:
        values["issuer"] = header["发文机关"]
    if "发布机构" in header:
        values["publisher"] = header["发布机构"]
    for label in ("发文字号", "文件编号"):
        if label in header:
            number = normalise_doc_number(header[label])
            if number:
                values["doc_number"] = number
            else:
                warnings.append(f"header {label} '{header[label]}' is not a document number")
    if "成文日期" in header:
        try:
            date = parse_date(header["成文日期"])
        except ImpossibleDateError as exc:
            warnings.append(f"header 成文日期: {exc}")
            date = None
        if date:
            values["date"] = date.isoformat()
    if "标题" in header:
        title = notice_title(header["标题"])
        if title is None:
            values["title"] = header["标题"]
        else:
            values["notice_title"] = title.title
            if title.issuer and "issuer" not in values:
                values["issuer"] = title.issuer
    return values, warnings
