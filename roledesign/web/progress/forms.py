from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from roledesign.models.learning import CHECKIN_ANSWERS, CHECKIN_MONTHS, PERSPECTIVES
from roledesign.web.forms import BaseForm, RadioField, SubForm, choices


class CheckinAnswerForm(SubForm):
    answer = RadioField(
        "Answer",
        choices=choices(CHECKIN_ANSWERS.items()),
        validators=[DataRequired("Answer this question")],
        invalid_message="Select Yes, Partly, No or Don't know",
    )


def checkin_form(questions, **kwargs):
    """A check-in form with one answer per question from checklists/checkins.yaml."""
    from wtforms import FormField

    attrs = {
        "month": RadioField(
            "When is this check-in?",
            choices=choices(CHECKIN_MONTHS.items()),
            coerce=int,
            validators=[DataRequired("Select when this check-in is")],
            invalid_message="Select 3, 6 or 12 months",
        ),
        "perspective": RadioField(
            "Whose view is this?",
            choices=choices(PERSPECTIVES.items()),
            validators=[DataRequired("Select whose view this is")],
            invalid_message="Select the peer worker or the line manager",
        ),
        "note": TextAreaField(
            "Anything else to record? (optional)",
            validators=[
                Optional(),
                Length(max=2000, message="The note must be 2000 characters or fewer"),
            ],
        ),
    }
    for question in questions:
        attrs[f"q_{question.key}"] = FormField(CheckinAnswerForm, label=question.question)
    return type("CheckinForm", (BaseForm,), attrs)(**kwargs)
