from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create the demo street with one 社区 and one 村 from the standard's appendices (idempotent)."

    def handle(self, *args, **options):
        report = seed_demo()
        if report.created:
            self.stdout.write(self.style.SUCCESS("Created: " + ", ".join(report.created)))
        else:
            self.stdout.write("Demo data already present; nothing changed.")
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for mobile, name, role in report.logins:
            self.stdout.write(f"  {mobile}  {name}  ({role})")
        self.stdout.write("Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/")
