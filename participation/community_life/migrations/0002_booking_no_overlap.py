"""Requested and approved bookings of one space never overlap. PostgreSQL only (SQLite has no exclusion
constraints; the booking service checks there): btree_gist lets the gist index compare space_id with "=".
The range is half-open, so 9:00–10:00 and 10:00–11:00 do not overlap."""

from django.db import migrations

PG_NO_OVERLAP = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE community_life_spacebooking ADD CONSTRAINT space_booking_no_overlap EXCLUDE USING gist (
    space_id WITH =,
    tsrange(date + start_time, date + end_time, '[)') WITH &&
) WHERE (state IN ('submitted', 'approved'));
"""
PG_NO_OVERLAP_REVERSE = (
    "ALTER TABLE community_life_spacebooking DROP CONSTRAINT IF EXISTS space_booking_no_overlap;"
)


def add_no_overlap_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_NO_OVERLAP)


def drop_no_overlap_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_NO_OVERLAP_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("community_life", "0001_initial")]

    operations = [migrations.RunPython(add_no_overlap_constraint, drop_no_overlap_constraint)]
