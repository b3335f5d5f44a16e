"""Model permissions of the points admin (DESIGN.md §2): the operations group keeps the rewards, reviews
claims and hands out redemptions; transitions and the award form follow participation/points/rules.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "建设运行组": [
        "view_pointsclaim",
        "add_reward",
        "change_reward",
        "delete_reward",
        "view_reward",
        "view_redemption",
    ],
    "综合协调组": ["view_pointsclaim", "view_reward", "view_redemption"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
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
    dependencies = [("participation", "0007_points")]

    operations = [migrations.RunPython(grant, revoke)]
