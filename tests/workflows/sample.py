"""A concrete Reviewable for the workflow tests, with one extra state, and its admin viewset.

Its table is created by the session fixture in conftest.py: it has no migration, so `manage.py makemigrations
--check` stays clean (an in-process makemigrations run after these tests are imported would see it)."""

from django.db import models
from django_fsm import transition
from wagtail.admin.viewsets.model import ModelViewSet

from workflows.models import REVIEWER, Reviewable, ReviewState
from workflows.rules import can_review, transition_permission
from workflows.viewsets import ReviewableViewSetMixin

REVIEWER_GROUP = "综合协调组"
OTHER_GROUP = "建设运行组"
PUBLISHED = "published"


class SampleSubmission(Reviewable):
    title = models.CharField("title", max_length=100)

    reviewer_groups = (REVIEWER_GROUP,)
    state_choices = [*ReviewState.choices, (PUBLISHED, "Published")]
    notification_kind = "sample_review"

    class Meta(Reviewable.Meta):
        app_label = "workflows"
        verbose_name = "sample submission"
        verbose_name_plural = "sample submissions"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/samples/{self.pk}/"

    @transition(
        field="state",
        source=ReviewState.APPROVED,
        target=PUBLISHED,
        permission=transition_permission(can_review),
        custom={"label": "Publish", "actor": REVIEWER},
    )
    def publish(self, *, actor=None, comment=""):
        pass


class SampleSubmissionViewSet(ReviewableViewSetMixin, ModelViewSet):
    model = SampleSubmission
    form_fields = ["title"]
    icon = "doc-full"

    def filter_queryset_for_user(self, queryset, user):
        # Stands in for a flow's community scoping: "secret" items are for superusers only.
        return queryset if user.is_superuser else queryset.exclude(title__startswith="secret")


viewset = SampleSubmissionViewSet("samplesubmissions")
# Reviewer notifications link to the admin edit page through Wagtail's URL finder.
viewset.register_admin_url_finder()
