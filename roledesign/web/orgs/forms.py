from wtforms import StringField
from wtforms.validators import (
    DataRequired,
    Length,
    ValidationError,
)

from roledesign.models.accounts import ROLES, SECTORS
from roledesign.web.forms import BaseForm, RadioField, choices, email_field

ROLE_HINTS = {
    "admin": "Everything, plus members, settings, the audit log, export and deletion",
    "manager": "Plans, assessments, team surveys and actions",
    "hr": "Documents and the job description check; can read plans",
    "viewer": "Can read plans and reports, and change nothing",
}


class OrganisationForm(BaseForm):
    name = StringField(
        "Organisation name",
        description="For example, Northshire Mental Health NHS Foundation Trust or Riverside Mind",
        validators=[
            DataRequired("Enter the name of your organisation"),
            Length(max=160, message="Organisation name must be 160 characters or fewer"),
        ],
    )
    sector = RadioField(
        "Which sector is your organisation in?",
        choices=choices(SECTORS.items()),
        validators=[DataRequired("Select the sector your organisation is in")],
        invalid_message="Select the sector your organisation is in",
    )


class SettingsForm(OrganisationForm):
    """Name and sector; the anonymity threshold has its own page (team.anonymity)."""


def _role_field(label: str):
    return RadioField(
        label,
        choices=choices(ROLES.items()),
        validators=[DataRequired("Select a role")],
        invalid_message="Select a role from the list",
    )


class InviteForm(BaseForm):
    email = email_field("Their email address", required="Enter their email address")
    role = _role_field("What can they do?")


class RoleForm(BaseForm):
    role = _role_field("Role")


class DeleteForm(BaseForm):
    confirm_name = StringField(
        "Type the organisation's name to confirm",
        validators=[DataRequired("Type the organisation's name to confirm")],
    )

    def __init__(self, *args, expected: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected

    def validate_confirm_name(self, field):
        if field.data != self.expected:
            raise ValidationError("The name you typed does not match the organisation's name")
