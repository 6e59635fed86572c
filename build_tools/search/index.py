"""Build the sharded index: postings by token, one shard per group of first characters.

Files, relative to the site root (``search-data/``):

- ``meta.json``: format version, number of shards and of documents;
- ``s/<k>.json``: ``{token: postings}`` for every token whose first character's code point
  is ``k`` modulo the number of shards; postings are sorted document ids, delta-coded and
  packed with a weight as ``delta * 4 + weight`` (3: in the title or metadata line,
  2: four or more times, 1: twice or three times, 0: once);
- ``d/<id>.json``: the document itself, for checking a whole phrase and showing a snippet.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from build_tools.search.documents import SearchDoc
from build_tools.search.tokens import token_counts

FOLDER = "search-data"
FORMAT = 1
POSTINGS_PER_SHARD = 8000
MIN_SHARDS = 16
MAX_SHARDS = 4096
TITLE = 3


def weight(count: int) -> int:
    """The weight of a token seen ``count`` times in a document's body."""
    return 2 if count >= 4 else 1 if count >= 2 else 0


def doc_weights(doc: SearchDoc) -> dict[str, int]:
    """The weight of each token of one document (see the module's docstring)."""
    body = token_counts("\n".join(s.text for s in doc.sections))
    head = token_counts(f"{doc.title}\n{doc.meta}")
    weights = {token: weight(count) for token, count in body.items()}
    weights.update(dict.fromkeys(head, TITLE))
    return weights


Postings = dict[str, "array[int]"]


def add_postings(found: Postings, doc_id: int, weights: Mapping[str, int]) -> None:
    """Record one document's token weights in ``found``; ids must come in rising order."""
    base = doc_id * 4
    for token, w in weights.items():
        packed = found.get(token)
        if packed is None:
            packed = found[token] = array("i")
        packed.append(base + w)


def postings(docs: Iterable[SearchDoc]) -> Postings:
    """For every token, the packed ``id * 4 + weight`` of the documents containing it."""
    found: Postings = {}
    for doc_id, doc in enumerate(docs):
        add_postings(found, doc_id, doc_weights(doc))
    return found


def shard_count(total: int) -> int:
    """A power of two that keeps shards near ``POSTINGS_PER_SHARD`` postings."""
    count = MIN_SHARDS
    while count < MAX_SHARDS and count * POSTINGS_PER_SHARD < total:
        count *= 2
    return count


def _delta(packed: array[int]) -> list[int]:
    coded, previous = [], 0
    for value in packed:
        doc_id = value >> 2
        coded.append((doc_id - previous) * 4 + (value & 3))
        previous = doc_id
    return coded


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def doc_record(doc: SearchDoc) -> dict[str, Any]:
    """The stored form of a document (short keys: this is fetched per result)."""
    record: dict[str, Any] = {"u": doc.url, "t": doc.title, "m": doc.meta, "k": doc.kind}
    if doc.year:
        record["y"] = doc.year
    if doc.forms:
        record["f"] = list(doc.forms)
    record["s"] = [[s.anchor, s.heading, s.text] for s in doc.sections]
    return record


def doc_json(doc: SearchDoc) -> str:
    """The file ``d/<id>.json`` of a document."""
    return _json(doc_record(doc))


def index_files(
    docs: Iterable[SearchDoc], found: Postings | None = None
) -> Iterator[tuple[str, str]]:
    """Every file of the index as (path under ``search-data/``, content), one at a time.

    ``found`` holds postings gathered while the notices were read (see
    ``build_tools.convert``); without it they are made from ``docs``.
    """
    if found is None:
        docs = list(docs)
        found = postings(docs)
    total = 0
    for doc_id, doc in enumerate(docs):
        total += 1
        yield f"d/{doc_id}.json", doc_json(doc)
    yield from shard_files(found, total)


def shard_files(found: Postings, total: int) -> Iterator[tuple[str, str]]:
    """``meta.json`` and every shard, for ``total`` documents with postings ``found``."""
    count = shard_count(sum(len(p) for p in found.values()))
    by_shard: list[list[str]] = [[] for _ in range(count)]
    for token in found:
        by_shard[ord(token[0]) % count].append(token)
    yield "meta.json", _json({"format": FORMAT, "shards": count, "docs": total})
    for number, tokens in enumerate(by_shard):  # one shard in memory at a time
        yield f"s/{number}.json", _json({token: _delta(found[token]) for token in sorted(tokens)})
