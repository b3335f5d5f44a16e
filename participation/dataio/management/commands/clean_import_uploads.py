"""`manage.py clean_import_uploads`: delete the uploaded import files whose preview was never confirmed.

New previews already sweep them (participation/dataio/uploads.py); run this from cron (hourly or daily) so
that residents' data does not linger on a site where nobody imports for a while."""

from django.core.management.base import BaseCommand

from participation.dataio.uploads import delete_expired_uploads


class Command(BaseCommand):
    help = "Delete uploaded import files whose preview has expired unconfirmed."

    def handle(self, *args, **options):
        deleted = delete_expired_uploads()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Deleted {deleted} expired import upload(s).")
