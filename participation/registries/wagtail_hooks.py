"""台账名册 in the admin: social organisations, social workers, facilities."""

from wagtail import hooks

from participation.registries.viewsets import RegistryViewSetGroup


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()
