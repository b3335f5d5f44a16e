"""A 民情日记 concern becomes a 解忧铺 request in one step (表1 task 5): the confirmation form, the service, and
its registration with the grids app's converters (HelpConfig.ready)."""

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from participation.forms import MobileField
from participation.grids import conversion
from participation.grids.conversion_forms import (
    SHARED_TEXT_HELP,
    ConfirmationForm,
    first_line,
    resident_field,
)
from participation.grids.models import DiaryEntry
from participation.help import selectors, services
from participation.help.forms import _request_fields
from participation.help.models import HelpCategory, HelpRequest
from participation.help.models.requests import IntakeChannel
from participation.models import User
from workflows.exceptions import Invalid, WorkflowError


class HelpFromDiaryForm(ConfirmationForm):
    name = forms.CharField(label=_("Name"), max_length=50, required=False)
    phone = MobileField(label=_("Mobile number"), required=False)

    def __init__(self, *args, entry: DiaryEntry, **kwargs):
        super().__init__(*args, **kwargs)
        household = entry.household
        self.fields["resident"] = resident_field(
            entry,
            empty_label=_("— no account: the head of household below —"),
            help_text=_("The request is theirs: they follow it under 我的 and are told of every step."),
        )
        _request_fields(self, selectors.active_categories(community=entry.community))
        self.fields["summary"].initial = first_line(entry.concerns, 80)
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


@transaction.atomic
def convert_to_help_request(
    *,
    entry: DiaryEntry,
    actor: User,
    category: HelpCategory,
    summary: str,
    description: str,
    resident: User | None = None,
    name: str = "",
    phone: str = "",
    is_public: bool = False,
    is_sensitive: bool = False,
) -> tuple[HelpRequest, str | None]:
    """A request entered by `actor` for the household's resident (their account), or for the head of
    household without one (name and mobile; a tracking token is returned, to hand over once). It goes to the
    household's grid. Raises AlreadyConverted, ValidationError (Chinese) or PermissionDenied; saves nothing then."""
    locked = conversion.locked_entry(entry=entry, actor=actor)
    existing = HelpRequest.objects.filter(source_diary_entry=locked).first()
    if existing is not None:
        raise conversion.AlreadyConverted(existing)
    resident = conversion.resident_of(locked, resident)
    household = locked.household
    try:
        with transaction.atomic():
            return services.submit_request(
                community=locked.community,
                category=category,
                summary=summary,
                description=description,
                requester=resident,
                name=name,
                phone=phone,
                is_public=is_public,
                is_sensitive=is_sensitive,
                entered_by=actor,
                channel=IntakeChannel.IN_PERSON,
                grid=household.grid,
                source_diary_entry=locked,
            )
    except WorkflowError as error:
        raise Invalid(str(error), code="refused") from None
    except IntegrityError:
        existing = HelpRequest.objects.filter(source_diary_entry=locked).first()
        if existing is None:
            raise
        raise conversion.AlreadyConverted(existing) from None


def _convert(*, entry, actor, data):
    return convert_to_help_request(
        entry=entry,
        actor=actor,
        category=data["category"],
        summary=data["summary"],
        description=data["description"],
        resident=data["resident"],
        name=data.get("name", ""),
        phone=data.get("phone", ""),
        is_public=data["is_public"],
        is_sensitive=data["is_sensitive"],
    )


CONVERTER = conversion.DiaryConverter(
    kind="help",
    label=_("help request"),
    model=HelpRequest,
    related_name="help_requests",
    form_class=HelpFromDiaryForm,
    convert=_convert,
    page_title=_("Turn the concern into a help request"),
    button_label=_("Turn into a help request"),
    item_format=_("Help request %(object)s"),
    explanation=_(
        "The request is entered by you for the household and submitted at once; the coordination group "
        "accepts it, and it then goes to the grid worker."
    ),
)
