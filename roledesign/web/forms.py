"""The project's base form: every field's text is stripped of surrounding whitespace."""

from flask_wtf import FlaskForm
from wtforms import Form, SelectChoice, fields
from wtforms.validators import ValidationError


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choice objects."""
    return [SelectChoice(value, label) for value, label in pairs]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


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
                    # nhsuk radios give the first option the group's id, so this works for both.
                    items.append({"text": message, "href": f"#{sub.id}"})
        return items


class _FriendlyNumber:
    """Number fields that say what to type instead of 'Not a valid decimal value'."""

    def __init__(self, *args, invalid_message: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as err:
            raise ValueError(self.invalid_message) from err


class DecimalField(_FriendlyNumber, fields.DecimalField):
    pass


class IntegerField(_FriendlyNumber, fields.IntegerField):
    pass


class _ChoiceMessage:
    """Choice fields whose tampered or unknown values get a message that says what to choose."""

    def __init__(self, *args, invalid_message: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as err:
            raise ValueError(self.invalid_message) from err

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
