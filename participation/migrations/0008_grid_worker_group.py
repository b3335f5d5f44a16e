"""The 网格员 group, and who may keep grids, households and the 民情日记 in the admin.

The evaluation group gets no permission on diary entries: it sees only their counts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("grid", "household", "diaryentry")
GROUPS = {
    "综合协调组": {m: ("add", "change", "view", "delete") for m in MODELS},
    "建设运行组": {
        "grid": ("view",),
        "household": ("add", "change", "view"),
        "diaryentry": ("add", "change", "view"),
    },
    "网格员": {
        "grid": ("view",),
        "household": ("add", "change", "view"),
        "diaryentry": ("add", "change", "view"),
    },
}


def forward(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for model, actions in spec.items():
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="participation", codename=f"{action}_{model}"
                    )
                )


def backward(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="网格员").delete()


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_grids")]

    operations = [migrations.RunPython(forward, backward)]
