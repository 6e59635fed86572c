"""jieba's user dictionary, generated from the glossary, so search keeps terms whole.

Without it jieba cuts 两客一危 into 两 / 客 / 一 / 危 and a search for the term finds every
page with those characters. Each term and alias is one line; jieba computes a frequency
high enough to keep the word whole.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.glossary.load import Glossary
from build_tools.write import write_atomic


def user_dictionary(glossary: Glossary) -> str:
    """The dictionary text: one word per line, every term and alias, in pinyin order."""
    words = dict.fromkeys(
        form.replace(" ", "") for term in glossary.terms for form in term.forms if form.strip()
    )
    return "".join(f"{word}\n" for word in words)


def write_user_dictionary(glossary: Glossary, path: Path) -> bool:
    """Write the dictionary if it changed; say whether it did."""
    content = user_dictionary(glossary).encode("utf-8")
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomic(path, content)
    return True
