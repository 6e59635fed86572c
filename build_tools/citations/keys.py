"""Keys under which a cited title or document number is compared with the archive's notices.

Two spellings of one title differ in width (（试行） and (试行)), spaces left by line
wrapping, the title marks themselves (《》〈〉) and quotes; the key ignores all of these.
"""

from __future__ import annotations

import re
import unicodedata

_IGNORED = re.compile(r"[\s《》〈〉<>「」『』“”‘’\"'·•]")


def title_key(title: str) -> str:
    """``title`` compared loosely: full and half width alike, no spaces, marks or quotes."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", title)).lower()


def number_key(doc_number: str) -> str:
    """A normalised 发文字号 (国发〔2011〕40号) compared without spaces or width."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", doc_number))
