"""The respondent's forms. The statement pages reuse the readiness questionnaire's form builder."""

import hashlib

from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from roledesign.web.assessment.forms import ItemRatingForm, domain_form
from roledesign.web.forms import BaseForm, RadioField, choices

COMMENT_MAX = 1000


def group_form(groups, **kwargs) -> BaseForm:
    class GroupForm(BaseForm):
        group = RadioField(
            "Which of these best describes you?",
            choices=choices((g.key, g.label) for g in groups),
            validators=[DataRequired("Select the group that best describes you")],
            invalid_message="Select one of the groups listed",
        )

    return GroupForm(**kwargs)


def statements_form(items, **kwargs) -> BaseForm:
    """In place? and importance for each statement: the manager's form without the note."""
    return domain_form(items, answer_form=ItemRatingForm, **kwargs)


class FinishForm(BaseForm):
    comment = TextAreaField(
        "Anything else you would like to say about the peer worker role? (optional)",
        description=(
            "Comments are shown word for word to the people who read the team report, once many "
            "people have responded, and never next to a group's results. Do not include names, "
            "or anything that would show who you are, such as your job or being the only one."
        ),
        validators=[
            Optional(),
            Length(max=COMMENT_MAX, message=f"Comment must be {COMMENT_MAX} characters or fewer"),
        ],
    )
    # The comment the respondent was asked to check, as a fingerprint: the same comment sent
    # again goes through; a changed one that still names a role is checked again.
    checked = HiddenField()

    def _fingerprint(self) -> str:
        return hashlib.sha256((self.comment.data or "").encode()).hexdigest()[:16]

    def is_checked(self) -> bool:
        return self.checked.data == self._fingerprint()

    def mark_checked(self) -> None:
        self.checked.data = self._fingerprint()


class SendAgainForm(BaseForm):
    """Start a new set of answers on a shared device (only the CSRF token)."""
