"""What the confirmation forms of a diary conversion share (help/diary.py and topics/diary.py hold the forms):
pre-filled from the entry, every field the public may later see is the converter's to check and change."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from participation.grids.models import DiaryEntry
from participation.models import User
from participation.plaintext import PublicTextMixin

SHARED_TEXT_HELP = _(
    "Pre-filled with what was raised. Whatever stays here may be seen by the requester and, if allowed, "
    "the public: take out anything private. The diary entry itself is never shown."
)


def first_line(text: str, length: int) -> str:
    line = next((line.strip() for line in (text or "").splitlines() if line.strip()), "")
    return Truncator(line).chars(length)


def household_residents(entry: DiaryEntry):
    """Active accounts linked to the entry's household, in its community."""
    return User.objects.filter(
        household_id=entry.household_id, is_active=True, communities=entry.community_id
    ).order_by("display_name", "pk")


def resident_field(entry: DiaryEntry, *, empty_label, help_text):
    residents = household_residents(entry)
    return forms.ModelChoiceField(
        label=_("Resident of the household"),
        queryset=residents,
        required=False,
        empty_label=empty_label,
        initial=residents.values_list("pk", flat=True).first(),
        help_text=help_text,
        error_messages={"invalid_choice": _("This resident is not a member of the household.")},
    )


class ConfirmationForm(PublicTextMixin, forms.Form):
    """The base of every conversion's confirmation form."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no trailing colon
        super().__init__(*args, **kwargs)
