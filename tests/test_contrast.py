"""Palette contrast: every text/background pair of our stylesheet reaches WCAG AA (4.5:1)."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

CSS = (ROOT / "docs" / "stylesheets" / "archive.css").read_text(encoding="utf-8")
WHITE = "#ffffff"


def colour(name: str) -> str:
    match = re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert match, f"{name} not found in archive.css"
    return match.group(1)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def block(selector: str) -> str:
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert match, selector
    return match.group(1)


def pair(selector: str) -> tuple[str, str]:
    body = block(selector)
    background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
    text = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{3,6})\b", body)
    assert background and text, selector
    foreground = WHITE if text.group(1).lower() == "#fff" else text.group(1)
    return foreground, background.group(1)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        (colour("--md-primary-fg-color"), WHITE),  # links and headings
        (WHITE, colour("--md-primary-fg-color")),  # header and tabs
        (colour("--md-accent-fg-color"), WHITE),  # hovered links
        pair(".md-typeset .dept-lead"),
        pair(".md-typeset .dept-support"),
        pair(".md-typeset a.sector"),
        pair(".md-typeset .cite-mark"),
        ("#8a5a00", WHITE),  # basis-unsure note
        ("#757575", WHITE),  # Material's light text, rgba(0,0,0,.54) on white
    ],
)
def test_contrast_is_at_least_4_5(foreground: str, background: str) -> None:
    assert contrast(foreground, background) >= 4.5, (foreground, background)
