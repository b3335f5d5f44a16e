"""The default topic categories, shared by every community ("其他" last whatever else communities add)."""

from django.db import migrations

DEFAULT_CATEGORIES = ("环境卫生", "停车管理", "公共设施", "邻里关系", "其他")


def forwards(apps, schema_editor):
    TopicCategory = apps.get_model("topics", "TopicCategory")
    for order, name in enumerate(DEFAULT_CATEGORIES, start=1):
        TopicCategory.objects.get_or_create(
            name=name, community=None, defaults={"sort_order": 999 if name == "其他" else order * 10}
        )


def backwards(apps, schema_editor):
    apps.get_model("topics", "TopicCategory").objects.filter(
        community=None, name__in=DEFAULT_CATEGORIES
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("topics", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
