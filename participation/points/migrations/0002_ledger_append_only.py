"""The database refuses to change a points entry (and, on PostgreSQL, to delete one): a correction is a new
entry (DESIGN: the ledger is append-only).

SQLite gets the UPDATE guard only: Django empties tables there with DELETE when tests reset the database,
and a DELETE guard would stop that. On PostgreSQL test resets use TRUNCATE, which row triggers do not see."""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION points_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'points entries are append-only: record a correction instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_pointsentry
    FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS points_entry_append_only ON points_pointsentry;
DROP FUNCTION IF EXISTS points_entry_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER points_entry_no_update BEFORE UPDATE ON points_pointsentry
BEGIN
    SELECT RAISE(ABORT, 'points entries are append-only: record a correction instead');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS points_entry_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("points", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
