"""The job description check report as a Document, for the shared PDF and Word renderers."""

from collections.abc import Iterable
from datetime import date

from roledesign.catalog import Catalog
from roledesign.documents.model import Bullets, Document, Heading, Paragraph, Table
from roledesign.domain.jd_check import JdReport, Match
from roledesign.domain.jd_duties import duty_summary

SCORING_NOTE = (
    "Each domain starts at {start}. Every rule that counts against the text takes off its "
    "weight (1 to 3) times {drift} points for role drift, {missing} for a missing essential, "
    "{evaluation} for something a job evaluation panel will need, and {language} for wording. "
    "A rule counts once however many sentences it flags, and no score goes below 0."
)


def grouped(matches: Iterable[Match]) -> list[tuple[object, list[Match]]]:
    """Matches grouped by rule, rules in order of their first match."""
    groups: dict[str, tuple[object, list[Match]]] = {}
    for match in matches:
        groups.setdefault(match.rule.id, (match.rule, []))[1].append(match)
    return list(groups.values())


def cite(catalog: Catalog, rule) -> str:
    """'Bach 2000, cited in Gillard & Holley 2014; Repper & Carter 2010' for a rule."""
    parts = []
    for key in rule.sources:
        source = catalog.source(key)
        text = source.short
        if source.cited_in:
            text += f", cited in {catalog.source(source.cited_in).short}"
        parts.append(text)
    return "; ".join(parts)


def scoring_note(catalog: Catalog) -> str:
    scoring = catalog.jd_check.scoring
    return SCORING_NOTE.format(start=scoring.start, **dict(scoring.points_per_weight))


def _rule_table(catalog, rules, *, first_column: str) -> Table:
    rows = []
    for rule in rules:
        rows.append((rule.title, f"{rule.why} {rule.action}", cite(catalog, rule)))
    return Table(
        header=(first_column, "Why it matters and what to do", "Evidence"),
        rows=tuple(rows),
        widths=(0.25, 0.5, 0.25),
    )


def build_document(
    report: JdReport,
    catalog: Catalog,
    *,
    organisation: str,
    name: str,
    plan_title: str = "",
    checked_on: date | None = None,
    author: str = "roledesign",
) -> Document:
    """The on-screen report as a Document: scores, drift, missing, evaluation, language."""
    titles = {domain.key: domain.title for domain in catalog.domains}
    duties = duty_summary(report, catalog.jd_check.peer_work)
    blocks: list = [
        Paragraph(summary_line(report), style="lead"),
        *([Paragraph(duties.line())] if duties else []),
        Heading("Scores by domain"),
        Table(
            header=("Domain", "Score", "What lowered it"),
            rows=tuple(
                (
                    titles[summary.key],
                    f"{summary.score} out of {summary.start}",
                    "; ".join(f"{d.rule.title} (−{d.points})" for d in summary.deductions)
                    or "Nothing",
                )
                for summary in report.domains
            ),
            widths=(0.3, 0.15, 0.55),
        ),
        Paragraph(scoring_note(catalog), style="small"),
        Heading("Role drift"),
    ]
    if report.drift:
        blocks.append(
            Paragraph(
                "These sentences describe work that would dilute the peer role or belongs to "
                "other roles."
            )
        )
        for rule, matches in grouped(report.drift):
            blocks += [
                Heading(rule.title, level=2),
                Bullets(tuple(f"“{m.sentence.text.strip()}”" for m in matches)),
                Paragraph(f"{rule.why} {rule.action}"),
                Paragraph(f"Evidence: {cite(catalog, rule)}", style="small"),
            ]
    else:
        blocks.append(Paragraph("No sentence describes work that would dilute the peer role."))
    blocks.append(Heading("Missing essentials"))
    if report.missing:
        blocks.append(_rule_table(catalog, report.missing, first_column="Missing"))
    else:
        blocks.append(Paragraph("The text covers every essential we check for."))
    blocks.append(Heading("What a job evaluation panel will need"))
    if report.evaluation_gaps:
        blocks.append(_rule_table(catalog, report.evaluation_gaps, first_column="Not covered"))
    else:
        blocks.append(Paragraph("The text covers everything we check for."))
    blocks.append(Heading("Language"))
    if report.language:
        blocks.append(
            Table(
                header=("Wording", "Found in", "Suggestion", "Evidence"),
                rows=tuple(
                    (
                        rule.title,
                        "\n".join(f"“{m.sentence.text.strip()}”" for m in matches[:3])
                        + (f"\n(and {len(matches) - 3} more)" if len(matches) > 3 else ""),
                        f"{rule.action} {rule.why}",
                        cite(catalog, rule),
                    )
                    for rule, matches in grouped(report.language)
                ),
                widths=(0.18, 0.37, 0.27, 0.18),
            )
        )
    else:
        blocks.append(
            Paragraph("We found no clinical or deficit-focused wording to suggest changes to.")
        )
    blocks += [
        Heading("Sources"),
        Bullets(tuple(catalog.citation(key) for key in _sources_used(report))),
    ]
    subtitle = name + (f" – for the role plan “{plan_title}”" if plan_title else "")
    return Document(
        title="Job description check",
        organisation=organisation,
        subtitle=subtitle,
        author=author,
        issued=checked_on or date.today(),
        blocks=tuple(blocks),
    )


def summary_line(report: JdReport) -> str:
    drift_sentences = len({m.sentence.index for m in report.drift})
    parts = [
        _count(
            drift_sentences,
            "sentence that may dilute the role",
            "sentences that may dilute the role",
        ),
        _count(len(report.missing), "missing essential", "missing essentials"),
        _count(
            len(report.evaluation_gaps),
            "gap for a job evaluation panel",
            "gaps for a job evaluation panel",
        ),
        _count(
            len({m.rule.id for m in report.language}), "wording suggestion", "wording suggestions"
        ),
    ]
    return "We found " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{'no' if n == 0 else n} {one if n == 1 else many}"


def _sources_used(report: JdReport) -> list[str]:
    rules = [m.rule for m in (*report.drift, *report.language)]
    rules += [*report.missing, *report.evaluation_gaps]
    return list(dict.fromkeys(key for rule in rules for key in rule.sources))
