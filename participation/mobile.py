"""Mainland mobile numbers: what residents type (full-width digits, spaces, +86) becomes 11 digits."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
# Phone keyboards and Excel insert these between digit groups.
_SEPARATORS = re.compile(r"[\s\-()]")


def normalize_mobile(value: str) -> str:
    """Return the 11-digit form of a mobile number, or raise ValidationError with a Chinese message."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = _SEPARATORS.sub("", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not MOBILE_PATTERN.match(text):
        raise ValidationError(
            _("Enter a valid 11-digit mobile number, e.g. 13812345678."), code="invalid_mobile"
        )
    return text


def mask_mobile(mobile: str) -> str:
    """138****5678: enough for a resident to recognise their own number, not enough to call it."""
    if len(mobile) != 11:
        return "*" * len(mobile)
    return f"{mobile[:3]}****{mobile[-4:]}"


def mask_name(name: str) -> str:
    """张*明 / 李* : the 善行榜 and public lists never show a full name."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
