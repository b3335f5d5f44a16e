"""Benchmark: a 10,000-row XLSX import of residents (issue "Quality gates": < 30 s), the check (dry run) and the
import itself, through the same service the admin's import view uses.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/renren_bench python bench/import_xlsx.py --rows 10000

Run on a migrated database with the demo (`manage.py seed_demo`); the rows are new residents of 五星社区 with
mobile numbers 160xxxxxxxx, so a second run finds them all and updates them instead (with --rename, every name
changes, so that the update writes them all)."""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renren_cms.settings.dev")


def workbook(rows: int, suffix: str = "") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["手机号", "姓名"])
    for number in range(rows):
        sheet.append([f"160{number:08d}", f"导入居民{number}{suffix}"])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rename", action="store_true", help="names differ from the previous runs'")
    args = parser.parse_args()

    import django

    django.setup()
    from participation.dataio.services import import_file
    from participation.models import Community

    community = Community.objects.get(slug="wuxing")
    data = workbook(args.rows, f"（{time.strftime('%H%M%S')}）" if args.rename else "")
    for dry_run in (True, False):
        started = time.perf_counter()
        report = import_file(
            kind="residents", community=community, data=data, filename="residents.xlsx", dry_run=dry_run
        )
        seconds = time.perf_counter() - started
        print(
            f"{'check (dry run)' if dry_run else 'import':16} {args.rows} rows: {seconds:6.1f} s "
            f"(new {report.new}, updated {report.updated}; target < 30 s)"
        )


if __name__ == "__main__":
    main()
