"""The coordination group's permissions on the 人人议事厅's admin. Other work groups get none: only
coordination reviews topics and runs meetings."""

from django.db import migrations

from participation.migration_grants import grant_permissions

GRANTS = {
    "综合协调组": [
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
    ],
}


class Migration(migrations.Migration):
    dependencies = [("topics", "0002_default_categories"), ("participation", "0002_groups")]

    operations = [grant_permissions("topics", GRANTS)]
