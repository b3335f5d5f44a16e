"""A 民情日记 concern becomes a 议事厅 topic in one step (表1 task 5): the confirmation form, the service, and
its registration with the grids app's converters (TopicsConfig.ready)."""

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.grids import conversion
from participation.grids.conversion_forms import (
    SHARED_TEXT_HELP,
    ConfirmationForm,
    first_line,
    resident_field,
)
from participation.grids.models import DiaryEntry
from participation.models import User
from participation.topics import services
from participation.topics.models import ConsultationTopic, TopicCategory
from participation.topics.models.topics import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH
from workflows.exceptions import Invalid, WorkflowError


class TopicFromDiaryForm(ConfirmationForm):
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
        self.fields["resident"] = resident_field(
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
        self.fields["title"].initial = first_line(entry.concerns, TITLE_MAX_LENGTH)
        self.fields["description"].initial = entry.concerns
        self.order_fields(["resident", "category", "title", "description"])


@transaction.atomic
def convert_to_topic(
    *,
    entry: DiaryEntry,
    actor: User,
    category: TopicCategory,
    title: str,
    description: str,
    resident: User | None = None,
) -> ConsultationTopic:
    """A topic submitted for review at once: for the household's resident (their topic, entered by `actor`),
    or, without one, raised by `actor` themselves. Raises AlreadyConverted, ValidationError (Chinese) or
    PermissionDenied; saves nothing then."""
    locked = conversion.locked_entry(entry=entry, actor=actor)
    existing = ConsultationTopic.objects.filter(source_diary_entry=locked).first()
    if existing is not None:
        raise conversion.AlreadyConverted(existing)
    resident = conversion.resident_of(locked, resident)
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise Invalid(_("Please give the topic a title."), code="title")
    author, entered_by = (resident, actor) if resident is not None else (actor, None)
    try:
        with transaction.atomic():
            return services.create_topic(
                author=author,
                community=locked.community,
                title=title,
                description=description,
                category=category,
                submit=True,
                entered_by=entered_by,
                source_diary_entry=locked,
            )
    except (services.TopicActionRefused, WorkflowError) as refusal:
        raise Invalid(str(refusal), code="refused") from None
    except IntegrityError:
        existing = ConsultationTopic.objects.filter(source_diary_entry=locked).first()
        if existing is None:
            raise
        raise conversion.AlreadyConverted(existing) from None


def _convert(*, entry, actor, data):
    topic = convert_to_topic(
        entry=entry,
        actor=actor,
        category=data["category"],
        title=data["title"],
        description=data["description"],
        resident=data["resident"],
    )
    return topic, None


CONVERTER = conversion.DiaryConverter(
    kind="topic",
    label=_("consultation topic"),
    model=ConsultationTopic,
    related_name="topics",
    form_class=TopicFromDiaryForm,
    convert=_convert,
    page_title=_("Turn the concern into a consultation topic"),
    button_label=_("Turn into a consultation topic"),
    item_format=_("Topic “%(object)s”"),
    explanation=_(
        "The topic is submitted at once for review by the coordination group; only its title and "
        "description are ever published."
    ),
)
