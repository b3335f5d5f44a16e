"""Background tasks (django-tasks): immediate in development and tests, a database worker in production."""

from django_tasks import task

from workflows import notifications


@task()
def send_message_email(*, message_id: int) -> bool:
    """Email one in-site message to its recipient (at most once)."""
    return notifications.send_message_email_now(message_id=message_id)
