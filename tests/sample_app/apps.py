from django.apps import AppConfig


class SampleAppConfig(AppConfig):
    """Installed only by the test settings: a concrete Reviewable for the workflow-core tests, with a real
    migration so that the test database (and its serialized copy for serialized_rollback) includes it."""

    name = "tests.sample_app"
    label = "sample_app"
    default_auto_field = "django.db.models.BigAutoField"
