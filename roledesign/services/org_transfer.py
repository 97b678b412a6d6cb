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
    AssessmentPage,
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
    TeamInvitation,
    TeamInvitedAddress,
    TeamRelease,
    TeamSurvey,
    User,
)
from roledesign.models.accounts import new_session_token
from roledesign.models.documents import DETAIL_FIELDS
from roledesign.models.plans import DESCRIPTION_FIELDS
from roledesign.services import team_store as store


def _schema():
    """The export's schema (services/export_schema.py), imported on first use: it builds its
    pydantic models as it is imported, about a tenth of a second that start-up need not pay."""
    from roledesign.services import export_schema

    return export_schema


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
        "format": _schema().FORMAT,
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
        "team_surveys": _export_surveys(plan),
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


def _export_surveys(plan: RolePlan) -> list[dict]:
    """The plan's team surveys, oldest first, each with its release once closed.

    Releases are the only survey figures that leave the app: published, gated aggregates
    (roledesign.domain.disclosure). Responses, answers and raw tallies never do, nor does a
    survey's secret link; they live only in the operator's database backup.
    """
    from flask import current_app

    from roledesign.services.team import release_for, today

    rows = db.session.execute(
        select(TeamSurvey, TeamRelease)
        .outerjoin(TeamRelease, TeamRelease.survey_id == TeamSurvey.id)
        .where(TeamSurvey.plan_id == plan.id)
        .order_by(TeamSurvey.id)
    ).all()
    if any(r is None and not s.is_accepting(today()) for s, r in rows):
        # A closing date has passed unread: release it now, in the one place releases are made.
        for survey, release in rows:
            if release is None:
                release_for(current_app.extensions["roledesign.catalog"], survey)
        return _export_surveys(plan)
    return [
        {
            "item_ids": list(survey.item_ids),
            "is_open": survey.is_open,
            "closes_on": survey.closes_on.isoformat() if survey.closes_on else None,
            "created_at": _when(survey.created_at),
            "release": (
                {"closed_on": release.closed_on.isoformat(), "figures": release.figures}
                if release
                else None
            ),
        }
        for survey, release in rows
    ]


def _upgrade_format_1(data: dict) -> dict:
    """An export made before releases carried each plan's survey as raw tallies. Import it as
    the release those tallies make (worked out by the disclosure gate with the organisation's
    k, so nothing beyond what a release shows is kept), or as an open survey with nobody counted
    when it was still open."""
    from flask import current_app

    from roledesign.domain import disclosure
    from roledesign.domain.team import Tally
    from roledesign.services.team import pooled_only

    try:
        catalog = current_app.extensions["roledesign.catalog"]
        k = max(int(data["organisation"]["anonymity_k"]), 3)
        for plan in data["plans"]:
            old = plan.pop("team_survey")
            plan["team_surveys"] = []
            if old is None:
                continue
            release = None
            if not old["is_open"]:
                tallies = {
                    (t["group"], t["item"]): Tally(**{f: t[f] for f in store.TALLY_COUNTS})
                    for t in old["tallies"]
                }
                chosen = set(old["item_ids"])
                figures = disclosure.release(
                    [i for i in catalog.items if i.id in chosen],
                    old["group_counts"],
                    tallies,
                    old["comments"],
                    k=k,
                    order=catalog.team.group_keys,
                    pooled_only=pooled_only(catalog),
                )
                closed_on = old["closes_on"] or old["created_at"][:10]
                release = {"closed_on": closed_on, "figures": figures}
            plan["team_surveys"].append(
                {key: old[key] for key in ("item_ids", "is_open", "closes_on", "created_at")}
                | {"release": release}
            )
    except (KeyError, TypeError, ValueError) as err:
        raise TransferError(f"the export is incomplete or damaged ({err!r})") from err
    return {**data, "format": _schema().FORMAT}


def _restore_surveys(plan: RolePlan, sources: list[dict]) -> None:
    """Recreate each survey with a new secret link and its release, so every report reads as
    it did. An open survey comes back open with nobody counted: its responses so far stay in
    the old installation's database."""
    import secrets

    for source in sources:
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
        release = source["release"]
        if release is not None:
            db.session.add(
                TeamRelease(
                    survey_id=survey.id,
                    closed_on=date.fromisoformat(release["closed_on"]),
                    figures=release["figures"],
                )
            )


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
    schema = _schema()
    if not isinstance(data, dict) or data.get("format") not in (schema.FORMAT, schema.FORMAT_1):
        raise TransferError(
            f"not a roledesign organisation export (expected format {schema.FORMAT})"
        )
    existing = db.session.scalar(select(func.count()).select_from(Organisation))
    existing += db.session.scalar(select(func.count()).select_from(User))
    if existing:
        raise TransferError("the database is not empty: restore into a new, empty database")
    found = schema.problems(data, current_app.extensions["roledesign.catalog"])
    if found:
        raise TransferError(
            "the export is incomplete or damaged; nothing was imported. Problems found:\n"
            + "\n".join(f"  {line}" for line in found)
        )
    if data["format"] == schema.FORMAT_1:
        data = _upgrade_format_1(data)
    try:
        return _restore(data)
    except (KeyError, TypeError, ValueError) as err:  # the caller's transaction rolls back
        raise TransferError(f"the export is incomplete or damaged ({err!r})") from err


def _restore(data: dict) -> Organisation:
    from roledesign.services.passwords import hash_password

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
        _restore_surveys(plan, source_plan["team_surveys"])
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
    db.session.execute(delete(AssessmentPage).where(AssessmentPage.assessment_id.in_(round_ids)))
    db.session.execute(delete(Assessment).where(Assessment.plan_id.in_(plan_ids)))
    db.session.execute(delete(ActionItem).where(ActionItem.action_id.in_(action_ids)))
    db.session.execute(delete(Action).where(Action.plan_id.in_(plan_ids)))
    db.session.execute(delete(CheckIn).where(CheckIn.plan_id.in_(plan_ids)))
    for model in (DocumentDetails, DocumentVersion, ChecklistTick):
        db.session.execute(delete(model).where(model.plan_id.in_(plan_ids)))
    survey_ids = select(TeamSurvey.id).where(TeamSurvey.plan_id.in_(plan_ids))
    store.delete_answers(survey_ids)
    db.session.execute(delete(TeamRelease).where(TeamRelease.survey_id.in_(survey_ids)))
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
