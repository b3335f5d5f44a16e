"""Wagtail's admin JavaScript catalogue, plus our translations of the strings Wagtail's zh_Hans leaves out.

Django's JavaScriptCatalog reads only the packages it is given (not LOCALE_PATHS), so the admin's own view
cannot see locale_wagtail/; this one adds it after Wagtail's catalogue."""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response


class AdminJavaScriptCatalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return [*super().get_paths(packages), str(settings.BASE_DIR / "locale_wagtail")]


_catalog = AdminJavaScriptCatalog.as_view(packages=["wagtail.admin"])


def admin_javascript_catalog(request, *args, **kwargs):
    # As Wagtail's own view: in the staff member's preferred admin language.
    return get_localized_response(_catalog, request, *args, **kwargs)
