"""Command-line tools for operators and scripted checks: `flask --app roledesign <command>`.

One module per feature; each calls the application layer (`roledesign.services`), never the
web. Bad input raises `InputError` (exit code 2).
"""

from flask import Flask

from roledesign.cli import assessment, backup, demo, documents, evidence, jd_check, mail, orgs, team
from roledesign.cli.common import InputError

__all__ = ["InputError", "register"]


def register(app: Flask) -> None:
    for command in (
        evidence.check_evidence,
        evidence.export_evidence,
        assessment.score_command,
        demo.demo,
        documents.documents_command,
        team.team_report,
        jd_check.check_jd,
        orgs.export_org,
        orgs.import_org,
        orgs.delete_org,
        backup.backup_db,
        mail.send_mail_command,
    ):
        app.cli.add_command(command)
