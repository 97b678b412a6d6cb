"""The manager's invitation form: addresses pasted from anywhere, and an optional group."""

import re

from email_validator import EmailNotValidError, validate_email
from wtforms import TextAreaField
from wtforms.validators import DataRequired, ValidationError

from roledesign.web.forms import BaseForm, RadioField, choices

NO_GROUP = "none"
# Addresses may come one a line, or separated by commas or semicolons as mail programs copy them.
# Mail programs copy "Sam Smith <sam@example.org>": the name is dropped, the address kept.
NAMED = re.compile(r"[^,;\n<>]*<([^<>]*)>")
SEPARATORS = re.compile(r"[\s,;]+")
SHOWN = 3  # wrong addresses named in the message


def split(text: str) -> list[str]:
    """One piece per address given, before checking."""
    return [p for p in SEPARATORS.split(NAMED.sub(r" \1 ", text or "")) if p]


def _address(piece: str) -> str | None:
    """The address, lower case; None when it is not an email address."""
    if len(piece) > 254:
        return None
    try:
        return validate_email(piece, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


def invite_form(groups, *, batch: int, **kwargs) -> BaseForm:
    class InviteForm(BaseForm):
        addresses = TextAreaField(
            "Email addresses",
            description=(
                f"One per line, or separated by commas. Up to {batch} at a time. Each person gets "
                "their own link, which works once."
            ),
            validators=[DataRequired("Enter at least one email address")],
        )
        group = RadioField(
            "Which group are these people in?",
            description=(
                "Choose a group to have it selected for them, or let each person choose. Either "
                "way they can change it, or choose not to say."
            ),
            choices=choices(
                [(NO_GROUP, "Let each person choose")] + [(g.key, g.label) for g in groups]
            ),
            default=NO_GROUP,
            validators=[DataRequired("Select a group, or let each person choose")],
            invalid_message="Select one of the groups listed, or let each person choose",
        )

        def validate_addresses(self, field):
            found = split(field.data)
            wrong = [p for p in found if _address(p) is None]
            if wrong:
                named = ", ".join(w[:60] for w in wrong[:SHOWN])
                more = f" and {len(wrong) - SHOWN} more" if len(wrong) > SHOWN else ""
                raise ValidationError(
                    f"Check these email addresses: {named}{more}. An email address looks like "
                    "name@example.org"
                )
            self.parsed = list(dict.fromkeys(_address(p) for p in found))
            if len(self.parsed) > batch:
                raise ValidationError(
                    f"Enter {batch} email addresses or fewer at a time "
                    f"(you entered {len(self.parsed)})"
                )

        @property
        def chosen_group(self) -> str | None:
            return None if self.group.data == NO_GROUP else self.group.data

    return InviteForm(**kwargs)
