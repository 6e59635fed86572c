"""The filtered view on sector and role pages: the form and the empty list it fills.

The page holds only the controls (their number bounded by the provinces, levels and years,
never by the archive); docs/javascripts/requirements.js loads the listing's data
(build_tools.render.listing_data) and fills the list, newest first. Every control is a
form field named as its URL query parameter, so that a link can open a filtered view:
``?province=山东省&level=national,provincial&from=2016&to=2022&issuer=…&kind=lead``.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_tools.archive import Archive
from build_tools.model import Level
from build_tools.provinces import Provinces
from build_tools.render.escape import escape_html
from build_tools.render.notice import LEVEL_NAMES
from build_tools.render.requirements import per_archive

SCRIPT = "javascripts/requirements.js"  # relative to the site root
UNKNOWN_LEVEL = "unknown"
LEVEL_KEYS = [*(level.value for level in Level), UNKNOWN_LEVEL]
LEVEL_LABELS = {**LEVEL_NAMES, UNKNOWN_LEVEL: "层级不详"}
LEAD, SUPPORT = "lead", "support"  # the kinds of a role's rows
KIND_NAMES = {LEAD: "牵头", SUPPORT: "配合"}


@per_archive
def notice_places(archive: Archive) -> dict[str, str]:
    """Where each notice applies (build_tools.provinces.Provinces.place), by slug."""
    provinces = province_table(archive)
    return {notice.slug: provinces.place(notice.metadata) for notice in archive.notices}


@per_archive
def province_table(archive: Archive) -> Provinces:
    """The provinces of the division data, read once per build."""
    return Provinces.load()


def data_folder(folder: str, listing_id: str) -> str:
    """The folder of a listing's data, from the site root (build_tools.render.listing_data)."""
    return f"data/{folder}/{listing_id}"


def page_meta(feeds: Iterable[tuple[str, str]], view: tuple[str, str] | None) -> dict[str, object]:
    """Front matter for a sector or role page: its feeds (title, path from the site root),
    which overrides/main.html turns into ``<link rel="alternate">`` tags, and, where the page
    shows the view of ``(folder, id)``, its script and the index it loads first."""
    meta: dict[str, object] = {
        "feeds": [{"title": title, "href": href} for title, href in feeds],
    }
    if view:
        meta["scripts"] = [SCRIPT]
        meta["preload"] = [f"{data_folder(*view)}/index.json"]
    return meta


def filter_block(
    folder: str,
    listing_id: str,
    places: set[str],
    provinces: Provinces,
    years: list[int],
    kinds: dict[str, str] | None = None,
) -> str:
    """The view's HTML: the filters, the count line, the list and the "more" button.

    ``places`` are those the listing has requirements in (build_tools.provinces), ``years``
    its plan years (newest first), ``kinds`` the lead/support names on role pages. The view
    names its places, so the script can fetch a first file before the index arrives.
    """
    chips = [_chip("radio", "province", "", "全部地区", checked=True)]
    chips += [
        _chip("radio", "province", p.name, p.short, data_code=p.code)
        for p in provinces.named(places)
    ]
    levels = [
        _chip("checkbox", "level", key, LEVEL_LABELS[key], checked=True, count=key)
        for key in LEVEL_KEYS
    ]
    year_options = [(str(year), f"{year}年") for year in years]
    fields = [
        _select("from", "年度从", "最早", year_options),
        _select("to", "到", "最新", year_options),
        '<label>发文机关 <input type="search" name="issuer" list="req-issuers" '
        'placeholder="输入机关名称" autocomplete="off"></label>'
        '<datalist id="req-issuers"></datalist>',
    ]
    if kinds:
        fields.append(_select("kind", "分工", "全部", list(kinds.items())))
    return "\n".join(
        [
            f'<div class="req-view" id="req-view" data-folder="{escape_html(folder)}" '
            f'data-id="{escape_html(listing_id)}" data-places="{" ".join(sorted(places))}">',
            '<form class="req-filter" id="req-filter">',
            '<fieldset class="req-places"><legend>地区（选一个省份，显示国家级和该省各级的要求；'
            "本机记住所选省份）</legend>" + "".join(chips) + "</fieldset>",
            '<fieldset class="req-levels"><legend>层级</legend>' + "".join(levels) + "</fieldset>",
            '<div class="req-fields">' + "".join(fields) + "</div>",
            "</form>",
            '<p class="req-count" id="req-count" aria-live="polite">正在载入要求……</p>',
            '<ol class="req-results" id="req-results"></ol>',
            '<p class="req-more"><button type="button" class="md-button" id="req-more" hidden>'
            "显示更多</button></p>",
            "<noscript><p>筛选和列表需要 JavaScript；"
            "也可以在下方“各年度”中按年度逐页浏览。</p></noscript>",
            "</div>",
        ]
    )


def _select(name: str, label: str, first: str, options: list[tuple[str, str]]) -> str:
    listed = "".join(
        f'<option value="{escape_html(value)}">{escape_html(text)}</option>'
        for value, text in options
    )
    return (
        f'<label>{label} <select name="{name}"><option value="">{first}</option>{listed}'
        "</select></label>"
    )


def _chip(
    kind: str,
    name: str,
    value: str,
    label: str,
    checked: bool = False,
    data_code: str | None = None,
    count: str | None = None,
) -> str:
    attributes = f'type="{kind}" name="{name}" value="{escape_html(value)}"'
    if data_code:
        attributes += f' data-code="{escape_html(data_code)}"'
    if checked:
        attributes += " checked"
    number = f' <span class="n" data-count="{escape_html(count)}"></span>' if count else ""
    return (
        f'<label class="chip"><input {attributes}><span>{escape_html(label)}</span>{number}</label>'
    )
