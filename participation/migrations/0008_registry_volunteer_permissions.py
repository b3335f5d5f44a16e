"""Model permissions of the registries and volunteers for the role groups (DESIGN.md §2), and who may see
residents' full mobile numbers in exports (the coordination group)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
MANAGED = ("socialorganisation", "socialworker", "facility", "volunteer", "volunteerteam")
GRANTS = {
    # Volunteers register themselves (or come in by import): staff edit and deactivate, never add by hand.
    "建设运行组": [
        f"{action}_{model}" for model in MANAGED for action in ALL if (action, model) != ("add", "volunteer")
    ]
    + ["view_volunteerhours", "change_volunteerhours"],
    "综合协调组": [f"view_{model}" for model in (*MANAGED, "volunteerhours")] + ["view_resident_contact"],
    "效果评价组": [f"view_{model}" for model in (*MANAGED, "volunteerhours")],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("participation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="participation", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="participation", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_activities_volunteers_registries")]

    operations = [migrations.RunPython(grant, revoke)]
