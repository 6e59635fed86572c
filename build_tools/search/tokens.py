"""Index tokens of Chinese and Latin text; the search worker applies the same rules to queries.

Text is NFKC-normalised and lower-cased. A run of CJK characters gives its overlapping
character bigrams plus its last character alone, so that every character starts some token
(a one-character query reads every token starting with it). A run of ASCII letters and
digits is one token (``2012``, ``gb``). Everything else separates runs. Characters outside
the Basic Multilingual Plane are separators, because JavaScript indexes strings by UTF-16
unit and both sides must cut text identically.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{CJK}]+|[a-z0-9]+")
_KEY_CHAR = re.compile(f"[{CJK}a-z0-9]")


# What NFKC does to full-width ASCII and the ideographic space, as a quick first step:
# afterwards most Chinese text is already normalised, which is cheap to check.
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise(text: str) -> str:
    """NFKC and lower case: full-width digits and letters become ASCII."""
    text = text.translate(_WIDE)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def runs(text: str) -> list[str]:
    """The CJK and ASCII runs of already normalised text, in order."""
    return _RUN.findall(text)


def run_tokens(run: str) -> list[str]:
    """The tokens of one run: bigrams and the last character, or the whole ASCII run."""
    if run[0].isascii():
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


_BIGRAM = re.compile(f"(?=([{CJK}]{{2}}))")
_LAST = re.compile(f"[{CJK}](?![{CJK}])")
_ASCII_RUN = re.compile("[a-z0-9]+")


def token_counts(text: str) -> Counter[str]:
    """How often each token occurs in ``text`` (the tokens of ``run_tokens``, found by regex)."""
    text = normalise(text)
    counts = Counter(_BIGRAM.findall(text))
    counts.update(_LAST.findall(text))
    counts.update(_ASCII_RUN.findall(text))
    return counts


def key_text(text: str) -> str:
    """Only the characters that matter for matching: 国办发〔2012〕14号 → 国办发201214号."""
    return "".join(_KEY_CHAR.findall(normalise(text)))
