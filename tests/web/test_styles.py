"""Colour contrast of our own styles (static/app.css) and charts, including the hover and focus
states that the browser sweep with axe-core never sees rendered (WCAG 1.4.3 and 1.4.11)."""

import re

import pytest

from roledesign.config import PROJECT_ROOT
from roledesign.web import charts, team_charts

TEXT = "#212b32"  # nhsuk-frontend's text colour
PAGE_BACKGROUNDS = ("#ffffff", "#f0f4f5")  # white panels, and the grey page behind them
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_matches_the_published_figures():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#005eb8", "#ffffff") == pytest.approx(6.38, abs=0.01)  # NHS blue
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA borderline


def declarations(css: str):
    """(selector, {property: value}) for every rule, inside @media blocks too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for selector, body in RULE.findall(css):
        props = {}
        for part in body.split(";"):
            name, _, value = part.partition(":")
            if value.strip():
                props[name.strip()] = value.strip()
        yield re.sub(r"^@media[^{]*\{", "", selector.strip()).strip(), props


def colour_pairs():
    """Every text colour our styles set, against the background it is drawn on."""
    pairs = []
    for selector, props in declarations((PROJECT_ROOT / "static/app.css").read_text()):
        colour = re.search(HEX, props.get("color", ""))
        background = re.search(HEX, props.get("background-color", props.get("background", "")))
        if colour and background:
            pairs.append((selector, colour.group(), background.group()))
        elif colour:
            pairs += [(selector, colour.group(), page) for page in PAGE_BACKGROUNDS]
        elif background:
            pairs.append((selector, TEXT, background.group()))
    return pairs


def test_our_text_colours_have_enough_contrast():
    pairs = colour_pairs()
    assert len(pairs) > 10 and any(":focus" in s for s, _, _ in pairs)
    weak = [
        f"{selector}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"
        for selector, fg, bg in pairs
        if contrast(fg, bg) < 4.5
    ]
    assert weak == []


def test_chart_colours_stand_out_from_the_page():
    # Bars and the threshold line carry meaning: 3:1 against white (1.4.11). The grid lines
    # only help the eye, and the table below each chart gives every figure.
    for colour in (charts.BAR_COLOUR, charts.MARK_COLOUR, team_charts.TEAM_COLOUR):
        assert contrast(colour, "#ffffff") >= 3, colour
    assert contrast(charts.TEXT_COLOUR, "#ffffff") >= 4.5
