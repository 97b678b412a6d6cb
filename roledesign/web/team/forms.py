"""The manager's forms: which statements to ask, the closing date, and the anonymity threshold."""

from datetime import date

from wtforms import FormField, SelectMultipleField, StringField, widgets
from wtforms.validators import InputRequired, NumberRange, ValidationError

from roledesign.domain.anonymity import MAX_K, MIN_K
from roledesign.web.forms import BaseForm, IntegerField, SubForm, choices


class CheckboxesField(SelectMultipleField):
    """Checkboxes whose tampered values get a message saying what to choose."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def __init__(self, *args, invalid_message: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def pre_validate(self, form):
        known = {c.value for c in self.choices}
        if any(value not in known for value in self.data or ()):
            raise ValidationError(self.invalid_message)


class DateForm(SubForm):
    day = StringField("Day")
    month = StringField("Month")
    year = StringField("Year")


class ActionForm(BaseForm):
    """A button that changes something: only the CSRF token."""


def statements_field(domain, items) -> CheckboxesField:
    return CheckboxesField(
        domain.title,
        choices=choices((item.id, item.statement) for item in items),
        invalid_message="Choose statements from the list under " + domain.title,
    )


def setup_form(domains_items, *, today: date, formdata=None, data=None) -> BaseForm:
    """One checkbox group per domain (all ticked by default) and an optional closing date."""

    class SurveySetupForm(BaseForm):
        closes = FormField(DateForm, label="Closing date (optional)")

        def validate(self, extra_validators=None):
            ok = super().validate(extra_validators)
            problem = self.read_closing_date(today)
            if problem:
                self.closes.form.day.errors = [problem]
                ok = False
            if ok and not self.item_ids():
                first = self[self.domain_fields[0]]
                first.errors = ["Select at least one statement to ask your team"]
                ok = False
            return ok

        def read_closing_date(self, today: date) -> str | None:
            """Set ``closes_on`` from the three boxes; return what is wrong, if anything."""
            self.closes_on = None
            sub = self.closes.form
            parts = [sub.day.data or "", sub.month.data or "", sub.year.data or ""]
            if not any(parts):
                return None
            if not all(parts):
                return "Closing date must include a day, month and year"
            try:
                closes_on = date(int(parts[2]), int(parts[1]), int(parts[0]))
            except (ValueError, OverflowError):
                return "Closing date must be a real date, like 31 3 2027"
            if closes_on < today:
                return "Closing date must be today or in the future"
            self.closes_on = closes_on
            return None

        def item_ids(self) -> list[str]:
            return [i for name in self.domain_fields for i in (self[name].data or [])]

    SurveySetupForm.domain_fields = []
    for domain, items in domains_items:
        if items:
            name = f"items_{domain.key}"
            setattr(SurveySetupForm, name, statements_field(domain, items))
            SurveySetupForm.domain_fields.append(name)
    kwargs = {"data": data} if data is not None else {}
    if formdata is not None:
        kwargs["formdata"] = formdata
    form = SurveySetupForm(**kwargs)
    form.closes_on = None
    return form


class AnonymityForm(BaseForm):
    k = IntegerField(
        "Smallest group whose results are shown",
        description=(
            f"A number from {MIN_K} to {MAX_K}. Groups with fewer people than this are combined "
            "with other small groups or left out."
        ),
        invalid_message=f"Enter a whole number from {MIN_K} to {MAX_K}, like 5",
        validators=[
            InputRequired(f"Enter a whole number from {MIN_K} to {MAX_K}, like 5"),
            NumberRange(
                min=MIN_K,
                max=MAX_K,
                message=f"The smallest group must be between {MIN_K} and {MAX_K} people",
            ),
        ],
    )
