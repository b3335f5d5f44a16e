"""The sample Reviewable of the workflow-core tests (installed only by the test settings)."""

from django.db import models
from django_fsm import transition

from workflows.models import REVIEWER, Reviewable, ReviewState
from workflows.rules import can_review, transition_permission

REVIEWER_GROUP = "综合协调组"
OTHER_GROUP = "建设运行组"
PUBLISHED = "published"


class SampleSubmission(Reviewable):
    title = models.CharField("title", max_length=100)

    reviewer_groups = (REVIEWER_GROUP,)
    state_choices = [*ReviewState.choices, (PUBLISHED, "Published")]
    notification_kind = "sample_review"

    class Meta(Reviewable.Meta):
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
