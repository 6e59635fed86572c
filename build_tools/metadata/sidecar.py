"""Sidecar YAML: curated metadata beside a notice, validated key by key.

Every error names the file, the line and the key. YAML is loaded with the safe loader only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from build_tools.errors import SidecarError
from build_tools.metadata.doc_number import normalise_doc_number
from build_tools.model import Level
from build_tools.permalinks import slug_problem
from build_tools.yamlvalues import as_written, forbidden_character


@dataclass(frozen=True)
class Sidecar:
    """Validated sidecar values; ``values`` holds metadata keys that were set (even to null)."""

    values: dict[str, Any] = field(default_factory=dict)
    url: str | None = None
    encoding: str | None = None
    slug: str | None = None  # the last part of the page's address (build_tools.permalinks)


class _Invalid(ValueError):
    """A value of the wrong type or form; the message says what is expected."""


# A title, an issuer or a region is one line: a page lists it in every list it appears in.
MAX_TEXT = 200
FIRST_YEAR = 1949  # the archive holds notices of the People's Republic


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def run(value: Any) -> Any:
        return None if value is None else check(value)

    return run


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("expected non-empty text")
    return value.strip()


def _line(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_TEXT:
        raise _Invalid(f"expected at most {MAX_TEXT} characters, not {len(text)}")
    return text


def _level(value: Any) -> Level:
    try:
        return Level(value)
    except ValueError as exc:
        choices = "/".join(level.value for level in Level)
        raise _Invalid(f"expected one of {choices}/null") from exc


def _last_date() -> dt.date:
    """The latest credible date: a year from today (plans are issued ahead of their year)."""
    today = dt.date.today()
    return today.replace(year=today.year + 1, day=min(today.day, 28))


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise _Invalid("expected a real date as YYYY-MM-DD") from exc
    if not isinstance(value, dt.date):
        raise _Invalid("expected a date as YYYY-MM-DD")
    first, last = dt.date(FIRST_YEAR, 1, 1), _last_date()
    if not first <= value <= last:
        raise _Invalid(f"expected a date from {first} to {last} (a year from today)")
    return value.isoformat()


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not FIRST_YEAR <= value <= 2100:
        raise _Invalid("expected a year such as 2022")
    return value


def _recipients(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Invalid("expected a list of text")
    return tuple(_line(item) for item in value if item.strip())


def _doc_number(value: Any) -> str:
    normalised = normalise_doc_number(_line(value))
    if normalised is None:
        raise _Invalid("expected a document number such as 国办发〔2012〕14号")
    return normalised


def _url(value: Any) -> str:
    text = _text(value)
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise _Invalid("expected an http(s) URL")
    return text


def _slug(value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid("expected text such as guobanfa-2012-14")
    problem = slug_problem(value)
    if problem:
        raise _Invalid(problem)
    return value


def _encoding(value: Any) -> str:
    text = _text(value)
    try:
        b"a".decode(text)  # LookupError also for codecs that do not make text (rot13, base64)
    except LookupError as exc:
        raise _Invalid("expected a text encoding such as gb18030, big5 or utf-16") from exc
    except ValueError:
        pass  # a text encoding that cannot decode "a": decoding the notice will say so
    return text


METADATA_KEYS: dict[str, Callable[[Any], Any]] = {
    "title": _line,
    "notice_title": _optional(_line),
    "doc_number": _optional(_doc_number),
    "issuer": _optional(_line),
    "level": _optional(_level),
    "region": _optional(_line),
    "date": _optional(_date),
    "year": _optional(_year),
    "recipients": _recipients,
    "status": _optional(_line),
    "index_number": _optional(_line),
    "publisher": _optional(_line),
}
OTHER_KEYS: dict[str, Callable[[Any], Any]] = {
    "url": _optional(_url),
    "encoding": _encoding,
    "notes": _optional(_text),
    "slug": _slug,
}


def load_sidecar(path: Path) -> Sidecar:
    """Read and validate a sidecar file."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SidecarError(path, "is not UTF-8 text", hint="save the sidecar as UTF-8") from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Sidecar()
        if not isinstance(node, yaml.MappingNode):
            raise SidecarError(path, "must be a mapping of keys to values", line=1)
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str) or key not in METADATA_KEYS | OTHER_KEYS:
                known = ", ".join(sorted(METADATA_KEYS | OTHER_KEYS))
                raise SidecarError(
                    path, f"unknown key (known keys: {known})", line=line, key=str(key)
                )
            if key in values:
                raise SidecarError(path, "is given twice", line=line, key=key)
            try:
                raw = loader.construct_object(value_node, deep=True)
            except ValueError as exc:
                raise SidecarError(path, f"invalid value: {exc}", line=line, key=key) from exc
            odd = forbidden_character(raw)
            if odd:
                raise SidecarError(path, odd, line=line, key=key)
            try:
                values[key] = (METADATA_KEYS | OTHER_KEYS)[key](raw)
            except _Invalid as exc:
                got = as_written(value_node, raw)
                raise SidecarError(path, f"got {got}; {exc}", line=line, key=key) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise SidecarError(path, f"is not valid YAML: {problem}", line=line) from exc
    finally:
        loader.dispose()
    return Sidecar(
        values={key: value for key, value in values.items() if key in METADATA_KEYS},
        url=values.get("url"),
        encoding=values.get("encoding"),
        slug=values.get("slug"),
    )
