import re

from roledesign.web.charts import bar_chart, line_chart


def test_bar_lengths_are_proportional_and_missing_scores_say_so():
    svg = bar_chart([("A", 100.0), ("B", 50.0), ("C", None)], title="T", description="D")
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and widths[0] == 2 * widths[1]
    assert "Not assessed" in svg
    assert '<title id="chart-title">T</title>' in svg and 'role="img"' in svg


def test_labels_are_escaped():
    svg = bar_chart([("<script>", 10.0)], title="a & b", description="<d>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg


def test_group_chart_has_a_section_per_domain_and_says_what_is_not_assessed():
    from roledesign.web.team_charts import group_chart

    svg = group_chart(
        [
            ("Distinctiveness", [("Whole team", 50.0), ("Peer workers", 25.0)]),
            ("<b>", [("x", None)]),
        ],
        title="Scores by group",
        description="Bars",
    )
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == 2 * widths[1]
    assert "Not assessed" in svg and "&lt;b&gt;" in svg and 'role="img"' in svg


def test_long_labels_wrap_onto_lines_that_fit_beside_the_bars():
    from roledesign.web.charts import LABEL_CHARS
    from roledesign.web.team_charts import group_chart

    label = "Shared expectations of the role: team"
    for svg in (
        bar_chart([(label, 40.0), ("Short", 60.0)], title="T", description="D"),
        group_chart([("Domain", [(label, 40.0), ("Short", 60.0)])], title="T", description="D"),
    ):
        spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
        assert " ".join(spans[:-1]) == label and spans[-1] == "Short"
        assert len(spans) == 3 and all(len(s) <= LABEL_CHARS for s in spans)
        # The taller row pushes the next bar down: the bars never overlap.
        tops = [float(y) for y in re.findall(r'<rect x="[\d.]+" y="([\d.]+)"', svg)]
        assert tops[1] - tops[0] >= 2 * 18


def test_line_chart_breaks_lines_at_missing_values_and_escapes():
    svg = line_chart(
        ["R1", "R2", "R3"],
        [("<A>", [10.0, None, 30.0]), ("B", [20.0, 40.0, 60.0])],
        title="T & t",
        description="D",
    )
    assert svg.count("<polyline") == 1  # A has no two consecutive points; B is one line
    assert svg.count("<circle") == 5
    assert "&lt;A&gt;" in svg and "T &amp; t" in svg
