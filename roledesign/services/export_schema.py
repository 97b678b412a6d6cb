"""The shape of an organisation export, checked in full before import-org writes anything.

One pydantic model per section of the file (organisation, members, plans and what each plan
holds, the team survey, job description checks, the audit log), so a section can change on its
own. Values the catalogue decides (statement ids, stakeholder groups, check-in questions, the
kinds of setting) are checked against the catalogue passed in the validation context, and
references inside the file (a plan by its position, a member by address) must resolve.

``problems(data, catalog)`` returns every problem as ``"<path in the file>: <what is wrong>"``,
e.g. ``members[2].role: must be one of admin, manager, hr, viewer``; an empty list means the
file can be restored.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from roledesign.domain.anonymity import MAX_K, MIN_K, POOL
from roledesign.domain.disclosure import RELEASE_VERSION
from roledesign.domain.pay import BAND_LABELS
from roledesign.domain.progress import CHECKIN_ANSWERS, CHECKIN_MONTHS, PERSPECTIVES
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_LABELS
from roledesign.domain.team import TEAM
from roledesign.models.accounts import ROLES, SECTORS
from roledesign.models.learning import ACTION_STATUSES

FORMAT = "roledesign-organisation/2"  # 2: team surveys carry releases, never tallies
FORMAT_1 = "roledesign-organisation/1"  # raw tallies per survey: imported as a release

MAX_ROWS = 100_000  # of any one list: far beyond a real organisation, short of exhausting memory


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("roledesign", message)


def _timestamp(value: str) -> str:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise _problem("must be a date and time like 2026-11-29T09:30:00+00:00") from None
    if when.tzinfo is None:
        raise _problem("must give the time zone, like 2026-11-29T09:30:00+00:00")
    return value


def _day(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _problem("must be a date like 2026-11-29") from None
    return value


def _hours(value: str) -> str:
    try:
        hours = Decimal(value)
    except InvalidOperation:
        raise _problem("must be a number of hours like 37.5, written as text") from None
    if not hours.is_finite() or not Decimal(1) <= hours <= Decimal(48):
        raise _problem("must be between 1 and 48")
    if hours != hours.quantize(Decimal("0.1")):
        raise _problem("must have at most one decimal place")
    return value


def Text(max_length: int, min_length: int = 0):  # noqa: N802 - a type, read as one
    return Annotated[str, Field(strict=True, min_length=min_length, max_length=max_length)]


def Whole(ge: int, le: int):  # noqa: N802
    return Annotated[int, Field(strict=True, ge=ge, le=le)]


def Rows(model, max_length: int = MAX_ROWS):  # noqa: N802
    return Annotated[list[model], Field(max_length=max_length)]


Timestamp = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_timestamp)]
Day = Annotated[str, Field(strict=True, max_length=10), AfterValidator(_day)]
Email = Text(254, 3)
Member = Email | None  # an address of one of the file's members, or nobody
ItemId = Text(16, 1)
LongText = Text(1_000_000)


class Section(BaseModel):
    """Every section: no unknown keys, no missing ones, types as written."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _catalog(info: ValidationInfo):
    return (info.context or {})["catalog"]


def _known_items(values: list[str], info: ValidationInfo) -> list[str]:
    catalog = _catalog(info)
    unknown = [v for v in values if not catalog.has_item(v)]
    if unknown:
        raise _problem(f"{', '.join(unknown[:5])}: no such statement in the checklists")
    if len(set(values)) != len(values):
        raise _problem("lists a statement twice")
    return values


def _unique(rows, key, what: str):
    """Raise on the first row whose key repeats an earlier one."""
    seen = {}
    for n, row in enumerate(rows):
        value = key(row)
        if value in seen:
            raise _problem(f"{what} {value} appears twice (rows {seen[value]} and {n})")
        seen[value] = n


class OrganisationSection(Section):
    name: Text(160, 1)
    sector: Literal[tuple(SECTORS)]
    anonymity_k: Whole(MIN_K, MAX_K)
    created_at: Timestamp


class MemberSection(Section):
    email: Email
    name: Text(120, 1)
    role: Literal[tuple(ROLES)]
    joined_at: Timestamp


class AnswerSection(Section):
    item: ItemId
    status: Literal[tuple(STATUS_LABELS)] | None
    importance: Literal[tuple(IMPORTANCE_LABELS)] | None
    note: Text(10_000)

    @field_validator("item")
    @classmethod
    def _known(cls, value, info):
        return _known_items([value], info)[0]


class RoundSection(Section):
    round: Whole(1, 1000)
    created_at: Timestamp
    confirmed_at: Timestamp | None
    closed_at: Timestamp | None
    answers: Rows(AnswerSection, 1000)

    @model_validator(mode="after")
    def _one_answer_per_statement(self):
        _unique(self.answers, lambda a: a.item, "statement")
        return self


class ActionSection(Section):
    title: Text(300, 1)
    items: Annotated[list[ItemId], Field(max_length=1000)]
    owner_member: Member
    owner_name: Text(120)
    due_on: Day
    status: Literal[tuple(ACTION_STATUSES)]
    drop_reason: Text(10_000)
    notes: Text(10_000)
    closed_at: Timestamp | None
    created_at: Timestamp

    @field_validator("items")
    @classmethod
    def _known(cls, value, info):
        return _known_items(value, info)


class DetailsSection(Section):
    base: Text(120)
    salary: Text(120)
    closing_date: Day | None
    accountable_to: Text(120)
    duties: Text(100_000)
    provider: Text(160)
    peer_supervision_by: Text(160)
    line_frequency: Text(80)
    peer_frequency: Text(80)
    reflective_frequency: Text(80)
    high_cost_area: Text(16)

    @field_validator("high_cost_area")
    @classmethod
    def _known_area(cls, value, info):
        pay = _catalog(info).pay
        areas = list(pay.high_cost_areas) if pay else []
        if value and value not in areas:
            raise _problem(f"must be empty or one of {', '.join(areas)}")
        return value


class VersionSection(Section):
    number: Whole(1, 1_000_000)
    inputs: LongText
    fingerprint: Text(64, 1)
    created_by: Member
    created_at: Timestamp


class TickSection(Section):
    line: Text(32, 1)
    by: Member
    by_name: Text(120)
    at: Timestamp


class DocumentsSection(Section):
    details: DetailsSection | None
    versions: Rows(VersionSection)
    ticks: Rows(TickSection)

    @model_validator(mode="after")
    def _no_repeats(self):
        _unique(self.versions, lambda v: v.number, "version")
        _unique(self.ticks, lambda t: t.line, "checklist line")
        return self


class TallySection(Section):
    group: Text(24, 1)
    item: ItemId
    yes: Whole(0, 10_000_000)
    partly: Whole(0, 10_000_000)
    no: Whole(0, 10_000_000)
    dont_know: Whole(0, 10_000_000)
    not_relevant: Whole(0, 10_000_000)
    importance_total: Whole(0, 40_000_000)
    importance_given: Whole(0, 10_000_000)

    @field_validator("item")
    @classmethod
    def _known(cls, value, info):
        return _known_items([value], info)[0]

    @field_validator("group")
    @classmethod
    def _known_group(cls, value, info):
        return _known_group(value, info)


def _known_group(value: str, info: ValidationInfo) -> str:
    groups = _catalog(info).team.group_keys
    if value not in groups:
        raise _problem(f"must be one of {', '.join(groups)}")
    return value


def _known_group_keys(value: dict, info: ValidationInfo) -> dict:
    """A mapping keyed by stakeholder groups: every key one of the catalogue's groups."""
    for group in value:
        _known_group(group, info)
    return value


class TeamSurveyV1Section(Section):
    """A team survey as format 1 carried it (raw tallies). Still read, so that old exports can
    be restored; the import turns it into a release through the disclosure gate."""

    item_ids: Annotated[list[ItemId], Field(max_length=1000)]
    is_open: bool
    closes_on: Day | None
    created_at: Timestamp
    group_counts: dict[Text(24, 1), Whole(0, 100_000)]
    tallies: Rows(TallySection)
    comments: Annotated[list[Text(10_000)], Field(max_length=100_000)]
    first_response_on: Day | None

    @field_validator("item_ids")
    @classmethod
    def _known(cls, value, info):
        return _known_items(value, info)

    @field_validator("group_counts")
    @classmethod
    def _known_groups(cls, value, info):
        return _known_group_keys(value, info)

    @model_validator(mode="after")
    def _one_tally_per_group_and_statement(self):
        _unique(self.tallies, lambda t: f"{t.group}/{t.item}", "tally")
        return self


Cell = Annotated[list[Whole(0, 10_000_000)], Field(min_length=4, max_length=4)]
NoisyCell = Annotated[list[float], Field(min_length=4, max_length=4)]


class FiguresSection(Section):
    """What a survey's release may show (roledesign.domain.disclosure.release). Checked against
    the disclosure rules themselves: a crafted file cannot bring in a figure that rests on fewer
    than k people."""

    version: Literal[RELEASE_VERSION]
    k: Whole(MIN_K, MAX_K)
    total: Whole(0, 10_000_000)
    groups: dict[Text(24, 1), Whole(0, 10_000_000)]
    pool: Whole(0, 10_000_000) | None
    cells: dict[Text(24, 1), dict[ItemId, Cell]]
    comments: Annotated[list[Text(10_000)], Field(max_length=100_000)]
    sector: dict[ItemId, NoisyCell]

    @field_validator("groups")
    @classmethod
    def _known_groups(cls, value, info):
        return _known_group_keys(value, info)

    @field_validator("cells", "sector")
    @classmethod
    def _known_statements(cls, value, info):
        for statements in value.values() if info.field_name == "cells" else (value,):
            _known_items(list(statements), info)
        return value

    @model_validator(mode="after")
    def _every_figure_rests_on_k_people(self):
        small = [g for g, n in self.groups.items() if n < self.k]
        if small:
            raise _problem(f"groups {', '.join(small)} have fewer than k = {self.k} people")
        if self.pool is not None and self.pool < self.k:
            raise _problem(f"the pool has fewer than k = {self.k} people")
        units = {TEAM, POOL, *self.groups}
        unknown = [u for u in self.cells if u not in units]
        if unknown:
            raise _problem(f"cells for {', '.join(unknown)}, which is not a group shown")
        for unit, statements in self.cells.items():
            thin = [item for item, cell in statements.items() if sum(cell) < self.k]
            if thin:
                raise _problem(f"cells.{unit}: {', '.join(thin[:5])} rest on fewer than k people")
        return self


class ReleaseSection(Section):
    closed_on: Day
    figures: FiguresSection


class TeamSurveySection(Section):
    """A team survey as format 2 carries it: its release once closed, never raw answers."""

    item_ids: Annotated[list[ItemId], Field(max_length=1000)]
    is_open: bool
    closes_on: Day | None
    created_at: Timestamp
    release: ReleaseSection | None

    @field_validator("item_ids")
    @classmethod
    def _known(cls, value, info):
        return _known_items(value, info)

    @model_validator(mode="after")
    def _released_once_closed(self):
        if self.is_open and self.release is not None:
            raise _problem("an open survey has no release yet")
        return self


class CheckInSection(Section):
    month: Literal[tuple(CHECKIN_MONTHS)]
    perspective: Literal[tuple(PERSPECTIVES)]
    answers: dict[Text(64, 1), Literal[tuple(CHECKIN_ANSWERS)]]
    note: Text(10_000)
    recorded_on: Day

    @field_validator("answers")
    @classmethod
    def _known_questions(cls, value, info):
        keys = {q.key for q in _catalog(info).checkin_questions}
        unknown = [k for k in value if k not in keys]
        if unknown:
            raise _problem(f"{', '.join(unknown[:5])}: no such check-in question")
        return value


class PlanSection(Section):
    title: Text(120, 1)
    team: Text(120, 1)
    setting: Text(32, 1)
    introduction: Text(32, 1)
    employment: Text(16, 1)
    band: Text(16, 1) | None
    hours: Annotated[str, Field(strict=True, max_length=20), AfterValidator(_hours)]
    peer_workers: Whole(1, 50)
    line_manager: Text(120)
    created_by: Member
    created_at: Timestamp
    rounds: Rows(RoundSection, 1000)
    actions: Rows(ActionSection)
    documents: DocumentsSection
    team_survey: TeamSurveyV1Section | None = None  # format 1
    team_surveys: Rows(TeamSurveySection, 100) | None = None  # format 2
    check_ins: Rows(CheckInSection, 100)

    @model_validator(mode="before")
    @classmethod
    def _surveys_as_the_format_says(cls, data, info):
        if isinstance(data, dict):
            key, other = (
                ("team_survey", "team_surveys")
                if (info.context or {}).get("format") == FORMAT_1
                else ("team_surveys", "team_survey")
            )
            if key not in data:
                raise _problem(f"{key} is missing")
            if other in data:
                raise _problem(f"{other} is not part of this export format")
        return data

    @field_validator("setting", "introduction", "employment")
    @classmethod
    def _context(cls, value, info):
        allowed = [key for key, _ in _catalog(info).context[info.field_name].values]
        if value not in allowed:
            raise _problem(f"must be one of {', '.join(allowed)}")
        return value

    @field_validator("band")
    @classmethod
    def _band(cls, value, info):
        if value is not None and value not in BAND_LABELS:
            raise _problem(f"must be one of {', '.join(BAND_LABELS)}, or null")
        return value

    @model_validator(mode="after")
    def _no_repeats(self):
        _unique(self.rounds, lambda r: r.round, "round")
        _unique(self.check_ins, lambda c: f"{c.month}/{c.perspective}", "check-in")
        return self


class JdCheckSection(Section):
    name: Text(200, 1)
    source: Literal["paste", "txt", "docx", "pdf"]
    text: Text(1_000_000, 1)
    plan: Whole(0, MAX_ROWS) | None  # the position of its plan in "plans"
    created_by: Member
    created_at: Timestamp


class AuditSection(Section):
    when: Timestamp
    who: Member
    action: Text(32, 1)
    subject: Text(200)
    detail: Text(100_000)


class Export(Section):
    format: Literal[FORMAT, FORMAT_1]
    organisation: OrganisationSection
    members: Rows(MemberSection, 10_000)
    plans: Rows(PlanSection, 10_000)
    jd_checks: Rows(JdCheckSection)
    audit: Rows(AuditSection, 1_000_000)


def _references(export: Export) -> list[str]:
    """Problems with what one part of the file says about another."""
    found = []
    emails: dict[str, int] = {}
    for n, member in enumerate(export.members):
        key = member.email.lower()
        if key in emails:
            found.append(
                f"members[{n}].email: {member.email} appears twice (also members[{emails[key]}])"
            )
        emails.setdefault(key, n)

    def member(path: str, email: str | None):
        if email is not None and email.lower() not in emails:
            found.append(f"{path}: {email} is not one of the members in the file")

    for p, plan in enumerate(export.plans):
        member(f"plans[{p}].created_by", plan.created_by)
        for a, action in enumerate(plan.actions):
            member(f"plans[{p}].actions[{a}].owner_member", action.owner_member)
        for v, version in enumerate(plan.documents.versions):
            member(f"plans[{p}].documents.versions[{v}].created_by", version.created_by)
        for t, tick in enumerate(plan.documents.ticks):
            member(f"plans[{p}].documents.ticks[{t}].by", tick.by)
    for c, check in enumerate(export.jd_checks):
        member(f"jd_checks[{c}].created_by", check.created_by)
        if check.plan is not None and check.plan >= len(export.plans):
            found.append(
                f"jd_checks[{c}].plan: refers to plan {check.plan}, but the file has "
                f"{len(export.plans)} plan{'' if len(export.plans) == 1 else 's'} "
                f"(counted from 0)"
            )
    for e, event in enumerate(export.audit):
        member(f"audit[{e}].who", event.who)
    return found


def _path(location: tuple) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).startswith(("function-", "literal[", "nullable[", "union[")) or part in (
            "str",
            "int",
            "none",
        ):
            continue  # pydantic's names for the alternatives of a union, not keys in the file
        else:
            path += f".{part}" if path else str(part)
    return path or "the file"


def _message(error: dict) -> str:
    kind, context = error["type"], error.get("ctx") or {}
    if kind == "roledesign":
        return error["msg"]
    if kind == "literal_error":
        options = context.get("expected", "")
        return "must be one of " + options.replace("'", "").replace(" or ", ", ")
    messages = {
        "missing": "is missing",
        "extra_forbidden": "is not part of the export format",
        "int_type": "must be a whole number",
        "int_from_float": "must be a whole number",
        "string_type": "must be text in quotes",
        "bool_type": "must be true or false",
        "list_type": "must be a list [...]",
        "dict_type": "must be an object {...}",
        "model_type": "must be an object {...}",
        "model_attributes_type": "must be an object {...}",
        "none_required": "must be null",
        "greater_than_equal": f"must be at least {context.get('ge')}",
        "less_than_equal": f"must be at most {context.get('le')}",
        "string_too_short": "must not be empty",
        "string_too_long": f"must be at most {context.get('max_length')} characters",
        "too_long": f"must have at most {context.get('max_length')} entries",
        "recursion_loop": "nests too deeply",
    }
    return messages.get(kind, error["msg"][:1].lower() + error["msg"][1:])


def problems(data, catalog, limit: int = 50) -> list[str]:
    """Every problem with the file (the first ``limit``), each naming where it is."""
    try:
        context = {
            "catalog": catalog,
            "format": data.get("format") if isinstance(data, dict) else None,
        }
        export = Export.model_validate(data, context=context)
    except ValidationError as err:
        found, seen = [], set()
        for error in err.errors(include_url=False):
            line = f"{_path(error['loc'])}: {_message(error)}"
            # A union reports each alternative; one line per place and message is enough.
            if line not in seen:
                seen.add(line)
                found.append(line)
        return _collapse_unions(found)[:limit]
    return _references(export)[:limit]


def _collapse_unions(lines: list[str]) -> list[str]:
    """For `X | None` fields pydantic also says the value "must be null": drop that line when
    the same place has a better one."""
    places = {line.split(": ", 1)[0] for line in lines if not line.endswith("must be null")}
    return [
        line
        for line in lines
        if not (line.endswith(": must be null") and line.split(": ", 1)[0] in places)
    ]
