from wtforms import SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import DataRequired, Length, ValidationError

from roledesign.models import ACTION_STATUSES
from roledesign.web.concurrency import stamp_field
from roledesign.web.forms import BaseForm, DateInputField, RadioField, SelectField, choices

NOTES_MAX = 2000


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes; values that are not offered get a plain message."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form):
        offered = {str(choice.value) for choice in self.choices}
        if any(value not in offered for value in self.data or ()):
            raise ValidationError("Choose statements from the list")


class ActionForm(BaseForm):
    stamp = stamp_field()
    title = TextAreaField(
        "What will be done?",
        description="Start with a verb, for example 'Brief the team about the peer role'.",
        validators=[
            DataRequired("Say what will be done"),
            Length(max=300, message="The action must be 300 characters or fewer"),
        ],
    )
    item_ids = CheckboxesField("Which gaps does this action address?")
    owner_user_id = SelectField(
        "Who owns this action?",
        description="Choose a member of your organisation, or type a name below (a typed name is used)",
        invalid_message="Choose a member of your organisation from the list",
    )
    owner_name = StringField(
        "Or someone else (name and role)",
        validators=[Length(max=120, message="The owner's name must be 120 characters or fewer")],
    )
    due_on = DateInputField(
        "When is it due?",
        description="For example, 15 3 2027",
        required_message="Enter the date the action is due",
        invalid_message="Enter a real date, for example 15 3 2027",
    )
    status = RadioField(
        "Status",
        choices=choices(ACTION_STATUSES.items()),
        default="not_started",
        validators=[DataRequired("Select the status of the action")],
        invalid_message="Select the status of the action",
    )
    drop_reason = TextAreaField(
        "Why is it being dropped?",
        validators=[
            Length(max=NOTES_MAX, message=f"The reason must be {NOTES_MAX} characters or fewer")
        ],
    )
    notes = TextAreaField(
        "Notes (optional)",
        validators=[
            Length(max=NOTES_MAX, message=f"Notes must be {NOTES_MAX} characters or fewer")
        ],
    )

    def __init__(self, *args, members=(), gap_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_user_id.choices = choices(
            [("", "Someone not listed"), *((str(m.id), m.name) for m in members)]
        )
        self.item_ids.choices = choices(
            (item.id, f"{item.id}: {item.statement}") for item in gap_items
        )

    def validate_owner_name(self, field):
        if not field.data and not self.owner_user_id.data:
            raise ValidationError("Choose who owns this action, or type their name")

    def validate_drop_reason(self, field):
        if self.status.data == "dropped" and not field.data:
            raise ValidationError("Say why the action is being dropped")

    def action_data(self) -> dict:
        return {
            "title": self.title.data,
            "item_ids": list(self.item_ids.data or ()),
            # A typed name wins: it is the deliberate choice when the list still shows a member.
            "owner_user_id": (
                int(self.owner_user_id.data)
                if self.owner_user_id.data and not self.owner_name.data
                else None
            ),
            "owner_name": self.owner_name.data or "",
            "due_on": self.due_on.data,
            "status": self.status.data,
            "drop_reason": self.drop_reason.data if self.status.data == "dropped" else "",
            "notes": self.notes.data or "",
        }
