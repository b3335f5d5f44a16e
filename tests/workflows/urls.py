"""The project's URLs plus the sample viewset's admin views and the workflows public URLs."""

from django.urls import include, path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from renren_cms import urls as project_urls
from tests.workflows.sample import viewset

urlpatterns = [
    path(
        "admin/samplesubmissions/",
        include(
            (decorate_urlpatterns(viewset.get_urlpatterns(), require_admin_access), viewset.url_namespace),
            namespace=viewset.url_namespace,
        ),
    ),
    path("", include("workflows.urls")),
    *project_urls.urlpatterns,
]
