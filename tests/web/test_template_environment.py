"""The Jinja environment's faster globals map behaves exactly like Jinja's own ChainMap."""

from collections import ChainMap

from roledesign.web.template_helpers import TemplateEnvironment


def test_template_globals_have_the_same_keys_and_values_as_jinjas(app):
    assert isinstance(app.jinja_env, TemplateEnvironment)
    template = app.jinja_env.get_template("base.html")
    plain = ChainMap({}, app.jinja_env.globals)
    assert set(template.globals.keys()) == set(plain.keys())
    assert {k: template.globals[k] for k in template.globals} == dict(plain)


def test_template_globals_follow_the_environment_and_keep_their_own(app):
    template = app.jinja_env.from_string("{{ greeting }} {{ name }}", globals={"name": "Sam"})
    app.jinja_env.globals["greeting"] = "Hello"
    try:
        assert {"greeting", "name", "url_for"} <= set(template.globals.keys())
        assert template.render() == "Hello Sam"
        assert "name" not in app.jinja_env.globals  # a template's own globals stay its own
    finally:
        del app.jinja_env.globals["greeting"]
    assert "greeting" not in set(template.globals.keys())
