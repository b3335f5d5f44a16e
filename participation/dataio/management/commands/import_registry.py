"""Batch import: `manage.py import_registry <kind> <file> --community <slug> [--dry-run]`.

The same checks as the admin's import: any invalid row imports nothing, and every error is listed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from participation.dataio.files import FileRefused
from participation.dataio.registry import kinds
from participation.dataio.services import ImportFailed, import_file
from participation.models import Community


class Command(BaseCommand):
    help = (
        "Import residents, volunteers, social organisations, social workers, facilities or behaviour items."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(kinds()))
        parser.add_argument("file")
        parser.add_argument("--community", required=True, help="the community's slug")
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")

    def handle(self, *args, kind, file, community, dry_run, **options):
        target = Community.objects.filter(slug=community).first()
        if target is None:
            raise CommandError(_("No community has the slug “%(slug)s”.") % {"slug": community})
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        try:
            report = import_file(
                kind=kind, community=target, data=path.read_bytes(), filename=path.name, dry_run=dry_run
            )
        except FileRefused as error:
            raise CommandError(error.message) from None
        except ImportFailed as failure:
            for error in failure.report.errors:
                self.stderr.write(
                    _("Row %(row)s, %(column)s: %(message)s")
                    % {"row": error.row, "column": error.column or "-", "message": error.message}
                )
            raise CommandError(
                _("%(count)s errors: nothing was imported.") % {"count": len(failure.report.errors)}
            ) from None
        summary = _("%(new)s new, %(updated)s updated.") % {"new": report.new, "updated": report.updated}
        if dry_run:
            self.stdout.write(_("Dry run, nothing saved: %(summary)s") % {"summary": summary})
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported: %(summary)s") % {"summary": summary}))
