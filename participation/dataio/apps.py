"""Imports and exports of residents and registries; each app registers its kinds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataioConfig(AppConfig):
    name = "participation.dataio"
    label = "dataio"
    verbose_name = _("Import and export")

    def ready(self):
        # Residents belong to the core, which knows nothing of imports: their kind is dataio's own.
        from participation.dataio.registry import Kind, register_kind
        from participation.dataio.resident_import import import_residents
        from participation.dataio.resources import ResidentResource

        register_kind(
            Kind(
                "residents",
                _("Residents"),
                ResidentResource,
                "dataio.import_residents",
                "dataio.export_residents",
                order=10,
                bulk_import=import_residents,
            )
        )
