"""Work around Material's client-side Chinese query segmentation (search worker).

Material segments a Chinese query greedily against the tokens of the index, but its loop
``for (j = i + 1; j < query.length; j++)`` never tries the whole query, so 两客一危 — one
token in our index, thanks to jieba's user dictionary — is searched as 两 / 客 / 一 / 危 and
matches every page with 一. After each build the minified worker in the site gets ``<=``.
The browser tests search for 两客一危 and fail if this patch stops working.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.write import write_atomic

WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
_FIXED = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")


def patch_search_worker(site_dir: Path) -> str:
    """Patch the worker(s) under ``site_dir``; say what happened: patched, fixed or missing."""
    outcome = "missing"
    for worker in sorted(site_dir.glob(WORKER_GLOB)):
        code = worker.read_text(encoding="utf-8")
        patched, count = _LOOP.subn(lambda m: m.group(0).replace("<", "<=", 1), code)
        if count == 1:
            write_atomic(worker, patched.encode("utf-8"))
            outcome = "patched"
        elif _FIXED.search(code):
            outcome = "fixed"
    return outcome
