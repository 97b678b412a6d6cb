from pathlib import PurePosixPath

from flask_wtf.file import FileField
from wtforms import TextAreaField

from roledesign.documents.extract import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_TEXT,
    UnreadableFile,
    too_long_message,
)
from roledesign.documents.sandbox import extract_text_bounded
from roledesign.web.forms import BaseForm, SelectField, choices

NOT_ATTACHED = ("", "Not attached to a role plan")


class JdCheckForm(BaseForm):
    """Paste a job description or upload one, optionally for a role plan.

    After validation, ``checked`` holds (text, source, name) for the service.
    """

    text = TextAreaField(
        "Paste the text",
        description="Copy the whole job description, person specification or advert.",
    )
    upload = FileField(
        "Or upload a file",
        description=f"A Word (.docx), text (.txt) or PDF file, smaller than {MAX_UPLOAD_TEXT}.",
    )
    plan_id = SelectField(
        "Is it for one of your role plans?",
        description="Attach it to a plan to find it from the plan's task list.",
        invalid_message="Select a role plan from the list, or 'Not attached to a role plan'",
    )

    def __init__(self, plans, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan_id.choices = choices(
            [NOT_ATTACHED, *((str(p.id), f"{p.title} – {p.team}") for p in plans)]
        )
        self.checked: tuple[str, str, str] | None = None

    def has_file(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        text = (self.text.data or "").strip()
        if text and self.has_file():
            self.text.errors.append("Paste the text or upload a file, not both")
            return False
        if self.has_file():
            return self._read_upload()
        if not text:
            self.text.errors.append(
                "Paste the text of a job description or advert, or choose a file to upload"
            )
            return False
        if len(text) > MAX_TEXT_CHARS:
            self.text.errors.append(too_long_message(len(text)))
            return False
        if not any(c.isalpha() for c in text):
            self.text.errors.append("Paste the words of the job description, not only numbers")
            return False
        self.checked = (text, "paste", "Pasted text")
        return True

    def _read_upload(self) -> bool:
        storage = self.upload.data
        name = PurePosixPath(storage.filename.replace("\\", "/")).name
        data = storage.read(MAX_UPLOAD_BYTES + 1)
        try:
            text, kind = extract_text_bounded(data, name)
        except UnreadableFile as err:
            self.upload.errors.append(str(err))
            return False
        self.checked = (text, kind.lstrip("."), name)
        return True
