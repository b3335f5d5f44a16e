"""The default topic categories (for every community) and the coordination group's permissions on the
人人议事厅's admin. Other work groups get none: only coordination reviews topics and runs meetings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DEFAULT_CATEGORIES = ("环境卫生", "停车管理", "公共设施", "邻里关系", "其他")
COORDINATION = "综合协调组"
PERMISSIONS = (
    "view_consultationtopic",
    "add_consultationtopic",
    "change_consultationtopic",
    "view_topiccategory",
    "add_topiccategory",
    "change_topiccategory",
    "view_deliberationmeeting",
    "add_deliberationmeeting",
    "change_deliberationmeeting",
    "view_moderationcase",
)


def forwards(apps, schema_editor):
    TopicCategory = apps.get_model("participation", "TopicCategory")
    for order, name in enumerate(DEFAULT_CATEGORIES, start=1):
        # "其他" last whatever else communities add.
        TopicCategory.objects.get_or_create(
            name=name, community=None, defaults={"sort_order": 999 if name == "其他" else order * 10}
        )

    app_config = apps.get_app_config("participation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATION)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="participation", codename__in=PERMISSIONS)
    )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=COORDINATION).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="participation", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [("participation", "0007_topics")]

    operations = [migrations.RunPython(forwards, backwards)]
