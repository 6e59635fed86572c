"""Web pages saved from a government site or a mirror (.html, .htm).

The main text is trafilatura's (with tables, without comments, favouring recall), turned
into one line per paragraph, line break and table row (build_tools.readers.html_text).
Where trafilatura leaves out the printed title, a 发文字号 line or the metadata table
(索引号, 发文机关, 发文字号 …) that the page shows above or below the text, as it does when
they sit outside the block it takes for the article, those are put back from the page, in
page order, and each is reported; nothing else is added. Everything else of the page that
the extraction left out is reported as page chrome.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from build_tools.errors import SourceError
from build_tools.model import CleaningStep
from build_tools.readers.base import ReadNotice, join_lines, snippet, tidy_line
from build_tools.readers.html_page import decode_page, page_evidence, parse_page
from build_tools.readers.html_text import CELL_SEPARATOR, extracted_lines, hidden, visible_runs

if TYPE_CHECKING:
    from configparser import ConfigParser

    from build_tools.sources import RawSource

# Chrome is reported line by line up to this many, then summed up.
MAX_CHROME_STEPS = 40
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|--|—|-\s|\s-)\s*")
_MIN_TITLE = 6
_DOC_NUMBER = re.compile(
    r"^[（(]?\S{1,20}?[〔\[［【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]］】)）﹞]\s*第?\s*\d{1,4}\s*号[）)]?$"
)
_TABLE_LABELS = (
    "索引号", "发文机关", "发文字号", "文号", "成文日期", "发布日期", "发布机构", "主题分类",
    "有效性", "公开方式",
)  # fmt: skip
_NO_SPACE = re.compile(r"\s+")
_WORDY = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")


def read_html(raw: RawSource, encoding: str | None = None) -> ReadNotice:
    """The printed notice of a saved web page, its meta-tag evidence and the chrome left
    out; raises SourceError for a page without recognisable main text."""
    steps: list[CleaningStep] = []
    text, codec = decode_page(raw.data, raw.path, encoding, steps)
    page = parse_page(text)
    evidence = page_evidence(page, text)
    lines = _main_lines(page, raw.path)
    lines = _restore(page, evidence, lines, steps)
    _report_chrome(page, lines, steps)
    body = join_lines(lines, steps)
    if not body:
        raise SourceError(
            raw.path,
            "has no main text that trafilatura can find (an empty page, a frame set, or text "
            "drawn by scripts)",
            hint="save the page again from a browser after it has loaded, or copy its text "
            "into a .txt file in its place",
        )
    return ReadNotice(text=body, encoding=f"html/{codec}", evidence=evidence, steps=tuple(steps))


@cache
def _config() -> ConfigParser:
    """trafilatura's settings for notices: short texts count (a notice may be ten lines),
    no timer (it uses signals, and the result must not depend on the machine's speed)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _main_lines(page: Any, path: object) -> list[str]:
    """The lines of the page's main text as trafilatura extracts it."""
    import trafilatura
    from lxml import html as lxml_html

    # trafilatura changes the tree it is given: it gets a copy of the page.
    copy = lxml_html.document_fromstring(lxml_html.tostring(page, encoding="unicode"))
    try:
        document = trafilatura.bare_extraction(
            copy,
            include_tables=True,
            include_comments=False,
            favor_recall=True,
            include_formatting=False,
            include_links=False,
            include_images=False,
            deduplicate=False,
            with_metadata=False,
            config=_config(),
        )
    except (ValueError, TypeError, AttributeError) as exc:  # a page its parser chokes on
        raise SourceError(str(path), f"cannot be read as a web page: {exc}") from exc
    body = getattr(document, "body", None)
    return extracted_lines(body) if body is not None else []


def _flat(text: str) -> str:
    return _NO_SPACE.sub("", text)


def _restore(
    page: Any, evidence: dict[str, str], lines: list[str], steps: list[CleaningStep]
) -> list[str]:
    """``lines`` with the printed title, 发文字号 line and metadata table put back where
    trafilatura left them out, in page order; each put back is reported."""
    kept = _flat("".join(lines))
    runs = list(visible_runs(page))
    # lxml keeps one proxy per element while one is referenced: the list keeps ids stable.
    elements = list(page.iter())
    order = {id(element): index for index, element in enumerate(elements)}
    # The main text starts where three blocks in a row are in it (one may be by chance).
    found = [(order[id(block)], _flat(text) in kept) for block, text in runs]
    start = next(
        (
            at
            for index, (at, _) in enumerate(found)
            if all(ok for _, ok in found[index : index + 3])
        ),
        len(order),
    )
    restored: list[tuple[int, str, str]] = []  # (page order, kind, line)
    title = _title_run(runs, evidence, kept)
    if title is not None:
        block, text = title
        restored.append((order[id(block)], "restored-title", text))
        for other, line in runs[runs.index(title) + 1 :]:
            if order[id(other)] >= start:
                break
            if _DOC_NUMBER.match(line) and _flat(line) not in kept:
                restored.append((order[id(other)], "restored-doc-number", line))
    for table in _metadata_tables(page, kept):
        for line in _table_lines(table):
            restored.append((order[id(table)], "restored-metadata-table", line))
    before = [item for item in sorted(restored, key=lambda item: item[0]) if item[0] < start]
    after = [item for item in sorted(restored, key=lambda item: item[0]) if item[0] >= start]
    number = 1
    for _, kind, line in before:
        steps.append(CleaningStep(kind, number, "", line))
        number += 1
    for offset, (_, kind, line) in enumerate(after):
        steps.append(CleaningStep(kind, number + len(lines) + offset, "", line))
    return [line for _, _, line in before] + lines + [line for _, _, line in after]


def _title_run(
    runs: list[tuple[Any, str]], evidence: dict[str, str], kept: str
) -> tuple[Any, str] | None:
    """The page's printed title when the extracted text lacks it: the visible text equal
    to the page's <h1>, its ArticleTitle, or its <title> before the site name."""
    candidates = [evidence.get("h1", ""), evidence.get("ArticleTitle", "")]
    title = evidence.get("title", "")
    candidates += [title, _TITLE_SEPARATORS.split(title)[0]]
    candidates = [_flat(c) for c in candidates if len(_flat(c)) >= _MIN_TITLE]
    if any(candidate in kept for candidate in candidates):
        return None
    for candidate in candidates:
        for run in runs:
            if _flat(run[1]) == candidate:
                return run
    return None


def _metadata_tables(page: Any, kept: str) -> list[Any]:
    """Visible tables of a policy library's labels (索引号, 发文字号 …) that the extracted
    text lacks."""
    found = []
    for table in page.iter("table"):
        if table.find(".//table") is not None or any(hidden(e) for e in table.iterancestors()):
            continue
        if hidden(table):
            continue
        flat = _flat(table.text_content())
        labels = sum(label in flat for label in _TABLE_LABELS)
        rows = [_flat(line) for line in _table_lines(table)]
        if labels >= 2 and rows and not any(row in kept for row in rows):
            found.append(table)
    return found


def _table_lines(table: Any) -> list[str]:
    """A table's rows as lines, cells joined as in the extracted text."""
    lines = []
    for row in table.iter("tr"):
        cells = [tidy_line(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
        line = CELL_SEPARATOR.join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return lines


def _report_chrome(page: Any, lines: list[str], steps: list[CleaningStep]) -> None:
    """Report the page's visible text that is not in ``lines``: breadcrumbs, navigation,
    font-size switches, print and close links, footers."""
    kept = _flat("".join(lines))
    left_out = [
        text for _, text in visible_runs(page) if _WORDY.search(text) and _flat(text) not in kept
    ]
    for text in left_out[:MAX_CHROME_STEPS]:
        steps.append(CleaningStep("page-chrome", 0, snippet(text), ""))
    if len(left_out) > MAX_CHROME_STEPS:
        rest = len(left_out) - MAX_CHROME_STEPS
        steps.append(CleaningStep("page-chrome", 0, f"… and {rest} more lines of the page", ""))
