from wtforms import StringField
from wtforms.validators import DataRequired, Length

from roledesign.models.accounts import SECTORS
from roledesign.web.forms import BaseForm, RadioField, choices


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
