from django.core.management.base import BaseCommand

from workflows.notifications import send_digests


class Command(BaseCommand):
    help = "Email each user, once, their unread messages of the last day that they get as a daily digest."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Sent {sent} digest email(s).")
