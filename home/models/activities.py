from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import page_data
from home.blocks import BodyBlock
from home.models.mixins import (
    SegmentedSearchMixin,
    ViewRestrictionShortcutMixin,
    community_home,
    paginate,
    segmented_search_fields,
)


class ActivityIndexPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ActivityPage"]

    class Meta:
        verbose_name = _("activity index page")
        verbose_name_plural = _("activity index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        activities = ActivityPage.objects.child_of(self).live().order_by("-starts_at", "-pk")
        context["activities"] = paginate(request, activities, self.per_page)
        context["now"] = timezone.now()
        home = community_home(self)
        if home is not None:
            context["calendar_url"] = reverse("activities:calendar", args=[home.community.slug])
        return context


class ActivityPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    """A community activity (主题活动, standard 5.1.3.2): time, place, organiser, capacity, sign-up deadline."""

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=120)
    organiser = models.CharField(_("organiser"), max_length=120)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    signup_deadline = models.DateTimeField(_("sign-up deadline"), null=True, blank=True)
    points = models.PositiveIntegerField(
        _("points for attending"),
        default=0,
        help_text=_("Points a resident earns when checked in; 0 for none."),
    )
    is_volunteer_activity = models.BooleanField(
        _("volunteer activity"), default=False, help_text=_("Attendance is recorded as volunteer hours.")
    )
    volunteer_hours = models.DecimalField(
        _("volunteer hours"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("0"),
        help_text=_("Hours credited to each attendee of a volunteer activity."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("place"),
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("signup_deadline")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("points"),
                FieldRowPanel([FieldPanel("is_volunteer_activity"), FieldPanel("volunteer_hours")]),
            ],
            heading=_("Points and volunteer hours"),
        ),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = segmented_search_fields(index.FilterField("starts_at"))
    parent_page_types = ["home.ActivityIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("activity page")
        verbose_name_plural = _("activity pages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(volunteer_hours__gte=0) & models.Q(volunteer_hours__lte=24),
                name="activity_volunteer_hours_0_to_24",
            ),
            models.CheckConstraint(
                condition=models.Q(signup_deadline__isnull=True)
                | models.Q(signup_deadline__lte=models.F("starts_at")),
                name="activity_signup_deadline_before_start",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The activity cannot end before it starts.")
        if self.signup_deadline and self.starts_at and self.signup_deadline > self.starts_at:
            errors["signup_deadline"] = _("The sign-up deadline must be before the activity starts.")
        if self.is_volunteer_activity and not (self.volunteer_hours and 0 < self.volunteer_hours <= 24):
            errors["volunteer_hours"] = _("A volunteer activity credits more than 0 and at most 24 hours.")
        if self.capacity is not None and self.pk:
            # Reading participation is allowed: home never writes there.
            taken = page_data.confirmed_signups(activity=self)
            if self.capacity < taken:
                errors["capacity"] = _(
                    "%(count)s people are already confirmed: the capacity cannot be less than that."
                ) % {"count": taken}
        if errors:
            raise ValidationError(errors)

    def search_text_parts(self):
        body = self.body.render_as_block() if self.body else ""
        return [*super().search_text_parts(), self.place, self.organiser, self.summary, body]

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def signup_open(self) -> bool:
        deadline = self.signup_deadline or self.starts_at
        return timezone.now() <= deadline
