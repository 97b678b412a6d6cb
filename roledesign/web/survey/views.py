"""The anonymous survey a team reaches by its shared link or an individual invitation link: no
account, nothing identifying.

Answers are kept on the respondent's device (see draft.py) until they press Send; only then is a
response stored, with their group, the date and their answers. Every page works the same under
either kind of link (``token`` is the link's); an invitation is marked used in the transaction
that stores the response, and nothing in the response says which link it came through.
"""

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_limiter.util import get_remote_address

from roledesign.catalog import DOMAIN_KEYS
from roledesign.domain.respondents import likely_small_groups, phrases_found
from roledesign.extensions import limiter
from roledesign.services import invitations as invitations
from roledesign.services import team as services
from roledesign.services.transaction import Conflict, transaction
from roledesign.web.assessment.forms import field_name
from roledesign.web.survey import draft as drafts
from roledesign.web.survey.forms import FinishForm, SendAgainForm, group_form, statements_form
from roledesign.web.template_helpers import catalog

bp = Blueprint("survey", __name__, url_prefix="/s/<token>")
ANSWER_FIELD = ("-status", "-importance")
PAGE_SIZE = 6  # statements per page: short pages are quicker on a phone and lose less if left


def _per_client_limit() -> str:
    return current_app.config["TEAM_SUBMIT_LIMIT_PER_CLIENT"]


def _per_link_limit() -> str:
    return current_app.config["TEAM_SUBMIT_LIMIT_PER_LINK"]


def _per_link() -> str:
    return "team-survey:" + (request.view_args or {}).get("token", "")


def _per_client() -> str:
    """The link and the client's address: a flood from one address, or on one link, leaves
    other people (and other links from the same office network) able to send."""
    return f"{_per_link()}:{get_remote_address()}"


class Closed(Exception):
    pass


class Used(Exception):
    pass


def _link(token: str) -> invitations.Link:
    link = invitations.link_for(token)
    if link is None:
        abort(404)
    return link


def _load(token: str, *, used_ok: bool = False) -> invitations.Link:
    """The survey this link leads to, 404 when unknown; Closed when it no longer accepts
    answers; Used when it is an invitation that has been used (unless ``used_ok``)."""
    link = _link(token)
    if not link.survey.is_accepting(services.today()):
        raise Closed(link.survey)
    if link.is_used and not used_ok:
        raise Used(link.survey)
    return link


@bp.url_value_preprocessor
def _keep_token(endpoint, values):
    g.survey_token = (values or {}).get("token")


@bp.context_processor
def _token():
    """The link's token for the templates' links: the shared link's or an invitation's."""
    return {"token": g.get("survey_token")}


@bp.errorhandler(Closed)
def closed(error):
    survey = error.args[0]
    return render_template("survey/closed.html", survey=survey), 410


@bp.errorhandler(Used)
def used(error):
    survey = error.args[0]
    return render_template("survey/used.html", survey=survey), 410


@bp.errorhandler(404)
def unknown(error):
    return render_template("survey/unknown.html"), 404


def _steps(survey):
    """The pages in order: group, then up to PAGE_SIZE statements of one domain a page, then finish.

    A statement page is (domain key, part), part counting from 1 within its domain.
    """
    items = services.survey_items(catalog(), survey)
    pages = []
    for key in DOMAIN_KEYS:
        in_domain = [i for i in items if i.domain == key]
        pages += [(key, n // PAGE_SIZE + 1) for n in range(0, len(in_domain), PAGE_SIZE)]
    return items, ["group", *pages, "finish"]


def _page_items(items, page):
    key, part = page
    in_domain = [i for i in items if i.domain == key]
    return in_domain[(part - 1) * PAGE_SIZE : part * PAGE_SIZE]


def _url(token: str, step) -> str:
    if step in ("group", "finish"):
        return url_for(f"survey.{step}", token=token)
    return url_for("survey.statements", token=token, domain_key=step[0], part=step[1])


def _draft(survey):
    return drafts.read(survey, catalog().team.group_keys)


def _k(survey) -> int:
    return services.k_for(survey.plan.organisation)


def _small_groups(survey) -> frozenset[str]:
    return likely_small_groups(invitations.invited_by_group(survey), _k(survey))


@bp.get("")
def start(token: str):
    """What the survey is for, how answers are kept anonymous, and a Start button."""
    link = _load(token, used_ok=True)
    survey = link.survey
    items, steps = _steps(survey)
    draft = _draft(survey)
    if draft and draft.is_sent:
        return render_template(
            "survey/sent.html", survey=survey, form=SendAgainForm(), is_invitation=link.invitation
        )
    if link.is_used:
        raise Used(survey)
    resume = None
    if draft and draft.group:
        resume = _url(token, _first_unanswered(steps, items, draft))
    return render_template(
        "survey/start.html",
        survey=survey,
        items=items,
        draft=draft,
        resume=resume,
        is_invitation=link.invitation is not None,
    )


def _first_unanswered(steps, items, draft):
    for step in steps[1:-1]:
        if any(i.id not in draft.answers for i in _page_items(items, step)):
            return step
    return "finish"


@bp.route("/group", methods=["GET", "POST"])
def group(token: str):
    """Which stakeholder group the respondent belongs to, or "prefer not to say"."""
    link = _load(token)
    survey = link.survey
    _, steps = _steps(survey)
    draft = _draft(survey)
    if draft is None or draft.is_sent:
        draft = drafts.Draft()
    if draft.group is None and link.invitation is not None:
        draft.group = link.invitation.stakeholder_group  # the manager's choice, if any
    groups = catalog().team.groups
    form = group_form(groups, data={"group": draft.group})
    if form.validate_on_submit():
        draft.group = form.group.data
        return drafts.write(redirect(_url(token, steps[1])), survey, draft, token)
    return render_template(
        "survey/group.html",
        survey=survey,
        form=form,
        groups=groups,
        small=_small_groups(survey),
        k=_k(survey),
        step=1,
        steps=len(steps),
    )


def _unexpected_fields(form) -> bool:
    """Answers posted for statements this page does not ask (a tampered or stale page)."""
    expected = {f.name for group in form if hasattr(group, "form") for f in group.form}
    return any(name.endswith(ANSWER_FIELD) and name not in expected for name in request.form)


@bp.route("/statements/<domain_key>/<int:part>", methods=["GET", "POST"])
def statements(token: str, domain_key: str, part: int):
    """A few statements of one domain: is each in place here, and how important is it?"""
    survey = _load(token).survey
    items, steps = _steps(survey)
    page = (domain_key, part)
    if page not in steps:
        abort(404)
    draft = _draft(survey)
    if draft is None or draft.is_sent or draft.group is None:
        return redirect(_url(token, "group"))
    page_items = _page_items(items, page)
    problem = None
    if request.method == "POST":
        form = statements_form(page_items)
        if _unexpected_fields(form):
            problem = "The answers sent do not match the statements on this page. Answer the statements shown and try again."
        elif form.validate():
            for item in page_items:
                sub = form[field_name(item.id)]
                if sub.status.data:
                    draft.answers[item.id] = (sub.status.data, sub.importance.data or None)
                else:
                    draft.answers.pop(item.id, None)
            position = steps.index(page)
            later = request.form.get("then") == "later"
            draft.is_kept = draft.is_kept or later
            target = (
                url_for("survey.saved", token=token) if later else _url(token, steps[position + 1])
            )
            return drafts.write(redirect(target), survey, draft, token)
    else:
        data = {
            field_name(i.id): {"status": a[0], "importance": a[1]}
            for i in page_items
            if (a := draft.answers.get(i.id))
        }
        form = statements_form(page_items, data=data)
    position = steps.index(page)
    return render_template(
        "survey/statements.html",
        survey=survey,
        form=form,
        domain=catalog().domain(domain_key),
        part=part,
        parts=sum(1 for step in steps if isinstance(step, tuple) and step[0] == domain_key),
        first_number=(part - 1) * PAGE_SIZE,
        items=page_items,
        field_name=field_name,
        step=position + 1,
        steps=len(steps),
        back=_url(token, steps[position - 1]),
        problem=problem,
        answered=len(draft.answers),
        total=len(items),
    ), (400 if problem else 200)


@bp.get("/saved")
def saved(token: str):
    """Answers are kept on this device: come back with the same link to finish."""
    survey = _load(token).survey
    return render_template("survey/saved.html", survey=survey, days=drafts.DRAFT_DAYS)


def _store(link, draft, comment: str | None) -> None:
    """The response, and the invitation marked used, in one transaction: a used invitation
    stores nothing (Used); the same device's answers sent again are stored once."""
    try:
        with transaction():
            if link.invitation is not None and not invitations.use(link.invitation):
                raise Used(link.survey)
            services.submit_response(
                link.survey,
                group=draft.group,
                answers=draft.answers,
                submission_key=draft.key,
                comment=comment,
                on=services.today(),
            )
    except Conflict:
        pass  # this device's answers were stored already


@bp.route("/finish", methods=["GET", "POST"])
@limiter.limit(_per_client_limit, key_func=_per_client, methods=["POST"])
@limiter.limit(_per_link_limit, key_func=_per_link, methods=["POST"])
def finish(token: str):
    """An optional comment, a gentle check if it might identify the writer, then Send: the only
    moment anything is stored."""
    link = _load(token)
    survey = link.survey
    items, steps = _steps(survey)
    draft = _draft(survey)
    if draft is not None and draft.is_sent:
        return redirect(url_for("survey.start", token=token))
    if draft is None or draft.group is None:
        return redirect(_url(token, "group"))
    form = FinishForm()
    problem, flagged = None, ()
    if form.validate_on_submit():
        flagged = phrases_found(form.comment.data or "", catalog().team.comment_prompts)
        if not draft.answers:
            problem = "Answer at least one statement before sending your answers."
        elif flagged and not form.is_checked():
            form.mark_checked()  # shown once: sending the same comment again sends it
        else:
            _store(link, draft, form.comment.data)
            draft.is_sent = True
            draft.answers = {}
            return drafts.write(
                redirect(url_for("survey.thanks", token=token)), survey, draft, token
            )
    return render_template(
        "survey/finish.html",
        survey=survey,
        form=form,
        draft=draft,
        group_label=catalog().team.label(draft.group),
        is_small=draft.group in _small_groups(survey),
        k=_k(survey),
        flagged=flagged,
        answered=len(draft.answers),
        total=len(items),
        step=len(steps),
        steps=len(steps),
        back=_url(token, steps[-2]),
        problem=problem,
    )


@bp.get("/thank-you")
def thanks(token: str):
    return render_template("survey/thanks.html", survey=_link(token).survey)


@bp.post("/again")
def again(token: str):
    """Someone else on this shared device wants to answer: start afresh with a new key."""
    survey = _load(token).survey
    if SendAgainForm().validate_on_submit():
        return drafts.write(redirect(_url(token, "group")), survey, drafts.Draft(), token)
    return redirect(url_for("survey.start", token=token))
