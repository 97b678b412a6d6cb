"""GET never writes: every GET route of the app, opened by each role of organisation A (and, for
the public and survey pages, by a signed-out respondent), leaves every table as it was, except the
audit log (opening an export is recorded). Tables are snapshotted after signing in, because
signing in is a POST that may write sessions and mail. The one documented exception, a team
survey's release stored by the first read after its closing date (docs/architecture.md), does not
arise: the world's survey has no closing date in the past."""

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import TeamSurvey
from roledesign.services.team import today
from tests.world import build, build_world

AUDIT_LOG = "audit_events"


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table but the audit log, in a stable order."""
    with app.app_context():
        db.session.remove()
        tables = {}
        for table in db.metadata.sorted_tables:
            if table.name != AUDIT_LOG:
                rows = db.session.execute(select(table)).all()
                tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
        db.session.remove()
        return tables


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before if before[name] != after[name])


def test_no_get_route_changes_any_table_but_the_audit_log(app, auth, browser, make_plan):
    built = build_world(app, auth, browser, make_plan)
    with app.app_context():  # no release falls due while crawling (the documented exception)
        closes = db.session.scalars(select(TeamSurvey.closes_on)).all()
        assert closes and all(day is None or day >= today() for day in closes)
    visitor = app.test_client()  # a respondent on the team survey link: never signed in
    visitors = {**built.people, "respondent": visitor}
    survey_values = {**built.values, "token": built.token}
    rules = [r for r in app.url_map.iter_rules() if "GET" in r.methods]
    before = snapshot(app)
    writes = []
    crawled = set()
    for role, person in visitors.items():
        client = getattr(person, "client", person)
        for rule in rules:
            values = survey_values if rule.endpoint.startswith("survey.") else built.values
            url = build(rule, values)
            response = client.get(url)
            response.close()
            assert response.status_code < 500, (role, url, response.status_code)
            crawled.add(rule.endpoint)
            after = snapshot(app)
            changed = changed_tables(before, after)
            if changed:
                writes.append((role, url, changed))
                before = after
    assert writes == [], "GET requests that wrote to the database: " + repr(writes)
    assert {"documents.index", "documents.preview", "documents.download"} <= crawled
    assert len(crawled) == len({r.endpoint for r in rules})
