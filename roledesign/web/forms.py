"""The project's base form and fields: every field's text is stripped of surrounding white space
and control characters; number, choice and date fields say what to type when input is wrong."""

import re
from datetime import date

from flask_wtf import FlaskForm
from wtforms import Form, SelectChoice, fields
from wtforms.utils import unset_value
from wtforms.validators import DataRequired, Email, Length, ValidationError


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choice objects."""
    return [SelectChoice(value, label) for value, label in pairs]


# Control characters (NUL above all, which PostgreSQL refuses in text) never belong in what a
# person types; tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _strip(value):
    """Surrounding white space and control characters removed from every text field."""
    return _CONTROL.sub("", value).strip() if isinstance(value, str) else value


class _StripMeta:
    def bind_field(self, form, unbound_field, options):
        if not issubclass(unbound_field.field_class, fields.StringField):
            return unbound_field.bind(form=form, **options)
        filters = list(unbound_field.kwargs.get("filters", ()))
        if _strip not in filters:
            filters.append(_strip)
        return unbound_field.bind(form=form, filters=filters, **options)


class SubForm(Form):
    """For FormField groups inside a BaseForm (the outer form carries the CSRF token)."""

    class Meta(_StripMeta):
        pass


class BaseForm(FlaskForm):
    class Meta(_StripMeta):
        pass

    def error_list(self) -> list[dict]:
        """Errors in page order, shaped for the nhsuk error summary: one line per field."""
        items = []
        for field in self:
            for sub in getattr(field, "form", None) or [field]:
                if sub.errors:
                    message = sub.errors[0] if isinstance(sub.errors, list) else sub.errors
                    # nhsuk radios give the first option the group's id, so this works for both;
                    # a date links to its day box.
                    anchor = (
                        "maincontent" if sub.name == "stamp" else getattr(sub, "anchor_id", sub.id)
                    )
                    items.append({"text": message, "href": f"#{anchor}"})
        return items


class _InvalidMessage:
    """Fields that say what to type or choose instead of WTForms' 'Not a valid ...' messages."""

    def __init__(self, *args, invalid_message: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as err:
            raise ValueError(self.invalid_message) from err


class DecimalField(_InvalidMessage, fields.DecimalField):
    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        # "NaN", "sNaN" and "Infinity" parse as decimals, but are not amounts anyone means.
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(self.invalid_message)


class IntegerField(_InvalidMessage, fields.IntegerField):
    pass


class _ChoiceMessage(_InvalidMessage):
    """Choice fields whose tampered or unknown values get a message that says what to choose."""

    def pre_validate(self, form):
        if self.data in (None, ""):
            return  # whether an answer is required is the validators' business
        try:
            super().pre_validate(form)
        except ValidationError as err:
            raise ValidationError(self.invalid_message) from err


class RadioField(_ChoiceMessage, fields.RadioField):
    pass


class SelectField(_ChoiceMessage, fields.SelectField):
    pass


class DateInputField(fields.Field):
    """The NHS date input: day, month and year boxes (named ``<name>[day]`` and so on) read as
    one date. What was typed is kept for showing back, even when it is not a date."""

    PARTS = ("day", "month", "year")

    def __init__(
        self,
        label=None,
        validators=None,
        *,
        required_message: str = "",
        invalid_message: str,
        **kwargs,
    ):
        super().__init__(label, validators, **kwargs)
        self.required_message = required_message
        self.invalid_message = invalid_message
        self.parts = dict.fromkeys(self.PARTS, "")

    @property
    def anchor_id(self) -> str:
        return f"{self.id}-day"

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.object_data = data
        self.data = data if isinstance(data, date) else None
        if self.data:
            self.parts = {
                "day": str(self.data.day),
                "month": str(self.data.month),
                "year": str(self.data.year),
            }
        if formdata is None:
            return
        typed = {
            part: (formdata.get(f"{self.name}[{part}]") or "").strip()[:8] for part in self.PARTS
        }
        if not any(f"{self.name}[{part}]" in formdata for part in self.PARTS):
            return
        self.parts = typed
        self.raw_data = [typed[p] for p in self.PARTS]
        self.data = None
        if not any(typed.values()):
            return
        try:
            year = int(typed["year"])
            if not 2000 <= year <= 2100:
                raise ValueError("year out of range")
            self.data = date(year, int(typed["month"]), int(typed["day"]))
        except ValueError:
            self.process_errors.append(self.invalid_message)

    def pre_validate(self, form):
        if self.data is None and not self.process_errors and self.required_message:
            raise ValidationError(self.required_message)


def email_field(label: str = "Email address", *, required: str = "Enter your email address"):
    """An email address field with the same checks and messages everywhere."""
    return fields.EmailField(
        label,
        validators=[
            DataRequired(required),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(
                "Enter an email address in the correct format, like name@example.org",
                check_deliverability=False,
            ),
        ],
    )
