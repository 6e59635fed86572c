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
