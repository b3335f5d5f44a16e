"""Model permissions of the work groups on evaluation's models (DESIGN.md §2). Object-level rules (same
community, author only, four eyes) are in evaluation/rules.py and the workflow core."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    # Draft evidence; coordination also sees the periods.
    "建设运行组": [f"{action}_taskevidence" for action in ("add", "change", "delete", "view")],
    "综合协调组": [f"{action}_taskevidence" for action in ("add", "change", "delete", "view")]
    + ["view_evaluationperiod"],
    # Review evidence (transitions need no model permission), define and close periods.
    "效果评价组": [
        "view_taskevidence",
        "add_evaluationperiod",
        "change_evaluationperiod",
        "view_evaluationperiod",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("evaluation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="evaluation", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="evaluation", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0003_evidence_periods_surveys"),
        ("participation", "0002_create_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
