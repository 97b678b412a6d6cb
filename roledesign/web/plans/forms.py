from decimal import Decimal, InvalidOperation

from wtforms import StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from roledesign.models.plans import BAND_LABELS, DESCRIPTION_FIELDS
from roledesign.web.concurrency import stamp_field
from roledesign.web.forms import (
    BaseForm,
    DecimalField,
    IntegerField,
    RadioField,
    SelectField,
    choices,
)
from roledesign.web.template_helpers import catalog

BANDS = [("", "Select a band"), *BAND_LABELS.items()]


def _choices(context_key: str):
    return choices(catalog().context[context_key].values)


class PlanForm(BaseForm):
    """Describe the post. Choices for setting and introduction come from checklists/context.yaml."""

    stamp = stamp_field()

    title = StringField(
        "Job title",
        description="For example, Peer support worker",
        validators=[
            DataRequired("Enter the job title"),
            Length(max=120, message="Job title must be 120 characters or fewer"),
        ],
    )
    team = StringField(
        "Team or service",
        description="For example, North locality community mental health team",
        validators=[
            DataRequired("Enter the team or service"),
            Length(max=120, message="Team or service must be 120 characters or fewer"),
        ],
    )
    setting = RadioField(
        "What kind of service is it?",
        validators=[DataRequired("Select the kind of service")],
        invalid_message="Select the kind of service",
    )
    introduction = RadioField(
        "How is the post being introduced?",
        validators=[DataRequired("Select how the post is being introduced")],
        invalid_message="Select how the post is being introduced",
    )
    employment = RadioField(
        "Is the post paid or voluntary?",
        validators=[DataRequired("Select whether the post is paid or voluntary")],
        invalid_message="Select whether the post is paid or voluntary",
    )
    band = SelectField(
        "Pay band",
        description="Leave this if the post is voluntary",
        choices=choices(BANDS),
        default="",
        invalid_message="Select a pay band from the list",
    )
    hours = DecimalField(
        "Hours per week",
        description="For example, 22.5 or 37.5",
        places=1,
        invalid_message="Hours per week must be a number, like 22.5",
        validators=[
            InputRequired("Enter the hours per week"),
            NumberRange(
                min=Decimal("1"),
                max=Decimal("48"),
                message="Hours per week must be between 1 and 48",
            ),
        ],
    )
    peer_workers = IntegerField(
        "How many peer workers will the team have, including this post?",
        invalid_message="The number of peer workers must be a whole number, like 2",
        validators=[
            InputRequired("Enter how many peer workers the team will have"),
            NumberRange(
                min=1, max=50, message="The number of peer workers must be between 1 and 50"
            ),
        ],
    )
    line_manager = StringField(
        "Who will line manage the peer worker?",
        description="Their job title, for example Team manager or Peer support lead",
        validators=[
            DataRequired("Enter who will line manage the peer worker"),
            Length(max=120, message="Line manager must be 120 characters or fewer"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setting.choices = _choices("setting")
        self.introduction.choices = _choices("introduction")
        self.employment.choices = _choices("employment")

    def validate_band(self, field):
        if self.employment.data == "paid" and not field.data:
            raise ValidationError(
                "Select the pay band, or 'Local pay scale' if it is not on Agenda for Change"
            )

    def plan_data(self) -> dict:
        data = {name: self[name].data for name in DESCRIPTION_FIELDS}
        if data["employment"] != "paid":
            data["band"] = None
        return data


def prefill_data(args) -> dict:
    """Starting values for a new plan from the query string, e.g. from a job description check.

    Only values the form would accept are kept; everything is validated again on submit.
    """
    data = {}
    for name in ("title", "team", "line_manager"):
        value = " ".join(str(args.get(name, "")).split())
        if 0 < len(value) <= 120:
            data[name] = value
    for name in ("setting", "introduction", "employment"):
        if args.get(name) in dict(catalog().context[name].values):
            data[name] = args[name]
    if args.get("band") in BAND_LABELS:
        data["band"] = args["band"]
    try:
        hours = Decimal(str(args.get("hours", "")))
        if Decimal("1") <= hours <= Decimal("48"):
            data["hours"] = hours
    except InvalidOperation:
        pass
    peers = str(args.get("peer_workers", ""))
    if peers.isascii() and peers.isdigit() and len(peers) <= 2 and 1 <= int(peers) <= 50:
        data["peer_workers"] = int(peers)
    return data
