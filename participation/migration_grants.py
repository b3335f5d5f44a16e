"""What the hand-written migrations of every app share: the role groups and their model permissions.

Each app's migration names the permissions its groups get (`grant_permissions("help", {...})`); this module
creates the groups and permissions it needs, so an app's migration depends only on the core's groups migration
and its own initial one. Object-level rules (rules.py, community scoping) narrow these further."""

from collections.abc import Iterable, Mapping

from django.contrib.auth.management import create_permissions
from django.db import migrations


def ensure_permissions(apps) -> None:
    # Django creates permissions after all migrations have run: make them exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permissions(apps, app_label: str, codenames: Iterable[str]):
    Permission = apps.get_model("auth", "Permission")
    codenames = set(codenames)
    found = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = codenames - set(found.values_list("codename", flat=True))
    if missing:
        # A misspelt codename would otherwise grant nothing, silently.
        raise LookupError(f"No such permissions in {app_label}: {sorted(missing)}")
    return list(found)


def grant_permissions(app_label: str, grants: Mapping[str, Iterable[str]]) -> migrations.RunPython:
    """A migration operation giving each named group these model permissions of `app_label`."""
    grants = {name: tuple(codenames) for name, codenames in grants.items()}

    def forward(apps, schema_editor):
        ensure_permissions(apps)
        Group = apps.get_model("auth", "Group")
        for name, codenames in grants.items():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(*_permissions(apps, app_label, codenames))

    def backward(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for name, codenames in grants.items():
            for group in Group.objects.filter(name=name):
                group.permissions.remove(*_permissions(apps, app_label, codenames))

    return migrations.RunPython(forward, backward)


def all_actions(*models: str) -> list[str]:
    """add/change/delete/view of each model (lower-case model names)."""
    return [f"{action}_{model}" for model in models for action in ("add", "change", "delete", "view")]
