"""Builders for team self-assessment tests: set up a survey as a manager, answer as respondents."""

import re

from tests.helpers import Browser


def text(response) -> str:
    return response.get_data(as_text=True)


def set_up_survey(browser, plan_id: int, *, data=None) -> str:
    """Create the plan's survey with every statement ticked; return its link's token."""
    page = text(browser.client.get(f"/plans/{plan_id}/team/setup"))
    form = dict(data or {})
    if data is None:
        for name, value in re.findall(
            r'name="(items_[a-z_]+)" type="checkbox" value="([^"]+)"', page
        ):
            form.setdefault(name, []).append(value)
    response = browser.submit(f"/plans/{plan_id}/team/setup", form)
    assert response.status_code == 302, text(response)[:3000]
    overview = text(browser.client.get(f"/plans/{plan_id}/team"))
    return re.search(r"/s/([A-Za-z0-9_-]{20,})", overview).group(1)


class Respondent:
    """One person on their own device: their own cookies."""

    def __init__(self, app, token: str, address: str = "127.0.0.1"):
        self.client = app.test_client()
        self.client.environ_base["REMOTE_ADDR"] = address  # the client's internet address
        self.browser = Browser(self.client)
        self.token = token
        self.base = f"/s/{token}"

    def choose(self, group: str):
        return self.browser.submit(f"{self.base}/group", {"group": group})

    def answer(self, domain: str, answers: dict, then="next", part=1):
        """answers: {item_id: status or (status, importance)}, on one page of a domain."""
        data = {"then": then}
        for item_id, value in answers.items():
            status, importance = value if isinstance(value, tuple) else (value, None)
            key = item_id.replace("-", "_")
            data[f"{key}-status"] = status
            if importance is not None:
                data[f"{key}-importance"] = str(importance)
        return self.browser.submit(f"{self.base}/statements/{domain}/{part}", data)

    def send(self, comment: str = ""):
        return self.browser.submit(f"{self.base}/finish", {"comment": comment})

    def send_confirmed(self, comment: str = ""):
        """Send, confirming the comment once if the page asks to check it (it names a role)."""
        response = self.send(comment)
        asked = re.search(r'name="checked" type="hidden" value="([^"]+)"', text(response))
        if response.status_code == 200 and asked:
            data = {"comment": comment, "checked": asked[1]}
            response = self.browser.submit(f"{self.base}/finish", data)
        return response

    def csrf(self, path="/finish") -> str:
        return self.browser.csrf(self.base + path)


def respond(app, token, group, answers_by_domain, comment="", address="127.0.0.1"):
    person = Respondent(app, token, address)
    person.choose(group)
    for domain, answers in answers_by_domain.items():
        person.answer(domain, answers)
    response = person.send_confirmed(comment)
    assert response.status_code == 302, text(response)[:3000]
    return person


def seed_sectors(app, status, item_ids=("DIS-01",)) -> None:
    """Five organisations in each of two sectors, ten staff answering DIS-01 in each: enough to
    compare sectors. ``status(sector, n)`` is the n-th person's answer."""
    from sqlalchemy import select

    from roledesign.extensions import db
    from roledesign.models import Organisation, RolePlan, User
    from roledesign.services import team as services
    from roledesign.web.template_helpers import catalog

    with app.app_context():
        creator = db.session.scalar(select(User))
        for sector in ("nhs", "voluntary"):
            for n in range(5):
                plan = RolePlan(
                    organisation=Organisation(name=f"{sector} {n}", sector=sector),
                    title="Peer worker",
                    team="Team",
                    setting="community",
                    introduction="new_role",
                    employment="paid",
                    band="4",
                    hours=30,
                    peer_workers=2,
                    line_manager="Manager",
                )
                db.session.add(plan)
                db.session.flush()
                survey = services.create_survey(
                    plan=plan, creator=creator, item_ids=list(item_ids), closes_on=None
                )
                for r in range(10):
                    services.submit_response(
                        survey,
                        group="non_peer_staff",
                        answers={"DIS-01": (status(sector, r), 3)},
                        submission_key=f"{sector}-{n}-{r}",
                        comment=None,
                        on=services.today(),
                    )
                services.close(catalog(), survey, services.today())  # only releases count
        db.session.commit()


def close_survey(browser, plan_id: int):
    """Close the plan's survey as its manager would: its results are released."""
    response = browser.submit(f"/plans/{plan_id}/team/close", {}, page=f"/plans/{plan_id}/team")
    assert response.status_code == 302, text(response)[:3000]
    browser.client.get(response.headers["Location"])  # where the confirmation is read
    return response
