"""The confirmation forms of turning a 民情日记 concern into a 解忧铺 request or a 议事厅 topic: pre-filled
from the entry, every field the public may later see is the converter's to check and change."""

from django import forms
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from participation.forms import MobileField
from participation.grids.models import DiaryEntry
from participation.help import selectors as help_selectors
from participation.help.forms import _Chinese, _request_fields
from participation.models import User
from participation.topics.models import TopicCategory
from participation.topics.models.topics import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH

SHARED_TEXT_HELP = _(
    "Pre-filled with what was raised. Whatever stays here may be seen by the requester and, if allowed, "
    "the public: take out anything private. The diary entry itself is never shown."
)


def _first_line(text: str, length: int) -> str:
    line = next((line.strip() for line in (text or "").splitlines() if line.strip()), "")
    return Truncator(line).chars(length)


def household_residents(entry: DiaryEntry):
    """Active accounts linked to the entry's household, in its community."""
    return User.objects.filter(
        household_id=entry.household_id, is_active=True, communities=entry.community_id
    ).order_by("display_name", "pk")


def _resident_field(entry: DiaryEntry, *, empty_label, help_text):
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


class HelpFromDiaryForm(_Chinese):
    name = forms.CharField(label=_("Name"), max_length=50, required=False)
    phone = MobileField(label=_("Mobile number"), required=False)

    def __init__(self, *args, entry: DiaryEntry, **kwargs):
        super().__init__(*args, **kwargs)
        household = entry.household
        self.fields["resident"] = _resident_field(
            entry,
            empty_label=_("— no account: the head of household below —"),
            help_text=_("The request is theirs: they follow it under 我的 and are told of every step."),
        )
        _request_fields(self, help_selectors.active_categories(community=entry.community))
        self.fields["summary"].initial = _first_line(entry.concerns, 80)
        self.fields["description"].initial = entry.concerns
        self.fields["description"].help_text = SHARED_TEXT_HELP
        self.fields["name"].initial = household.head_name
        self.fields["phone"].initial = household.phone
        self.fields["name"].help_text = _(
            "For a requester without an account: the head of household by default."
        )
        self.order_fields(["resident", "name", "phone", "category", "summary", "description"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("resident") is None and "resident" not in self.errors:
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", _("Give the name of a requester without an account."))
            if not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error("phone", _("Give the mobile number of a requester without an account."))
        return cleaned


class TopicFromDiaryForm(_Chinese):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={"required": _("Please give the topic a title.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=SHARED_TEXT_HELP,
    )

    def __init__(self, *args, entry: DiaryEntry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resident"] = _resident_field(
            entry,
            empty_label=_("— none: I raise the topic myself —"),
            help_text=_("The topic is theirs, entered by you; without one you are its author."),
        )
        self.fields["category"] = forms.ModelChoiceField(
            label=_("Category"),
            empty_label=_("Choose a category"),
            queryset=TopicCategory.objects.filter(
                Q(community__isnull=True) | Q(community_id=entry.community_id), is_active=True
            ),
            error_messages={"required": _("Please choose a category.")},
        )
        self.fields["title"].initial = _first_line(entry.concerns, TITLE_MAX_LENGTH)
        self.fields["description"].initial = entry.concerns
        self.order_fields(["resident", "category", "title", "description"])
