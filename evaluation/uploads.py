"""Evidence files: images, PDF and Office documents, recognised by their content, not by their name.

The name's extension must agree with what the bytes are; Office files with macros are refused; 20 MB each."""

import io
import zipfile
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from evaluation.models import FileKind
from evaluation.models.evidence import MAX_EVIDENCE_FILE_BYTES
from participation.uploads import MultipleFileInput, clean_image

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of legacy .doc and .xls
EXTENSIONS = {
    "jpg": FileKind.JPEG,
    "jpeg": FileKind.JPEG,
    "png": FileKind.PNG,
    "webp": FileKind.WEBP,
    "pdf": FileKind.PDF,
    "docx": FileKind.DOCX,
    "xlsx": FileKind.XLSX,
    "pptx": FileKind.PPTX,
    "doc": FileKind.DOC,
    "xls": FileKind.XLS,
}
# The part every Office Open XML package of that kind has.
OOXML_MAIN_PARTS = {FileKind.DOCX: "word/", FileKind.XLSX: "xl/", FileKind.PPTX: "ppt/"}
ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,.pptx,.doc,.xls"


@dataclass(frozen=True)
class CheckedFile:
    uploaded: object
    kind: str
    original_name: str
    size: int


def _sniff(head: bytes, data: bytes, expected: str) -> str | None:
    """The kind the bytes show, given the kind the name claims; None when they are not that kind."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind.WEBP
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(OLE2_SIGNATURE):
        # The legacy container does not say cheaply whether it is Word or Excel: trust the name for that.
        return expected if expected in (FileKind.DOC, FileKind.XLS) else None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" not in names or any(name.endswith("vbaProject.bin") for name in names):
            return None
        for kind, prefix in OOXML_MAIN_PARTS.items():
            if any(name.startswith(prefix) for name in names):
                return kind
    return None


def check_evidence_file(uploaded) -> CheckedFile:
    """Raise ValidationError (in Chinese) unless the file is an allowed kind of at most 20 MB."""
    name = uploaded.name or ""
    if uploaded.size > MAX_EVIDENCE_FILE_BYTES:
        raise ValidationError(
            _("%(name)s is too large (%(size)s). Each file may be at most %(max)s."),
            code="too_large",
            params={
                "name": name,
                "size": filesizeformat(uploaded.size),
                "max": filesizeformat(MAX_EVIDENCE_FILE_BYTES),
            },
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = EXTENSIONS.get(extension)
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    kind = _sniff(data[:16], data, expected) if expected else None
    if kind is None or kind != expected:
        raise ValidationError(
            _(
                "%(name)s is not an accepted file: only JPEG, PNG or WebP images, PDF, and Word, Excel or "
                "PowerPoint documents (without macros) whose content matches their name."
            ),
            code="bad_type",
            params={"name": name},
        )
    if kind in (FileKind.JPEG, FileKind.PNG, FileKind.WEBP):
        # Re-encoded like residents' photos: a photo of a visit keeps no GPS position or other EXIF data.
        try:
            uploaded = clean_image(uploaded, max_bytes=MAX_EVIDENCE_FILE_BYTES)
        except ValidationError:
            raise ValidationError(
                _("%(name)s is not a readable image."), code="bad_image", params={"name": name}
            ) from None
    return CheckedFile(uploaded=uploaded, kind=kind, original_name=name[-200:], size=uploaded.size)


class EvidenceFilesField(forms.FileField):
    """Zero or more evidence files; cleans to a list of CheckedFile."""

    widget = MultipleFileInput

    def __init__(self, *, max_count: int = 10, **kwargs):
        self.max_count = max_count
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Add files"))
        kwargs.setdefault(
            "help_text",
            _(
                "Up to %(count)s files of at most %(max)s each: JPEG, PNG or WebP images, PDF, Word, Excel or "
                "PowerPoint."
            )
            % {"count": max_count, "max": filesizeformat(MAX_EVIDENCE_FILE_BYTES)},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_count:
            raise ValidationError(
                _("At most %(count)s files at a time."), code="too_many", params={"count": self.max_count}
            )
        errors, cleaned = [], []
        for uploaded in files:
            try:
                cleaned.append(check_evidence_file(super().clean(uploaded, initial)))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
