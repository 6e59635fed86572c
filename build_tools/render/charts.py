"""Small static SVG bar charts, generated at build time (no JavaScript, no web request)."""

from __future__ import annotations

from html import escape

_BAR_WIDTH = 22
_GAP = 6
_HEIGHT = 90
_LABEL_SPACE = 16


def bar_chart(bars: list[tuple[str, int]], title: str) -> str:
    """An inline SVG of labelled bars, wrapped in a div so Markdown keeps it as one block."""
    peak = max((value for _, value in bars), default=0) or 1
    width = max(len(bars), 1) * (_BAR_WIDTH + _GAP) + _GAP
    usable = _HEIGHT - 2 * _LABEL_SPACE
    shapes = []
    for index, (label, value) in enumerate(bars):
        x = _GAP + index * (_BAR_WIDTH + _GAP)
        height = round(usable * value / peak)
        y = _HEIGHT - _LABEL_SPACE - height
        shapes.append(
            f'<rect x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{height}" class="bar">'
            f"<title>{escape(label)}：{value}</title></rect>"
            f'<text x="{x + _BAR_WIDTH / 2}" y="{y - 3}" class="value">{value}</text>'
            f'<text x="{x + _BAR_WIDTH / 2}" y="{_HEIGHT - 3}" class="label">{escape(label)}</text>'
        )
    return (
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {_HEIGHT}" width="{width}" '
        f'height="{_HEIGHT}"><title>{escape(title)}</title>{"".join(shapes)}</svg></div>'
    )


_CELL_W = 44
_CELL_H = 20
_ROW_LABEL = 120
_HEADER = 22


def heat_map(
    rows: list[str],
    columns: list[str],
    values: dict[tuple[str, str], int],
    title: str,
    links: dict[tuple[str, str], str] | None = None,
) -> str:
    """An inline SVG grid: one row per label, one column per year, shaded by count; a cell
    with an address in ``links`` links there."""
    peak = max(values.values(), default=0) or 1
    width = _ROW_LABEL + len(columns) * _CELL_W + 4
    height = _HEADER + len(rows) * _CELL_H + 4
    shapes = [
        f'<text x="{_ROW_LABEL + (i + 0.5) * _CELL_W}" y="15" class="label">{escape(col)}</text>'
        for i, col in enumerate(columns)
    ]
    for r, row in enumerate(rows):
        y = _HEADER + r * _CELL_H
        shapes.append(f'<text x="{_ROW_LABEL - 6}" y="{y + 14}" class="row">{escape(row)}</text>')
        for c, col in enumerate(columns):
            value = values.get((row, col), 0)
            opacity = 0.08 + 0.92 * value / peak if value else 0.03
            x = _ROW_LABEL + c * _CELL_W
            cell = (
                f'<rect x="{x + 1}" y="{y + 1}" width="{_CELL_W - 2}" height="{_CELL_H - 2}" '
                f'class="cell" fill-opacity="{opacity:.2f}"><title>{escape(row)} {escape(col)}：'
                f"{value}</title></rect>"
                + (
                    f'<text x="{x + _CELL_W / 2}" y="{y + 14}" class="value">{value}</text>'
                    if value
                    else ""
                )
            )
            href = (links or {}).get((row, col))
            shapes.append(f'<a href="{escape(href)}">{cell}</a>' if href else cell)
    return (
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"><title>{escape(title)}</title>{"".join(shapes)}</svg></div>'
    )


def stacked_bars(bars: list[tuple[str, dict[str, int]]], series: list[str], title: str) -> str:
    """Vertical bars split into series (e.g. notices per year by level), with a legend."""
    peak = max((sum(parts.values()) for _, parts in bars), default=0) or 1
    width = max(len(bars), 1) * (_BAR_WIDTH + _GAP) + _GAP + 70
    usable = _HEIGHT - 2 * _LABEL_SPACE
    shapes = []
    for index, (label, parts) in enumerate(bars):
        x = _GAP + index * (_BAR_WIDTH + _GAP)
        y = _HEIGHT - _LABEL_SPACE
        for rank, name in enumerate(series):
            value = parts.get(name, 0)
            if not value:
                continue
            height = round(usable * value / peak)
            y -= height
            tip = f"{escape(label)} {escape(name)}：{value}"
            shapes.append(
                f'<rect x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{height}" '
                f'class="bar series-{rank}"><title>{tip}</title></rect>'
            )
        total = sum(parts.values())
        shapes.append(f'<text x="{x + _BAR_WIDTH / 2}" y="{y - 3}" class="value">{total}</text>')
        shapes.append(
            f'<text x="{x + _BAR_WIDTH / 2}" y="{_HEIGHT - 3}" class="label">{escape(label)}</text>'
        )
    legend_x = width - 64
    for rank, name in enumerate(series):
        y = 10 + rank * 14
        shapes.append(
            f'<rect x="{legend_x}" y="{y - 8}" width="10" height="10" class="bar series-{rank}"/>'
            f'<text x="{legend_x + 14}" y="{y + 1}" class="legend">{escape(name)}</text>'
        )
    return (
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {_HEIGHT}" width="{width}" '
        f'height="{_HEIGHT}"><title>{escape(title)}</title>{"".join(shapes)}</svg></div>'
    )


def horizontal_bars(bars: list[tuple[str, int]], title: str) -> str:
    """Horizontal labelled bars (e.g. requirements per sector), largest first."""
    peak = max((value for _, value in bars), default=0) or 1
    row, label_width, bar_space = 18, 110, 260
    height = max(len(bars), 1) * row + 4
    width = label_width + bar_space + 40
    shapes = []
    for index, (label, value) in enumerate(bars):
        y = 2 + index * row
        length = round(bar_space * value / peak)
        shapes.append(
            f'<text x="{label_width - 6}" y="{y + 12}" class="row">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{length}" height="{row - 4}" class="bar">'
            f"<title>{escape(label)}：{value}</title></rect>"
            f'<text x="{label_width + length + 4}" y="{y + 12}" class="end">{value}</text>'
        )
    return (
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"><title>{escape(title)}</title>{"".join(shapes)}</svg></div>'
    )
