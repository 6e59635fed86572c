"""The one writer of YAML front matter for every generated page.

Titles, names and terms come from notices, sidecars and curated data: any text at all. The
block is made by ``yaml.safe_dump`` so that it always reads back as the same mapping, and
text with control, format or line-separator characters is written double-quoted, where YAML
escapes them (MkDocs' front-matter reader and Python-Markdown split lines on some of them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

# libyaml's safe dumper when installed (ten times faster), else the pure-Python one.
_BASE = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NEEDS_ESCAPES = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\ud800-\udfff]"
)


class _Dumper(_BASE):  # type: ignore[misc,valid-type]
    """Safe dumper that double-quotes text holding invisible or line-breaking characters."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if _NEEDS_ESCAPES.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def front_matter(values: Mapping[str, Any]) -> str:
    """The front-matter block (``---`` lines included) for ``values``, in their order."""
    text = yaml.dump(
        dict(values), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{text}---\n"


def front_matter_lines(values: Mapping[str, Any]) -> list[str]:
    """``front_matter`` as lines, for pages assembled line by line (no trailing empty line)."""
    return front_matter(values).splitlines()
