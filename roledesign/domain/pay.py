"""The salary line of a job description, from the Agenda for Change pay table."""

from decimal import ROUND_HALF_UP, Decimal

# The pay a post can be on: an Agenda for Change band, or a local pay scale.
BAND_LABELS = {
    "2": "Band 2",
    "3": "Band 3",
    "4": "Band 4",
    "5": "Band 5",
    "6": "Band 6",
    "7": "Band 7",
    "8a": "Band 8a",
    "local": "Local pay scale (not Agenda for Change)",
}


def _pounds(value: Decimal) -> str:
    return f"£{int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)):,}"


def pay_text(pay, band: str | None, hours: str, area_key: str = "") -> str:
    """'£27,485 to £30,162 a year full time (Agenda for Change Band 4, pay year 2025/26); £21,988
    to £24,130 pro rata for 30 hours a week', plus the high cost area supplement if one is
    chosen. Empty when the table has no figures for the band."""
    if pay is None or band not in pay.bands:
        return ""
    figures = pay.bands[band]
    low, high = Decimal(figures.minimum), Decimal(figures.maximum)
    span = _pounds(low) if low == high else f"{_pounds(low)} to {_pounds(high)}"
    text = f"{span} a year full time (Agenda for Change Band {band}, pay year {pay.year})"
    share = Decimal(str(hours)) / Decimal(str(pay.full_time_hours))
    if share < 1:
        part = (
            _pounds(low * share)
            if low == high
            else f"{_pounds(low * share)} to {_pounds(high * share)}"
        )
        text += f"; {part} pro rata for {Decimal(str(hours)).normalize():f} hours a week"
    area = pay.high_cost_areas.get(area_key)
    if area is not None:
        text += (
            f". Plus the {area.label} high cost area supplement: {area.percent}% of basic pay, "
            f"at least {_pounds(Decimal(area.minimum))} and at most "
            f"{_pounds(Decimal(area.maximum))} a year full time"
        )
    return text
