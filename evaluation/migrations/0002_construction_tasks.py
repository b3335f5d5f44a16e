"""The 24 construction tasks of 表1, from the standard's text (evaluation/standard_tasks.py)."""

from django.db import migrations

PILLARS = {
    "参与共同体": "participation",
    "责任共同体": "responsibility",
    "生活共同体": "life",
    "成长共同体": "growth",
}


def load_tasks(apps, schema_editor):
    from evaluation.standard_tasks import CONSTRUCTION_TASKS

    ConstructionTask = apps.get_model("evaluation", "ConstructionTask")
    for row in CONSTRUCTION_TASKS:
        ConstructionTask.objects.update_or_create(
            number=row["number"],
            defaults={
                "pillar": PILLARS[row["community"]],
                "subcategory": row["subcategory"],
                "binding": row["binding"],
                "text": row["text"],
            },
        )


def unload_tasks(apps, schema_editor):
    apps.get_model("evaluation", "ConstructionTask").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [migrations.RunPython(load_tasks, unload_tasks)]
