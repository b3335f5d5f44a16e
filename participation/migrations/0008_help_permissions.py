"""人人解忧铺: the work groups' model permissions (the admin's menus and views ask for them).

Coordination triages and assigns, keeps the categories; operations handles; both enter requests for residents
who phone or come in, and keep the response templates. Object-level rules (participation/help/rules.py) and
community scoping narrow these further."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
GRANTS = {
    "综合协调组": [
        *(f"{action}_helpcategory" for action in ACTIONS),
        *(f"{action}_responsetemplate" for action in ACTIONS),
        "add_helprequest",
        "change_helprequest",
        "view_helprequest",
    ],
    "建设运行组": [
        "view_helpcategory",
        *(f"{action}_responsetemplate" for action in ACTIONS),
        "add_helprequest",
        "change_helprequest",
        "view_helprequest",
    ],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
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
    dependencies = [("participation", "0007_help")]

    operations = [migrations.RunPython(grant, revoke)]
