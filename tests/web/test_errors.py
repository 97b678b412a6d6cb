"""Error pages: plain English, no stack traces, and a failed request changes nothing."""

from sqlalchemy import func, select

from roledesign import create_app
from roledesign.extensions import db
from roledesign.models import Organisation


def test_an_unexpected_error_shows_a_calm_page_and_rolls_back(tmp_path):
    app = create_app(
        {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/e.sqlite"}
    )

    @app.get("/explode")
    def explode():
        db.session.add(Organisation(name="Half-written", sector="nhs"))
        db.session.flush()
        raise RuntimeError("secret internals")

    with app.app_context():
        db.create_all()
    response = app.test_client().get("/explode")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert "secret internals" not in page and "Traceback" not in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Organisation)) == 0
        db.engine.dispose()


def test_oversized_requests_get_413(client, auth, app):
    auth.manager()
    response = client.post(
        "/plans/new", data={"title": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)}
    )
    assert response.status_code == 413
    assert "That was too large to send" in response.get_data(as_text=True)


def test_wrong_method_gets_405_page(client):
    response = client.delete("/sign-in")
    assert response.status_code == 405
