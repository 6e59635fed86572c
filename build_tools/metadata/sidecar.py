"""Sidecar YAML: curated metadata beside a notice, validated key by key.

Every error names the file, the line and the key. YAML is loaded with the safe loader only.
"""

from __future__ import annotations

import codecs
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


@dataclass(frozen=True)
class Sidecar:
    """Validated sidecar values; ``values`` holds metadata keys that were set (even to null)."""

    values: dict[str, Any] = field(default_factory=dict)
    url: str | None = None
    encoding: str | None = None


class _Invalid(ValueError):
    """A value of the wrong type or form; the message says what is expected."""


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def run(value: Any) -> Any:
        return None if value is None else check(value)

    return run


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("expected non-empty text")
    return value.strip()


def _level(value: Any) -> Level:
    try:
        return Level(value)
    except ValueError as exc:
        choices = ", ".join(level.value for level in Level)
        raise _Invalid(f"expected one of {choices} or null, got {value!r}") from exc


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError as exc:
            raise _Invalid(f"expected a real date as YYYY-MM-DD, got {value!r}") from exc
    raise _Invalid(f"expected a date as YYYY-MM-DD, got {value!r}")


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1949 <= value <= 2100:
        raise _Invalid(f"expected a year such as 2022, got {value!r}")
    return value


def _recipients(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Invalid("expected a list of text")
    return tuple(item.strip() for item in value if item.strip())


def _doc_number(value: Any) -> str:
    normalised = normalise_doc_number(_text(value))
    if normalised is None:
        raise _Invalid(f"expected a document number such as 国办发〔2012〕14号, got {value!r}")
    return normalised


def _url(value: Any) -> str:
    text = _text(value)
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise _Invalid(f"expected an http(s) URL, got {value!r}")
    return text


def _encoding(value: Any) -> str:
    text = _text(value)
    try:
        codecs.lookup(text)
    except LookupError as exc:
        raise _Invalid(f"unknown encoding {value!r}") from exc
    return text


METADATA_KEYS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "notice_title": _optional(_text),
    "doc_number": _optional(_doc_number),
    "issuer": _optional(_text),
    "level": _optional(_level),
    "region": _optional(_text),
    "date": _optional(_date),
    "year": _optional(_year),
    "recipients": _recipients,
    "status": _optional(_text),
    "index_number": _optional(_text),
    "publisher": _optional(_text),
}
OTHER_KEYS: dict[str, Callable[[Any], Any]] = {
    "url": _optional(_url),
    "encoding": _encoding,
    "notes": _optional(_text),
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
            try:
                values[key] = (METADATA_KEYS | OTHER_KEYS)[key](raw)
            except _Invalid as exc:
                raise SidecarError(path, str(exc), line=line, key=key) from exc
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
    )
