"""The memo behind the team report and the overview (one per app object, see test_revisions)."""

from roledesign.services.memo import Memo, Same


def test_memo_computes_once_per_key_and_forgets_the_least_recently_used():
    calls = []
    memo = Memo(size=2)

    def get(key):
        return memo.get_or_compute(key, lambda: calls.append(key) or key * 10)

    assert [get(1), get(2), get(1)] == [10, 20, 10] and calls == [1, 2]
    get(3)  # 2 is now the least recently used, so it goes
    assert list(memo.entries) == [1, 3]
    assert get(2) == 20 and calls == [1, 2, 3, 2]


class Unhashable:
    __hash__ = None


def test_same_matches_by_identity_and_keeps_the_object():
    thing, twin = Unhashable(), Unhashable()
    memo = Memo()
    assert memo.get_or_compute((Same(thing), 1), lambda: "first") == "first"
    assert memo.get_or_compute((Same(thing), 1), lambda: "again") == "first"
    assert memo.get_or_compute((Same(twin), 1), lambda: "twin") == "twin"
    key = next(iter(memo.entries))
    assert key[0].obj is thing  # held, so its id cannot be reused while the entry lives


def test_evidence_lists_are_rendered_once_and_kept_apart_per_mount_point(client):
    """The evidence lists (from the immutable catalogue) are kept once rendered: an app mounted
    under a prefix still links its own registry, whatever was rendered before."""
    plain = client.get("/evidence/").get_data(as_text=True)
    mounted = client.get("/evidence/", base_url="http://localhost/tool").get_data(as_text=True)
    again = client.get("/evidence/").get_data(as_text=True)
    assert 'href="/evidence/#source-' in plain and 'href="/tool/evidence/#source-' not in plain
    assert 'href="/tool/evidence/#source-' in mounted and 'href="/evidence/#source-' not in mounted
    assert again.count('href="/evidence/#source-') == plain.count('href="/evidence/#source-') > 10
    memo = client.application.extensions["roledesign.memos"]["evidence_html"]
    assert len(memo.entries) > 10
