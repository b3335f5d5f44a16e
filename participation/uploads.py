"""Residents' photos: checked by content (not by name), size-capped, and re-encoded.

Re-encoding drops everything but the pixels: EXIF (phones write the GPS position of the photo into it),
embedded scripts, and any payload hidden after the image data. Only JPEG, PNG and WebP are accepted — never
SVG, which is a document that can carry script."""

import io
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = getattr(settings, "RESIDENT_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
MAX_PIXELS = 40_000_000  # a decompression bomb is small on disk and huge in memory
MAX_SIDE = 2400  # plenty for a phone screen; keeps storage and page weight sane


def clean_image(uploaded, *, max_bytes: int | None = None) -> ContentFile:
    """A re-encoded copy of an uploaded image with a random name, or ValidationError in Chinese. The size cap is
    the residents' (MAX_BYTES) unless the caller, e.g. staff evidence, allows more."""
    max_bytes = max_bytes or MAX_BYTES
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s). Each image may be at most %(max)s."),
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "max": filesizeformat(max_bytes)},
        )
    uploaded.seek(0)
    data = uploaded.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image_format = image.format
        if image_format not in ALLOWED_FORMATS:
            raise UnidentifiedImageError(image_format)
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image."), code="not_an_image"
        ) from error

    output = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(output, "JPEG", quality=85, optimize=True)
    elif image_format == "PNG":
        image.save(output, "PNG", optimize=True)
    else:
        image.save(output, "WEBP", quality=85)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ResidentImagesField(forms.FileField):
    """Zero or more photos; cleans to a list of re-encoded ContentFiles."""

    widget = MultipleFileInput

    def __init__(self, *, max_count: int = 4, **kwargs):
        self.max_count = max_count
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Photos"))
        kwargs.setdefault(
            "help_text",
            _("Up to %(count)s JPEG, PNG or WebP images, %(max)s each.")
            % {"count": max_count, "max": filesizeformat(MAX_BYTES)},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_count:
            raise ValidationError(
                _("At most %(count)s images."), code="too_many", params={"count": self.max_count}
            )
        errors, cleaned = [], []
        for uploaded in files:
            try:
                cleaned.append(clean_image(super().clean(uploaded, initial)))
            except ValidationError as error:
                errors.extend(ValidationError(f"{uploaded.name}: {message}") for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned
