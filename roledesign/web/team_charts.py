"""The team report's chart: for each domain, one bar per group shown. Like every chart here it is a
picture of a table printed beside it, with a title and description for screen readers."""

from collections.abc import Sequence

from markupsafe import Markup, escape

from roledesign.domain.scoring import rounded
from roledesign.web.charts import (
    BAR_COLOUR,
    GRID_COLOUR,
    LINE_H,
    TEXT_COLOUR,
    label_lines,
    label_svg,
)

TEAM_COLOUR = "#330072"  # NHS purple: the whole team, set apart from the groups


def group_chart(
    sections: Sequence[tuple[str, Sequence[tuple[str, float | None]]]],
    *,
    title: str,
    description: str,
    chart_id: str = "group-chart",
) -> Markup:
    """Horizontal bars on a 0–100 scale, in sections: (heading, [(label, value), ...]).

    The first bar of each section is drawn in the team colour (the caller puts the whole team
    first); missing values say "Not assessed" (nobody in the group answered the domain).
    """
    label_w, bar_w, row_h, head_h, top = 290, 340, 30, 34, 10
    labels = [[label_lines(label) for label, _ in bars] for _, bars in sections]
    heights = [[max(row_h, LINE_H * len(lines) + 8) for lines in ls] for ls in labels]
    width = label_w + bar_w + 60
    height = top + sum(map(sum, heights)) + len(sections) * head_h + 30

    def x(value: float) -> float:
        return label_w + bar_w * value / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="inherit" font-size="15">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{x(tick)}" y1="{top}" x2="{x(tick)}" y2="{height - 26}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x(tick)}" y="{height - 8}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}" font-size="14">{tick}</text>'
        )
    y = top
    for s_n, (heading, bars) in enumerate(sections):
        parts.append(
            f'<text x="0" y="{y + 24}" fill="{TEXT_COLOUR}" font-weight="bold">{escape(heading)}</text>'
        )
        y += head_h
        for n, (_, value) in enumerate(bars):
            extra = heights[s_n][n] - row_h
            y += extra / 2  # a wrapped label's bar is level with its middle
            parts.append(label_svg(label_w - 12, y + 15, labels[s_n][n]))
            if value is None:
                parts.append(
                    f'<text x="{label_w + 6}" y="{y + 20}" fill="{TEXT_COLOUR}" '
                    f'font-style="italic">Not assessed</text>'
                )
            else:
                colour = TEAM_COLOUR if n == 0 else BAR_COLOUR
                parts.append(
                    f'<rect x="{label_w}" y="{y + 5}" width="{bar_w * value / 100:.1f}" '
                    f'height="20" fill="{colour}"/>'
                )
                parts.append(
                    f'<text x="{x(value) + 6:.1f}" y="{y + 20}" fill="{TEXT_COLOUR}" '
                    f'font-weight="bold">{rounded(value)}</text>'
                )
            y += row_h + extra / 2
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest is our own markup.
    return Markup("".join(parts))  # noqa: S704
