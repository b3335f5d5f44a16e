"""The registries (台账名册): the operations group keeps them; coordination and evaluation see them."""

from django.db import migrations

from participation.migration_grants import all_actions, grant_permissions

MODELS = ("socialorganisation", "socialworker", "facility")
GRANTS = {
    "建设运行组": all_actions(*MODELS),
    "综合协调组": [f"view_{model}" for model in MODELS],
    "效果评价组": [f"view_{model}" for model in MODELS],
}


class Migration(migrations.Migration):
    dependencies = [("registries", "0001_initial"), ("participation", "0002_groups")]

    operations = [grant_permissions("registries", GRANTS)]
