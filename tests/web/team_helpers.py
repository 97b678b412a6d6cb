"""Builders for team self-assessment tests: set up a survey as a manager, answer as respondents."""

import re

from tests.conftest import Browser


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

    def __init__(self, app, token: str):
        self.client = app.test_client()
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

    def csrf(self, path="/finish") -> str:
        return self.browser.csrf(self.base + path)


def respond(app, token, group, answers_by_domain, comment=""):
    person = Respondent(app, token)
    person.choose(group)
    for domain, answers in answers_by_domain.items():
        person.answer(domain, answers)
    response = person.send(comment)
    assert response.status_code == 302, text(response)[:3000]
    return person
