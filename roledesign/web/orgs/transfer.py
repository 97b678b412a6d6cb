"""Export an organisation as JSON, restore it into an empty database, or delete it entirely.

The export holds no database ids (records refer to each other by position) and no password
hashes (restored members set a password through "Forgotten your password?"), so exporting a
restored copy gives the same JSON as the original export.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

from flask import current_app
from sqlalchemy import delete, func, select

from roledesign.extensions import db
from roledesign.models import (
    Action,
    ActionItem,
    Answer,
    Assessment,
    AuditEvent,
    CheckIn,
    ChecklistTick,
    DocumentDetails,
    DocumentVersion,
    Invitation,
    JdCheck,
    Membership,
    Organisation,
    RolePlan,
    TeamAnswer,
    TeamCount,
    TeamInvitation,
    TeamInvitedAddress,
    TeamResponse,
    TeamSurvey,
    TeamTally,
    User,
)
from roledesign.models.accounts import new_session_token
from roledesign.models.documents import DETAIL_FIELDS
from roledesign.models.plans import DESCRIPTION_FIELDS
from roledesign.web.orgs import export_schema

FORMAT = "roledesign-organisation/1"
# The closing date travels as ISO text, the other details as they are.
EXPORTED_DETAILS = tuple(field for field in DETAIL_FIELDS if field != "closing_date")
# Hours travel as text (a Decimal), the rest of the description as it is.
EXPORTED_DESCRIPTION = tuple(field for field in DESCRIPTION_FIELDS if field != "hours")


class TransferError(Exception):
    """The export cannot be restored here; the message says why."""


def _when(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive datetimes; they are stored in UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def _parse_when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def export_organisation(organisation: Organisation) -> dict:
    """Everything the organisation owns, in a stable order."""
    members = db.session.execute(
        select(User.email, User.name, Membership.role, Membership.created_at)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.organisation_id == organisation.id)
        .order_by(User.email)
    ).all()
    emails = {row.email for row in members}
    plans = db.session.scalars(
        select(RolePlan).where(RolePlan.organisation_id == organisation.id).order_by(RolePlan.id)
    ).all()
    creator = dict(db.session.execute(select(User.id, User.email)).all())
    return {
        "format": FORMAT,
        "organisation": {
            "name": organisation.name,
            "sector": organisation.sector,
            "anonymity_k": organisation.anonymity_k,
            "created_at": _when(organisation.created_at),
        },
        "members": [
            {"email": m.email, "name": m.name, "role": m.role, "joined_at": _when(m.created_at)}
            for m in members
        ],
        "plans": [_export_plan(plan, creator, emails) for plan in plans],
        "jd_checks": [
            {
                "name": c.name,
                "source": c.source,
                "text": c.text,
                "plan": next((n for n, p in enumerate(plans) if p.id == c.plan_id), None),
                "created_by": creator.get(c.created_by_id)
                if creator.get(c.created_by_id) in emails
                else None,
                "created_at": _when(c.created_at),
            }
            for c in db.session.scalars(
                select(JdCheck)
                .where(JdCheck.organisation_id == organisation.id)
                .order_by(JdCheck.id)
            )
        ],
        "audit": [
            {
                "when": _when(e.created_at),
                "who": creator.get(e.user_id) if creator.get(e.user_id) in emails else None,
                "action": e.action,
                "subject": e.subject,
                "detail": e.detail,
            }
            for e in db.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.organisation_id == organisation.id)
                .order_by(AuditEvent.created_at, AuditEvent.id)
            )
        ],
    }


def _export_plan(plan: RolePlan, creator: dict, emails: set) -> dict:
    rounds = db.session.scalars(
        select(Assessment).where(Assessment.plan_id == plan.id).order_by(Assessment.round_no)
    ).all()
    answers = db.session.scalars(
        select(Answer)
        .join(Assessment)
        .where(Assessment.plan_id == plan.id)
        .order_by(Assessment.round_no, Answer.item_id)
    ).all()
    by_round: dict[int, list] = {}
    for answer in answers:
        by_round.setdefault(answer.assessment_id, []).append(
            {
                "item": answer.item_id,
                "status": answer.status,
                "importance": answer.importance,
                "note": answer.note,
            }
        )
    actions = db.session.scalars(
        select(Action).where(Action.plan_id == plan.id).order_by(Action.id)
    ).all()
    check_ins = db.session.scalars(
        select(CheckIn)
        .where(CheckIn.plan_id == plan.id)
        .order_by(CheckIn.month, CheckIn.perspective)
    ).all()
    owner = {a.owner_user_id: creator.get(a.owner_user_id) for a in actions}
    return {
        **{field: getattr(plan, field) for field in EXPORTED_DESCRIPTION},
        "hours": str(plan.hours),
        "created_by": creator.get(plan.created_by_id)
        if creator.get(plan.created_by_id) in emails
        else None,
        "created_at": _when(plan.created_at),
        "rounds": [
            {
                "round": r.round_no,
                "created_at": _when(r.created_at),
                "confirmed_at": _when(r.confirmed_at),
                "closed_at": _when(r.closed_at),
                "answers": by_round.get(r.id, []),
            }
            for r in rounds
        ],
        "actions": [
            {
                "title": a.title,
                "items": a.item_ids,
                "owner_member": owner[a.owner_user_id]
                if owner.get(a.owner_user_id) in emails
                else None,
                "owner_name": a.owner_name,
                "due_on": a.due_on.isoformat(),
                "status": a.status,
                "drop_reason": a.drop_reason,
                "notes": a.notes,
                "closed_at": _when(a.closed_at),
                "created_at": _when(a.created_at),
            }
            for a in actions
        ],
        "documents": _export_documents(plan, creator, emails),
        "team_survey": _export_survey(plan),
        "check_ins": [
            {
                "month": c.month,
                "perspective": c.perspective,
                "answers": dict(sorted(c.answers.items())),
                "note": c.note,
                "recorded_on": c.recorded_on.isoformat(),
            }
            for c in check_ins
        ],
    }


def _export_documents(plan: RolePlan, creator: dict, emails: set) -> dict:
    """The typed-in details, every stored version's inputs, and the ticked checklist lines."""
    details = db.session.scalar(select(DocumentDetails).where(DocumentDetails.plan_id == plan.id))
    versions = db.session.scalars(
        select(DocumentVersion)
        .where(DocumentVersion.plan_id == plan.id)
        .order_by(DocumentVersion.number)
    ).all()
    ticks = db.session.scalars(
        select(ChecklistTick)
        .where(ChecklistTick.plan_id == plan.id)
        .order_by(ChecklistTick.line_key)
    ).all()

    def member(user_id):
        email = creator.get(user_id)
        return email if email in emails else None

    return {
        "details": None
        if details is None
        else {
            **{field: getattr(details, field) for field in EXPORTED_DETAILS},
            "closing_date": details.closing_date.isoformat() if details.closing_date else None,
        },
        "versions": [
            {
                "number": v.number,
                "inputs": v.inputs,
                "fingerprint": v.fingerprint,
                "created_by": member(v.created_by_id),
                "created_at": _when(v.created_at),
            }
            for v in versions
        ],
        "ticks": [
            {
                "line": t.line_key,
                "by": member(t.ticked_by_id),
                "by_name": t.ticked_by_name,
                "at": _when(t.ticked_at),
            }
            for t in ticks
        ],
    }


TALLY_FIELDS = (
    "yes",
    "partly",
    "no",
    "dont_know",
    "not_relevant",
    "importance_total",
    "importance_given",
)


def _export_survey(plan: RolePlan) -> dict | None:
    """The team survey in aggregate only: how many people per group, the per-group tallies, and
    the comments if the report would show them. Individual responses never leave the app, and
    neither does the survey's secret link."""
    from roledesign.domain.anonymity import comment_threshold
    from roledesign.web.team.services import comments, group_counts, k_for

    survey = db.session.scalar(select(TeamSurvey).where(TeamSurvey.plan_id == plan.id))
    if survey is None:
        return None
    counts = group_counts(survey)
    total = sum(counts.values())
    tallies = db.session.scalars(
        select(TeamTally)
        .where(TeamTally.survey_id == survey.id)
        .order_by(TeamTally.stakeholder_group, TeamTally.item_id)
    ).all()
    shown = comments(survey, k_for(plan.organisation), total, limit=None)
    return {
        "item_ids": list(survey.item_ids),
        "is_open": survey.is_open,
        "closes_on": survey.closes_on.isoformat() if survey.closes_on else None,
        "created_at": _when(survey.created_at),
        "group_counts": dict(sorted(counts.items())),
        "tallies": [
            {
                "group": t.stakeholder_group,
                "item": t.item_id,
                **{field: getattr(t, field) for field in TALLY_FIELDS},
            }
            for t in tallies
        ],
        "comments": sorted(shown) if total >= comment_threshold(k_for(plan.organisation)) else [],
        "first_response_on": _first_response_on(survey),
    }


def _first_response_on(survey: TeamSurvey) -> str | None:
    first = db.session.scalar(
        select(func.min(TeamResponse.submitted_on)).where(TeamResponse.survey_id == survey.id)
    )
    return first.isoformat() if first else None


def _restore_survey(plan: RolePlan, source: dict | None) -> None:
    """Recreate the survey with a new secret link, its tallies, and one placeholder response per
    person counted (group only: no answers travel), so the team report reads as it did."""
    import secrets

    from roledesign.web.team.services import rebuild_counts

    if source is None:
        return
    survey = TeamSurvey(
        plan=plan,
        token=secrets.token_urlsafe(24),
        item_ids=source["item_ids"],
        is_open=source["is_open"],
        closes_on=date.fromisoformat(source["closes_on"]) if source["closes_on"] else None,
        created_at=_parse_when(source["created_at"]),
    )
    db.session.add(survey)
    db.session.flush()
    day = date.fromisoformat(source["first_response_on"]) if source["first_response_on"] else None
    comments = list(source["comments"])
    for group, count in source["group_counts"].items():
        for _ in range(count):
            db.session.add(
                TeamResponse(
                    survey_id=survey.id,
                    stakeholder_group=group,
                    submission_key=secrets.token_hex(16),
                    submitted_on=day,
                    comment=comments.pop() if comments else None,
                )
            )
    for tally in source["tallies"]:
        db.session.add(
            TeamTally(
                survey_id=survey.id,
                stakeholder_group=tally["group"],
                item_id=tally["item"],
                **{field: tally[field] for field in TALLY_FIELDS},
            )
        )
    rebuild_counts(survey)


def _restore_documents(plan: RolePlan, source: dict, users: dict) -> None:
    details = source["details"]
    if details is not None:
        closing = details["closing_date"]
        db.session.add(
            DocumentDetails(
                plan=plan,
                closing_date=date.fromisoformat(closing) if closing else None,
                **{field: details[field] for field in EXPORTED_DETAILS},
            )
        )
    for version in source["versions"]:
        db.session.add(
            DocumentVersion(
                plan_id=plan.id,
                number=version["number"],
                inputs=version["inputs"],
                fingerprint=version["fingerprint"],
                created_by=users.get(version["created_by"]),
                created_at=_parse_when(version["created_at"]),
            )
        )
    for tick in source["ticks"]:
        db.session.add(
            ChecklistTick(
                plan_id=plan.id,
                line_key=tick["line"],
                ticked_by_id=None,
                ticked_by_name=tick["by_name"],
                ticked_at=_parse_when(tick["at"]),
            )
        )
        if users.get(tick["by"]) is not None:
            db.session.flush()
            db.session.execute(
                ChecklistTick.__table__.update()
                .where(ChecklistTick.plan_id == plan.id, ChecklistTick.line_key == tick["line"])
                .values(ticked_by_id=users[tick["by"]].id)
            )


def import_organisation(data: dict) -> Organisation:
    """Restore an export into a database that holds no accounts or organisations yet."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(f"not a roledesign organisation export (expected format {FORMAT})")
    existing = db.session.scalar(select(func.count()).select_from(Organisation))
    existing += db.session.scalar(select(func.count()).select_from(User))
    if existing:
        raise TransferError("the database is not empty: restore into a new, empty database")
    found = export_schema.problems(data, current_app.extensions["roledesign.catalog"])
    if found:
        raise TransferError(
            "the export is incomplete or damaged; nothing was imported. Problems found:\n"
            + "\n".join(f"  {line}" for line in found)
        )
    try:
        return _restore(data)
    except (KeyError, TypeError, ValueError) as err:
        db.session.rollback()
        raise TransferError(f"the export is incomplete or damaged ({err!r})") from err


def _restore(data: dict) -> Organisation:
    from roledesign.web.auth.passwords import hash_password

    source = data["organisation"]
    organisation = Organisation(
        name=source["name"],
        sector=source["sector"],
        anonymity_k=source["anonymity_k"],
        created_at=_parse_when(source["created_at"]),
    )
    db.session.add(organisation)
    users: dict[str, User] = {}
    for member in data["members"]:
        # No password travels with an export: members choose a new one by resetting it.
        user = User(
            email=member["email"],
            name=member["name"],
            password_hash=hash_password(new_session_token()),
        )
        users[member["email"]] = user
        db.session.add(
            Membership(
                user=user,
                organisation=organisation,
                role=member["role"],
                created_at=_parse_when(member["joined_at"]),
            )
        )
    for source_plan in data["plans"]:
        plan = RolePlan(
            organisation=organisation,
            hours=Decimal(source_plan["hours"]),
            created_by=users.get(source_plan["created_by"]),
            created_at=_parse_when(source_plan["created_at"]),
            **{field: source_plan[field] for field in EXPORTED_DESCRIPTION},
        )
        db.session.add(plan)
        for source_round in source_plan["rounds"]:
            round_ = Assessment(
                plan=plan,
                round_no=source_round["round"],
                created_at=_parse_when(source_round["created_at"]),
                confirmed_at=_parse_when(source_round["confirmed_at"]),
            )
            for answer in source_round["answers"]:
                round_.answers.append(
                    Answer(
                        item_id=answer["item"],
                        status=answer["status"],
                        importance=answer["importance"],
                        note=answer["note"],
                    )
                )
            db.session.add(round_)
            db.session.flush()
            # Closed last: the closed-round guard refuses answers added to a closed round.
            round_.closed_at = _parse_when(source_round["closed_at"])
        for source_action in source_plan["actions"]:
            action = Action(
                plan=plan,
                title=source_action["title"],
                owner_user=users.get(source_action["owner_member"]),
                owner_name=source_action["owner_name"],
                due_on=date.fromisoformat(source_action["due_on"]),
                status=source_action["status"],
                drop_reason=source_action["drop_reason"],
                notes=source_action["notes"],
                closed_at=_parse_when(source_action["closed_at"]),
                created_at=_parse_when(source_action["created_at"]),
            )
            action.items = [ActionItem(item_id=item) for item in source_action["items"]]
            db.session.add(action)
        for source_check_in in source_plan["check_ins"]:
            db.session.add(
                CheckIn(
                    plan=plan,
                    month=source_check_in["month"],
                    perspective=source_check_in["perspective"],
                    answers=source_check_in["answers"],
                    note=source_check_in["note"],
                    recorded_on=date.fromisoformat(source_check_in["recorded_on"]),
                )
            )
        db.session.flush()
        _restore_documents(plan, source_plan["documents"], users)
        _restore_survey(plan, source_plan["team_survey"])
    db.session.flush()
    restored_plans = db.session.scalars(
        select(RolePlan).where(RolePlan.organisation_id == organisation.id).order_by(RolePlan.id)
    ).all()
    for check in data["jd_checks"]:
        db.session.add(
            JdCheck(
                organisation_id=organisation.id,
                name=check["name"],
                source=check["source"],
                text=check["text"],
                created_by=users.get(check["created_by"]),
                plan=restored_plans[check["plan"]] if check["plan"] is not None else None,
                created_at=_parse_when(check["created_at"]),
            )
        )
    for event in data["audit"]:
        db.session.add(
            AuditEvent(
                organisation_id=organisation.id,
                user=users.get(event["who"]),
                action=event["action"],
                subject=event["subject"],
                detail=event["detail"],
                created_at=_parse_when(event["when"]),
            )
        )
    db.session.flush()
    return organisation


def delete_organisation(organisation: Organisation) -> None:
    """Remove everything the organisation owns, and the accounts of people who belonged to it
    and to no other organisation."""
    member_ids = db.session.scalars(
        select(Membership.user_id).where(Membership.organisation_id == organisation.id)
    ).all()
    plan_ids = select(RolePlan.id).where(RolePlan.organisation_id == organisation.id)
    round_ids = select(Assessment.id).where(Assessment.plan_id.in_(plan_ids))
    action_ids = select(Action.id).where(Action.plan_id.in_(plan_ids))
    # Bulk deletes, children first, so that no database's cascade rules are relied on.
    db.session.execute(delete(Answer).where(Answer.assessment_id.in_(round_ids)))
    db.session.execute(delete(Assessment).where(Assessment.plan_id.in_(plan_ids)))
    db.session.execute(delete(ActionItem).where(ActionItem.action_id.in_(action_ids)))
    db.session.execute(delete(Action).where(Action.plan_id.in_(plan_ids)))
    db.session.execute(delete(CheckIn).where(CheckIn.plan_id.in_(plan_ids)))
    for model in (DocumentDetails, DocumentVersion, ChecklistTick):
        db.session.execute(delete(model).where(model.plan_id.in_(plan_ids)))
    survey_ids = select(TeamSurvey.id).where(TeamSurvey.plan_id.in_(plan_ids))
    response_ids = select(TeamResponse.id).where(TeamResponse.survey_id.in_(survey_ids))
    db.session.execute(delete(TeamAnswer).where(TeamAnswer.response_id.in_(response_ids)))
    db.session.execute(delete(TeamResponse).where(TeamResponse.survey_id.in_(survey_ids)))
    db.session.execute(delete(TeamTally).where(TeamTally.survey_id.in_(survey_ids)))
    db.session.execute(delete(TeamCount).where(TeamCount.survey_id.in_(survey_ids)))
    for model in (TeamInvitation, TeamInvitedAddress):
        db.session.execute(delete(model).where(model.survey_id.in_(survey_ids)))
    db.session.execute(delete(TeamSurvey).where(TeamSurvey.plan_id.in_(plan_ids)))
    db.session.execute(delete(JdCheck).where(JdCheck.organisation_id == organisation.id))
    db.session.execute(delete(RolePlan).where(RolePlan.organisation_id == organisation.id))
    for model in (Invitation, AuditEvent, Membership):
        db.session.execute(delete(model).where(model.organisation_id == organisation.id))
    db.session.execute(delete(Organisation).where(Organisation.id == organisation.id))
    still_members = select(Membership.user_id).where(Membership.user_id.in_(member_ids))
    db.session.execute(delete(User).where(User.id.in_(member_ids), User.id.not_in(still_members)))
    db.session.expunge_all()
