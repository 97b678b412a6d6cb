"""`check-jd`: the job description check of a file, as JSON."""

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from roledesign.catalog import DOMAIN_KEYS
from roledesign.cli.common import InputError
from roledesign.cli.common import catalog as _catalog


def _rule_entry(rule, **extra) -> dict:
    return {
        "rule": rule.id,
        "title": rule.title,
        **extra,
        "source": rule.sources[0],
        "sources": list(rule.sources),
    }


def jd_report_as_json(report) -> dict:
    """The job description check as the JSON that `check-jd` prints."""
    return {
        "drift": [
            _rule_entry(m.rule, sentence=m.sentence.text.strip(), phrase=m.phrase)
            for m in report.drift
        ],
        "missing": [_rule_entry(rule) for rule in report.missing],
        "evaluation": [_rule_entry(rule) for rule in report.evaluation_gaps],
        "language": [
            _rule_entry(
                m.rule, sentence=m.sentence.text.strip(), phrase=m.phrase, suggestion=m.rule.action
            )
            for m in report.language
        ],
        "domains": {summary.key: summary.score for summary in report.domains},
    }


@click.command("check-jd")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check_jd(file):
    """Check a job description or advert in FILE (.txt, .docx or .pdf) and print the report
    as JSON: drift, missing, evaluation, language and a score per domain."""
    from roledesign.documents.extract import UnreadableFile
    from roledesign.documents.sandbox import extract_text_bounded
    from roledesign.domain.jd_check import check_text

    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {file}: {err.strerror or err}") from err
    try:
        text, _ = extract_text_bounded(data, file.name)
    except UnreadableFile as err:
        raise InputError(str(err)) from err
    report = check_text(text, _catalog().jd_check, DOMAIN_KEYS)
    click.echo(json.dumps(jd_report_as_json(report), indent=2, ensure_ascii=False))
