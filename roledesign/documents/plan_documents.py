"""The three documents of a plan: built from one version's inputs, rendered, named and zipped."""

import re
import zipfile
from collections.abc import Mapping
from io import BytesIO

from roledesign.catalog import Catalog
from roledesign.documents import FORMATS, render
from roledesign.documents.job_description import build_job_description
from roledesign.documents.managers_notes import build_managers_notes
from roledesign.documents.model import Document
from roledesign.documents.plan_common import KINDS, Kind, Stamp
from roledesign.documents.recruitment_checklist import build_recruitment_checklist
from roledesign.documents.supervision_plan import build_supervision_plan
from roledesign.domain.tailoring import Tailored


def build_documents(
    catalog: Catalog,
    tailored: Tailored,
    stamp: Stamp,
    done: Mapping[str, str] | None = None,
) -> dict[str, Document]:
    """Every document of the plan, keyed by kind (job_description, ...)."""
    return {
        "job_description": build_job_description(catalog, tailored, stamp),
        "supervision_plan": build_supervision_plan(catalog, tailored, stamp),
        "recruitment_checklist": build_recruitment_checklist(catalog, tailored, stamp, done),
        "managers_notes": build_managers_notes(catalog, tailored, stamp),
    }


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "post"


def _version_part(version: int | None) -> str:
    return f"v{version}" if version is not None else "unsaved"


def file_name(post_title: str, kind: Kind, version: int | None, fmt: str) -> str:
    """e.g. 'peer-support-worker-job-description-v3.pdf': the post, the document, the version
    ('unsaved' for documents not saved as a version), the format."""
    return f"{slugify(post_title)}-{kind.slug}-{_version_part(version)}.{fmt}"


def bundle_name(post_title: str, version: int | None) -> str:
    return f"{slugify(post_title)}-documents-{_version_part(version)}.zip"


def bundle(documents: Mapping[str, Document], post_title: str, stamp: Stamp) -> bytes:
    """Every document as PDF and Word in one ZIP file, dated with the version's date."""
    buffer = BytesIO()
    when = (stamp.issued.year, stamp.issued.month, stamp.issued.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind in KINDS:
            for fmt in FORMATS:
                info = zipfile.ZipInfo(file_name(post_title, kind, stamp.version, fmt), when)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, render(documents[kind.key], fmt))
    return buffer.getvalue()
