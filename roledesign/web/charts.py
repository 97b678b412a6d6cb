"""Server-rendered SVG charts. Each chart is paired with a table on the page, so the SVG is a
picture of the table: it has a title and description for screen readers, and no data of its own."""

import textwrap
from collections.abc import Sequence
from itertools import accumulate

from markupsafe import Markup, escape

from roledesign.domain.scoring import READY_EVERY_DOMAIN, rounded

BAR_COLOUR = "#005eb8"  # NHS blue
TEXT_COLOUR = "#212b32"
GRID_COLOUR = "#aeb7bd"
MARK_COLOUR = "#d5281b"
# Characters per line of a bar's label: about 250 pixels of DejaVu Sans at 16 pixels, the widest
# common fallback font, inside the 290 pixels the labels have. Longer labels wrap.
LABEL_CHARS = 26
LINE_H = 18


def label_lines(label: str) -> list[str]:
    """A bar's label in lines short enough to fit left of the bars, whatever the font."""
    return textwrap.wrap(label, LABEL_CHARS) or [""]


def label_svg(x: float, middle: float, lines: Sequence[str]) -> str:
    """Right-aligned label lines ending at ``x``, centred vertically on ``middle``."""
    first = middle + 5 - (len(lines) - 1) * LINE_H / 2
    spans = "".join(
        f'<tspan x="{x}" y="{first + n * LINE_H:.1f}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return f'<text text-anchor="end" fill="{TEXT_COLOUR}">{spans}</text>'


def bar_chart(
    rows: Sequence[tuple[str, float | None]],
    *,
    title: str,
    description: str,
    chart_id: str = "chart",
    threshold: float = READY_EVERY_DOMAIN,
) -> Markup:
    """Horizontal bars on a 0–100 scale, with a dashed line at ``threshold``."""
    label_w, bar_w, row_h, top = 290, 340, 44, 30
    labels = [label_lines(label) for label, _ in rows]
    heights = [max(row_h, LINE_H * len(lines) + 10) for lines in labels]
    width, height = label_w + bar_w + 60, top + sum(heights) + 30
    x0 = label_w

    def x(value: float) -> float:
        return x0 + bar_w * value / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="inherit" font-size="16">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{x(tick)}" y1="{top - 8}" x2="{x(tick)}" '
            f'y2="{height - 26}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x(tick)}" y="{height - 8}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}" font-size="14">{tick}</text>'
        )
    starts = list(accumulate(heights, initial=top))
    for n, (_, value) in enumerate(rows):
        y = starts[n] + (heights[n] - row_h) / 2  # a wrapped label's bar is level with its middle
        parts.append(label_svg(label_w - 12, y + 17, labels[n]))
        if value is None:
            parts.append(
                f'<text x="{x0 + 6}" y="{y + 22}" fill="{TEXT_COLOUR}" '
                f'font-style="italic">Not assessed</text>'
            )
            continue
        parts.append(
            f'<rect x="{x0}" y="{y + 6}" width="{bar_w * value / 100:.1f}" height="24" '
            f'fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{x(value) + 6:.1f}" y="{y + 24}" fill="{TEXT_COLOUR}" '
            f'font-weight="bold">{rounded(value)}</text>'
        )
    parts.append(
        f'<line x1="{x(threshold)}" y1="{top - 8}" x2="{x(threshold)}" y2="{height - 26}" '
        f'stroke="{MARK_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    parts.append(
        f'<text x="{x(threshold)}" y="{top - 14}" text-anchor="middle" '
        f'fill="{TEXT_COLOUR}" font-size="14">{rounded(threshold)}: needed in every domain</text>'
    )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is our own markup.
    return Markup("".join(parts))  # noqa: S704


SERIES_STYLES = (  # colour and dash pattern, so lines can be told apart without colour
    ("#005eb8", ""),
    ("#007f3b", "8 4"),
    ("#7c2855", "2 4"),
    ("#ed8b00", "10 4 2 4"),
    ("#212b32", ""),
)


def line_chart(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    description: str,
    chart_id: str = "trend",
) -> Markup:
    """Lines on a 0–100 scale over rounds; gaps where a value is missing. A legend names each
    line with its pattern; the page must also show the same figures as a table."""
    left, top, plot_w, plot_h = 44, 20, 520, 220
    legend_top = top + plot_h + 44
    width = left + plot_w + 30
    height = legend_top + 26 * len(series) + 10
    step = plot_w / max(len(x_labels) - 1, 1)

    def x(n: int) -> float:
        return left + (step * n if len(x_labels) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h * (1 - value / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit" '
        f'font-size="14">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{left + plot_w}" y2="{y(tick):.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(tick) + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{tick}</text>'
        )
    for n, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x(n):.1f}" y="{top + plot_h + 22}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
    for s_n, (label, values) in enumerate(series):
        colour, dash = SERIES_STYLES[s_n % len(SERIES_STYLES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        segment: list[str] = []
        for n, value in enumerate([*values, None]):
            if value is not None:
                segment.append(f"{x(n):.1f},{y(value):.1f}")
                parts.append(f'<circle cx="{x(n):.1f}" cy="{y(value):.1f}" r="4" fill="{colour}"/>')
                continue
            if len(segment) > 1:
                parts.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" '
                    f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
                )
            segment = []
        ly = legend_top + 26 * s_n
        parts.append(
            f'<line x1="{left}" y1="{ly}" x2="{left + 40}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="3"{dash_attr}/>'
        )
        parts.append(
            f'<text x="{left + 50}" y="{ly + 5}" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is our own markup.
    return Markup("".join(parts))  # noqa: S704
