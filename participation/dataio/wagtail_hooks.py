"""The import and export page in the admin."""

from wagtail import hooks

from participation.dataio.viewsets import DataViewSet


@hooks.register("register_admin_viewset")
def register_data_viewset():
    return DataViewSet("data")
