"""Questionnaire forms, built from catalogue items rather than written out per question."""

from wtforms import FormField, TextAreaField
from wtforms.validators import Length, Optional

from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_LABELS
from roledesign.web.concurrency import stamp_field
from roledesign.web.forms import BaseForm, RadioField, SubForm, choices

NOTE_MAX = 2000


class ItemRatingForm(SubForm):
    """The two questions asked of every statement: is it in place, and how important is it."""

    status = RadioField(
        "Is this in place here?",
        choices=choices(STATUS_LABELS.items()),
        validators=[Optional()],
        invalid_message="Select Yes, Partly, No, Don't know or Not relevant",
    )
    importance = RadioField(
        "How important is this to us?",
        choices=choices(IMPORTANCE_LABELS.items()),
        coerce=int,
        validators=[Optional()],
        invalid_message="Select how important this is, from 1 (not at all) to 4 (extremely)",
    )


class ItemAnswerForm(ItemRatingForm):
    """The manager's answer, with room for a note."""

    note = TextAreaField(
        "Note (optional)",
        validators=[
            Optional(),
            Length(max=NOTE_MAX, message=f"Note must be {NOTE_MAX} characters or fewer"),
        ],
    )


def field_name(item_id: str) -> str:
    """'DIS-01' -> 'DIS_01': WTForms uses the name as an attribute and '-' as its separator."""
    return item_id.replace("-", "_")


def form_data(items, answers, notes) -> dict:
    """Saved answers shaped as the domain form's initial data."""
    data = {}
    for item in items:
        answer = answers.get(item.id)
        data[field_name(item.id)] = {
            "status": answer.status if answer else None,
            "importance": answer.importance if answer else None,
            "note": notes.get(item.id, ""),
        }
    return data


def submitted_values(items, form) -> dict[str, tuple[str | None, int | None, str]]:
    """The answers a submitted domain form holds: {item id: (status, importance, note)}."""
    values = {}
    for item in items:
        group = form[field_name(item.id)]
        values[item.id] = (
            group.status.data or None,
            group.importance.data or None,
            group.note.data or "",
        )
    return values


def domain_form(items, *, formdata=None, data=None, answer_form=ItemAnswerForm) -> BaseForm:
    """A form with one ``answer_form`` group per item, in catalogue order."""
    attrs = {field_name(item.id): FormField(answer_form, label=item.statement) for item in items}
    attrs["stamp"] = stamp_field()
    form_class = type("DomainAnswersForm", (BaseForm,), attrs)
    kwargs = {"data": data} if data is not None else {}
    if formdata is not None:
        kwargs["formdata"] = formdata
    return form_class(**kwargs)
