"""网格员 see and handle the help requests routed to their grid in the admin (the viewset narrows them to their
grid's requests and those assigned to them); changing covers their handling and the requests' details."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "网格员"
CODENAMES = ("view_helprequest", "change_helprequest")


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="participation", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="participation", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("participation", "0017_grid_routing_and_diary_conversion")]

    operations = [migrations.RunPython(grant, revoke)]
