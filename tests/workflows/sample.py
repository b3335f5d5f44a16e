"""A concrete Reviewable for the workflow tests, with one extra state, and its admin viewset.

The model lives in tests/sample_app, an app only the test settings install, with its own migration."""

from wagtail.admin.viewsets.model import ModelViewSet

from tests.sample_app.models import OTHER_GROUP, PUBLISHED, REVIEWER_GROUP, SampleSubmission
from workflows.viewsets import ReviewableViewSetMixin

__all__ = ["OTHER_GROUP", "PUBLISHED", "REVIEWER_GROUP", "SampleSubmission", "viewset"]


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
