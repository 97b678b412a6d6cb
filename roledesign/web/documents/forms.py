"""The details form: the free-text parts of the documents that only the organisation knows."""

import re
from datetime import date

from wtforms import BooleanField, FormField, StringField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.duties import diluting_duties, flag_message
from roledesign.web.concurrency import stamp_field
from roledesign.web.forms import BaseForm, IntegerField, SelectField, SubForm, choices
from roledesign.web.template_helpers import catalog

DUTIES_MAX_CHARS = 2000
DUTIES_MAX_LINES = 12
DUTY_MAX_CHARS = 300
# Control characters cannot go into a PDF or Word file; pasted text sometimes carries them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value):
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def _text(label, limit, *, description=None):
    return StringField(
        label,
        description=description,
        filters=[_clean],
        validators=[
            Optional(),
            Length(max=limit, message=f"{label} must be {limit} characters or fewer"),
        ],
    )


class DateForm(SubForm):
    """Day, month and year, as the NHS date input asks for them."""

    day = IntegerField("Day", invalid_message="The day must be a number", validators=[Optional()])
    month = IntegerField(
        "Month", invalid_message="The month must be a number", validators=[Optional()]
    )
    year = IntegerField(
        "Year", invalid_message="The year must be a number", validators=[Optional()]
    )

    def validate(self, extra_validators=None) -> bool:
        """A date is optional, but when given it must be whole and real."""
        if not super().validate(extra_validators):
            return False
        parts = (self.day.data, self.month.data, self.year.data)
        if all(p is None for p in parts):
            return True
        problem = None
        if any(p is None for p in parts):
            problem = "The closing date must include a day, month and year"
        elif not 2000 <= self.year.data <= 2100:
            problem = "The year of the closing date must have 4 digits, like 2027"
        else:
            try:
                self.value()
            except ValueError:
                problem = "The closing date must be a real date, like 31 3 2027"
        if problem:
            self.day.errors = [*self.day.errors, problem]
            return False
        return True

    def value(self) -> date | None:
        if self.day.data is None:
            return None
        return date(self.year.data, self.month.data, self.day.data)


class DetailsForm(BaseForm):
    flags = ()  # the duties a drift rule flags, set when the form is validated
    stamp = stamp_field()
    base = _text(
        "Base",
        120,
        description="Where the post holder will be based, for example Riverside Resource Centre, Northtown",
    )
    salary = _text(
        "Salary",
        120,
        description=(
            "Leave empty to show the Agenda for Change range for the band, from the pay table the "
            "app holds. Type a salary here only to override it, for example £27,485 a year, pro "
            "rata"
        ),
    )
    high_cost_area = SelectField(
        "High cost area supplement",
        choices=[],
        invalid_message="Select a high cost area from the list, or None",
        validators=[Optional()],
    )
    accountable_to = _text(
        "Accountable to", 120, description="For example, Head of Community Services"
    )
    closing_date = FormField(DateForm, "Closing date for applications")
    duties = TextAreaField(
        "Duties specific to this service",
        description=(
            "One duty per line, for example Co-facilitate the weekly recovery group. They are "
            "listed after the peer support duties."
        ),
        filters=[_clean],
        validators=[
            Optional(),
            Length(
                max=DUTIES_MAX_CHARS,
                message=f"Duties must be {DUTIES_MAX_CHARS} characters or fewer in total",
            ),
        ],
    )
    keep_anyway = BooleanField(
        "Keep these duties anyway",
        description=(
            "Only if you have checked that the duties named above are right for this post. The "
            "job description will leave out the lines they contradict, and the preview will "
            "warn about them."
        ),
    )
    provider = _text(
        "Peer-led organisation providing the post",
        160,
        description="Only for posts commissioned from a peer-led organisation",
    )
    peer_supervision_by = _text(
        "Who will provide peer supervision or mentoring",
        160,
        description="A senior peer worker, or a peer-led organisation or neighbouring service",
    )
    line_frequency = _text(
        "How often line-management supervision happens",
        80,
        description="For example, every two weeks for the first three months, then monthly",
    )
    peer_frequency = _text("How often peer supervision or mentoring happens", 80)
    reflective_frequency = _text("How often reflective practice happens", 80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pay = catalog().pay
        areas = pay.high_cost_areas.values() if pay else ()
        self.high_cost_area.choices = choices(
            [("", "None")] + [(area.key, area.label) for area in areas]
        )

    def validate_duties(self, field):
        duties = self.duty_lines()
        if len(duties) > DUTIES_MAX_LINES:
            raise ValidationError(f"Enter {DUTIES_MAX_LINES} duties or fewer, one per line")
        if any(len(d) > DUTY_MAX_CHARS for d in duties):
            raise ValidationError(f"Each duty must be {DUTY_MAX_CHARS} characters or fewer")
        self.flags = self.duty_flags()
        if self.flags and not self.keep_anyway.data:
            raise ValidationError(
                "; ".join(flag_message(flag) for flag in self.flags)
                + ". Tasks like these dilute the peer role: remove or reword "
                + ("it" if len(self.flags) == 1 else "them")
                + ", or tick “Keep these duties anyway”"
            )

    def duty_flags(self):
        """The duties typed in that a job description check drift rule flags."""
        return diluting_duties(self.duty_lines(), catalog().jd_check, DOMAIN_KEYS)

    def duty_lines(self) -> list[str]:
        return [line.strip() for line in (self.duties.data or "").splitlines() if line.strip()]

    def details_data(self) -> dict:
        data = {
            name: self[name].data or ""
            for name in (
                "base",
                "salary",
                "accountable_to",
                "provider",
                "peer_supervision_by",
                "line_frequency",
                "peer_frequency",
                "reflective_frequency",
                "high_cost_area",
            )
        }
        data["duties"] = "\n".join(self.duty_lines())
        data["closing_date"] = self.closing_date.form.value()
        return data
