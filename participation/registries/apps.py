"""台账名册: social organisations, social workers and facilities (表1 tasks 6, 13, 17, 19)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistriesConfig(AppConfig):
    name = "participation.registries"
    label = "registries"
    verbose_name = _("Registries")

    def ready(self):
        # Its kinds in the admin's import and export.
        from participation.dataio.registry import Kind, register_kind
        from participation.registries import resources

        for order, (name, label, resource) in enumerate(
            (
                (
                    "social_organisations",
                    _("Social organisations"),
                    resources.SocialOrganisationResource,
                ),
                ("social_workers", _("Social workers"), resources.SocialWorkerResource),
                ("facilities", _("Facilities"), resources.FacilityResource),
            ),
            start=30,
        ):
            register_kind(
                Kind(name, label, resource, "dataio.import_registries", "dataio.export_registries", order)
            )
