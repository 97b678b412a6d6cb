"""Plan inputs for the document tests, built by hand: a post, answers and details."""

from functools import cache

from roledesign.catalog import load_catalog
from roledesign.config import PROJECT_ROOT
from roledesign.documents.plan_documents import build_documents
from roledesign.domain.scoring import Answer
from roledesign.domain.tailoring import Details, DocumentInputs, Post, tailor

POST = {
    "title": "Peer support worker",
    "team": "North community mental health team",
    "setting": "community",
    "introduction": "new_role",
    "employment": "paid",
    "band": "4",
    "hours": "30",
    "peer_workers": 2,
    "line_manager": "Team manager",
}


@cache
def catalog():
    return load_catalog(PROJECT_ROOT / "checklists")


def all_yes(**changes) -> dict[str, Answer]:
    """Every item answered Yes (Quite important), except the ones given, e.g. SUP_02="no"."""
    answers = {item.id: Answer("yes", 3) for item in catalog().items}
    for key, status in changes.items():
        answers[key.replace("_", "-")] = Answer(status, 3)
    return answers


def inputs(answers=None, details=None, confirmed=True, **post) -> DocumentInputs:
    return DocumentInputs(
        organisation="Northshire NHS Trust",
        post=Post(**{**POST, **post}),
        answers=all_yes() if answers is None else answers,
        details=details or Details(),
        assessment_confirmed=confirmed,
    )


def documents_of(plan: DocumentInputs, stamp, done=None) -> dict:
    """The plan's four documents, built as the app builds them: tailored, then laid out."""
    return build_documents(catalog(), tailor(catalog(), plan), stamp, done)
