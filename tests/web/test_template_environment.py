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


def test_dotted_names_on_dicts_read_as_in_jinja(app):
    """p.key on a dict: the dict's own attributes first (p.items is the method), then its item,
    else undefined — as Jinja's own getattr answers, for every case."""
    from jinja2 import Environment

    plain = Environment(undefined=app.jinja_env.undefined, autoescape=True)
    source = (
        "{{ p.text }}|{{ p.items is callable }}|{{ p.missing is defined }}|{{ p.keys is callable }}"
        "|{{ p.nested.inner }}|{{ p.nested.absent.deeper is defined }}|{{ p[1] }}|{{ d.text }}"
    )

    class Derived(dict):
        text = "class attribute"

    values = {
        "p": {"text": "<b>", "items": "an item", 1: "one", "nested": {"inner": "in"}},
        "d": Derived(text="item"),
    }
    ours = app.jinja_env.from_string(source).render(**values)
    assert ours == plain.from_string(source).render(**values)
    assert ours.startswith("&lt;b&gt;|True|False|True|in|False|one|class attribute")
