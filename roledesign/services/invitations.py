"""Invitations in the database: created in a batch, found by their link, used once.

Nothing here can connect an address, an invitation and a response. The token is e-mailed and only
its hash kept; the addresses are kept only as keyed hashes, in a separate table, inserted in an
order unrelated to the invitations'; a response stores nothing about the invitation it came
through, and an invitation stores only that it was used (no time). Services flush; views commit.
"""

import hashlib
import hmac
import random
import secrets
from dataclasses import dataclass
from functools import cache

from sqlalchemy import bindparam, case, func, select, update

from roledesign.extensions import db
from roledesign.mail import send_mail
from roledesign.models import TeamInvitation, TeamInvitedAddress, TeamSurvey
from roledesign.services import team as team_services

_shuffle = random.SystemRandom().shuffle


@dataclass(frozen=True)
class Link:
    """The survey a respondent's link leads to, and the invitation when it is an individual one."""

    survey: TeamSurvey
    invitation: TeamInvitation | None = None

    @property
    def is_used(self) -> bool:
        return self.invitation is not None and self.invitation.is_used


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def address_hash(survey: TeamSurvey, address: str, secret: bytes) -> str:
    """The address as a keyed hash, different for every survey: without the app's secret it
    cannot be tested against a list of addresses, and it says nothing across surveys."""
    message = f"{survey.id}:{survey.token}:{address.strip().lower()}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def link_for(token: str) -> Link | None:
    """The survey's shared link or one of its invitations; None when the token is unknown."""
    survey = team_services.survey_by_token(token)
    if survey is not None:
        return Link(survey)
    if not token or len(token) > 64:
        return None
    invitation = db.session.scalar(
        select(TeamInvitation).where(TeamInvitation.token_hash == _token_hash(token))
    )
    if invitation is None:
        return None
    return Link(db.session.get(TeamSurvey, invitation.survey_id), invitation)


def invite(
    survey: TeamSurvey, addresses: list[str], *, group: str | None, secret: bytes
) -> tuple[list[tuple[str, str]], int]:
    """One invitation for each address not invited to this survey before.

    Returns the (address, token) pairs to e-mail, in random order, and how many addresses were
    skipped as already invited. Only hashes are stored.
    """
    hashes = {address_hash(survey, a, secret): a for a in dict.fromkeys(addresses)}
    known = set(
        db.session.scalars(
            select(TeamInvitedAddress.address_hash).where(
                TeamInvitedAddress.survey_id == survey.id,
                TeamInvitedAddress.address_hash.in_(list(hashes)),
            )
        )
    )
    fresh = [address for digest, address in hashes.items() if digest not in known]
    _shuffle(fresh)  # the invitations' ids then say nothing about the order addresses were given
    sent = [(address, secrets.token_urlsafe(24)) for address in fresh]
    db.session.add_all(
        TeamInvitation(survey_id=survey.id, token_hash=_token_hash(token), stakeholder_group=group)
        for _, token in sent
    )
    # In hash order, which is unrelated to the invitations' order.
    db.session.add_all(
        TeamInvitedAddress(survey_id=survey.id, address_hash=digest)
        for digest in sorted(h for h in hashes if h not in known)
    )
    db.session.flush()
    return sent, len(hashes) - len(fresh)


def send_invitation(survey: TeamSurvey, address: str, link: str) -> None:
    """Queue one person's invitation e-mail, with their own ``link`` (made by the caller)."""
    plan = survey.plan
    closing = (
        f"\n\nPlease answer by {survey.closes_on.strftime('%-d %B %Y')}."
        if survey.closes_on
        else ""
    )
    send_mail(
        address,
        f"{plan.organisation.name} would like your views on a peer worker role",
        f"{plan.organisation.name} is planning a peer worker role ({plan.title}, {plan.team}) "
        "and would like to know what you think is in place. It takes about ten minutes."
        f"\n\nYour own link, which works once:\n{link}{closing}\n\n"
        "You will not be asked your name. Your answers are stored without your email address "
        "and cannot be connected to this link: the app records only that the link has been "
        "used. Please do not forward this e-mail.",
        on_screen=False,  # the link is the invited person's alone, even in development
    )


def use(invitation: TeamInvitation) -> bool:
    """Mark the invitation used, in the caller's transaction; False when it already was.

    One conditional UPDATE: of two submissions racing with the same link, only one changes the
    row, so only one response can be stored through it.
    """
    result = db.session.execute(
        update(TeamInvitation)
        .where(TeamInvitation.id == invitation.id, TeamInvitation.is_used.is_(False))
        .values(is_used=True)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def counts(survey: TeamSurvey) -> tuple[int, int]:
    """(invited, answered): how many invitations were sent and how many have been used."""
    invited, answered = db.session.execute(_counts_query(), {"survey_id": survey.id}).one()
    return int(invited), int(answered)


@cache
def _counts_query():
    """Built once, with a bound parameter: the team report runs it on every view."""
    return select(
        func.count(),
        func.coalesce(func.sum(case((TeamInvitation.is_used.is_(True), 1), else_=0)), 0),
    ).where(TeamInvitation.survey_id == bindparam("survey_id"))


def invited_by_group(survey: TeamSurvey) -> dict[str, int]:
    """How many were invited as each group (invitations sent without a group are left out)."""
    rows = db.session.execute(
        select(TeamInvitation.stakeholder_group, func.count())
        .where(TeamInvitation.survey_id == survey.id, TeamInvitation.stakeholder_group.is_not(None))
        .group_by(TeamInvitation.stakeholder_group)
    )
    return {group: int(n) for group, n in rows}
