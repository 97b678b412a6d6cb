"""Server-rendered SVG charts. Each chart is paired with a table on the page, so the SVG is a
picture of the table: it has a title and description for screen readers, and no data of its own."""

from collections.abc import Sequence

from markupsafe import Markup, escape

from roledesign.domain.scoring import READY_EVERY_DOMAIN, rounded

BAR_COLOUR = "#005eb8"  # NHS blue
TEXT_COLOUR = "#212b32"
GRID_COLOUR = "#aeb7bd"
MARK_COLOUR = "#d5281b"


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
    width, height = label_w + bar_w + 60, top + row_h * len(rows) + 30
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
    for n, (label, value) in enumerate(rows):
        y = top + n * row_h
        parts.append(
            f'<text x="{label_w - 12}" y="{y + 22}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
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
