"""Admin forms of the 人人议事厅. Each is scoped to the staff member's communities (`for_user`), and each
is saved through the services, never by the form itself."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.models import User
from participation.selectors import community_ids_for_user, residents_for_staff
from participation.topics.forms import AGENDA_STATES
from participation.topics.models import ConsultationTopic, DeliberationMeeting, MeetingStatus, TopicCategory


def _in_scope(queryset, user, field="community_id"):
    allowed = community_ids_for_user(user=user) if user is not None else set()
    return queryset if allowed is None else queryset.filter(**{f"{field}__in": allowed})


class TopicOnBehalfForm(WagtailAdminModelForm):
    """A coordinator records a topic for a resident who came in person: the resident is its author."""

    submit_now = forms.BooleanField(
        label=_("Submit it for review at once"),
        required=False,
        initial=True,
        help_text=_("Otherwise it is kept as a draft that you can submit later."),
    )

    class Meta:
        model = ConsultationTopic
        fields = ["community", "author", "title", "description", "category"]
        labels = {"author": _("Resident")}
        help_texts = {"author": _("The resident who raised the topic in person; they will be its author.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.fields["author"].required = True
        self.fields["author"].queryset = residents_for_staff(user=user) if user else User.objects.none()
        categories = TopicCategory.objects.filter(is_active=True)
        allowed = community_ids_for_user(user=user) if user is not None else set()
        if allowed is not None:
            categories = categories.filter(Q(community__isnull=True) | Q(community_id__in=allowed))
        self.fields["category"].queryset = categories

    def clean(self):
        data = super().clean()
        community, author, category = data.get("community"), data.get("author"), data.get("category")
        if community and author and not author.communities.filter(pk=community.pk).exists():
            self.add_error("author", _("This resident does not belong to the chosen community."))
        if community and category and category.community_id not in (None, community.pk):
            self.add_error("category", _("This category belongs to another community."))
        return data


class TopicCategoryChangeForm(WagtailAdminModelForm):
    """Staff may only move a topic to another category; its text is the resident's."""

    class Meta:
        model = ConsultationTopic
        fields = ["category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        community_id = self.instance.community_id
        self.fields["category"].queryset = TopicCategory.objects.filter(
            Q(community__isnull=True) | Q(community_id=community_id), is_active=True
        )


class TopicCategoryForm(WagtailAdminModelForm):
    class Meta:
        model = TopicCategory
        fields = ["name", "community", "sort_order", "is_active"]

    def clean(self):
        data = super().clean()
        user = getattr(self, "for_user", None)
        if not data.get("community") and not (user and user.is_superuser):
            # Categories for every community are the street's to define.
            self.add_error("community", _("Please choose your community."))
        return data


class MeetingForm(WagtailAdminModelForm):
    agenda = forms.ModelMultipleChoiceField(
        label=_("Agenda"),
        queryset=ConsultationTopic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Approved topics of the meeting's community. Putting a topic on the agenda schedules it."
        ),
    )

    class Meta:
        model = DeliberationMeeting
        fields = [
            "community",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "host",
            "status",
            "attendees_count",
            "minutes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        candidates = Q(state__in=AGENDA_STATES, is_hidden=False)
        if self.instance.pk:
            candidates |= Q(agenda_items__meeting=self.instance)
            self.fields["agenda"].initial = list(self.instance.topics.values_list("pk", flat=True))
        topics = ConsultationTopic.objects.filter(candidates).select_related("community").distinct()
        self.fields["agenda"].queryset = _in_scope(topics, user).order_by("community", "submitted_at", "pk")
        self.fields["agenda"].label_from_instance = lambda topic: f"{topic.community.name} · {topic.title}"

    def clean(self):
        data = super().clean()
        community = data.get("community")
        for topic in data.get("agenda") or []:
            if community and topic.community_id != community.pk:
                self.add_error(
                    "agenda", _("“%(title)s” belongs to another community.") % {"title": topic.title}
                )
        if data.get("status") == MeetingStatus.HELD:
            if data.get("attendees_count") is None:
                self.add_error("attendees_count", _("A held meeting needs its number of attendees."))
            starts_at = data.get("starts_at")
            if starts_at and starts_at > timezone.now():
                self.add_error("status", _("A meeting in the future cannot have been held yet."))
        ends_at, starts_at = data.get("ends_at"), data.get("starts_at")
        if ends_at and starts_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return data
