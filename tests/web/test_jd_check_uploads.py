"""Hostile uploads to the job description check (issue 14): each crafted file is refused
quickly with a plain message in the error summary and beside the field, nothing is stored, and
ordinary files are still read. The reading runs in a child process with hard limits, which is
always reaped."""

import multiprocessing

import pytest
from sqlalchemy import func, select

from roledesign.documents.extract import UnreadableFile
from roledesign.documents.sandbox import read_upload
from roledesign.extensions import db
from roledesign.models import JdCheck
from tests.documents import hostile_files
from tests.web.test_jd_check_views import NEW, post_in_memory, text

TOO_COMPLEX = "is too large or complicated to read"
DAMAGED = "It may be damaged"
REFUSALS = {
    "shared content stream (PDF)": TOO_COMPLEX,
    "a million empty paragraphs (Word)": TOO_COMPLEX,
    "58 MB of XML (Word)": TOO_COMPLEX,
    "zip bomb member (Word)": TOO_COMPLEX,
    "lying zip sizes (Word)": DAMAGED,
    "truncated PDF": DAMAGED,
    "truncated Word file": "is not a Word (.docx) file",
    "garbage PDF": DAMAGED,
    "garbage Word file": "is not a Word (.docx) file",
}


def checks(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(JdCheck))


def test_every_crafted_file_has_an_expected_refusal():
    assert set(REFUSALS) == set(hostile_files.HOSTILE)


@pytest.mark.parametrize("label", list(hostile_files.HOSTILE))
def test_crafted_files_are_refused_beside_the_field(app, client, auth, browser, label):
    auth.manager()
    name, data = hostile_files.HOSTILE[label]()
    response = post_in_memory(
        client, NEW, {"csrf_token": browser.csrf(NEW), "text": ""}, name, data
    )
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page and 'href="#upload"' in page
    assert 'aria-describedby="upload-hint upload-error"' in page
    assert f"{name} " in page and REFUSALS[label] in page and "paste the text instead" in page
    assert checks(app) == 0
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("make", [hostile_files.normal_docx, hostile_files.normal_pdf])
def test_ordinary_generated_files_are_still_read(app, client, auth, browser, make):
    auth.manager()
    name, data = make()
    response = post_in_memory(
        client, NEW, {"csrf_token": browser.csrf(NEW), "text": ""}, name, data
    )
    assert response.status_code == 302, text(response)[:2000]
    with app.app_context():
        check = db.session.scalar(select(JdCheck))
        assert check.name == name and "eer support worker" in check.text.replace("\n", " ")


def test_reading_stops_at_the_text_limit(app, client, auth, browser):
    """7,000 paragraphs of 20 characters: within the caps, over the text limit."""
    auth.manager()
    body = hostile_files.PARAGRAPH * 7000
    data = hostile_files._minimal_docx(hostile_files._document(body))
    fields = {"csrf_token": browser.csrf(NEW), "text": ""}
    page = text(post_in_memory(client, NEW, fields, "long.docx", data))
    assert "The text is more than 100,000 characters long" in page
    assert checks(app) == 0


def test_the_child_is_stopped_at_its_memory_and_time_limits_and_reaped():
    name = "longer.docx"
    data = hostile_files._minimal_docx(hostile_files._document(hostile_files.PARAGRAPH * 3000))
    assert "Peer support worker" in read_upload(data, name).text
    for limits in ({"memory_bytes": 0}, {"wall_seconds": 0.000_001}):
        with pytest.raises(UnreadableFile, match=TOO_COMPLEX):
            read_upload(data, name, **limits)
        assert multiprocessing.active_children() == []
