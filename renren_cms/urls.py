from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.api import api_router
from renren_cms.admin_i18n import admin_javascript_catalog

urlpatterns = [
    # Before the admin's own URLs, so that this catalogue (with our added translations) is served.
    path("admin/jsi18n/", admin_javascript_catalog),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", home_views.search, name="search"),
    path("", include("participation.urls")),
    path("", include("workflows.urls")),
    path("", include("evaluation.urls")),
    path("api/v2/", api_router.urls),
]

if getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
