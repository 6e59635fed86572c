"""Long lists split over numbered pages: 2008.md, 2008-2.md, 2008-3.md …

A sector's requirements of one year can run to tens of thousands of items in a national
archive (31,641 for 危险化学品 in one year of the 10,000-notice benchmark, a 38 MB page);
no reader can use such a page. Lists are cut into pages of ``PAGE_SIZE`` items, each with
a pager.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")
PAGE_SIZE = 500


def page_count(total: int) -> int:
    """How many pages ``total`` items fill (at least one)."""
    return max(1, -(-total // PAGE_SIZE))


def page_name(stem: str, number: int) -> str:
    """The file stem of page ``number``: the first page keeps the plain name."""
    return stem if number == 1 else f"{stem}-{number}"


def page_start(number: int) -> int:
    """The index (from 0) of the first item on page ``number``."""
    return (number - 1) * PAGE_SIZE


def page_of(index: int) -> int:
    """The page that holds item ``index`` (counted from 0)."""
    return index // PAGE_SIZE + 1


def page_items(items: list[T], number: int) -> list[T]:
    """The items on page ``number``."""
    return items[page_start(number) : page_start(number + 1)]


def pager(stem: str, number: int, count: int) -> list[str]:
    """A Markdown paragraph linking the pages around page ``number`` (none for one page)."""
    if count == 1:
        return []
    first = page_start(number) + 1
    links = " ".join(
        f"**{k}**" if k == number else f"[{k}]({page_name(stem, k)}.md)"
        for k in range(1, count + 1)
    )
    back = f"[上一页]({page_name(stem, number - 1)}.md) · " if number > 1 else ""
    ahead = f" · [下一页]({page_name(stem, number + 1)}.md)" if number < count else ""
    where = f"第 {number} / {count} 页（每页 {PAGE_SIZE} 条，本页自第 {first} 条起）"
    return [f"{where}：{back}{links}{ahead}", ""]
