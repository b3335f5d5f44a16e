from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from participation.dataio.admin_views import ExportView, ImportView, may_use_data


class _DataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_data(request.user)


class DataViewSet(ViewSet):
    icon = "download"
    menu_label = _("Import and export")
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = _DataMenuItem

    def get_urlpatterns(self):
        kwargs = {
            "index_url_name": self.get_url_name("import"),
            "import_url_name": self.get_url_name("import"),
            "export_url_name": self.get_url_name("export"),
        }
        return [
            path("", ImportView.as_view(**kwargs), name="import"),
            path("export/", ExportView.as_view(**kwargs), name="export"),
        ]
