"""Uploads waiting between an import's preview and its confirmation (admin_views.ImportView).

They hold residents' personal data (names, mobile numbers), so none outlives its preview's token:
- the confirmation deletes its file, whatever the outcome; so does a confirmation that comes too late;
- every new preview first deletes the files older than a token lives (plus GRACE): a preview nobody
  confirmed leaves its file only until the next preview, on any app server;
- `manage.py clean_import_uploads` does the same sweep from cron, for a site where nobody imports for weeks.

The storage itself is the record (its listing and modification times): no table to keep in step with
the files, no task to schedule. The directory only holds the last hour's pending uploads, so listing it is
cheap."""

import uuid
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

UPLOAD_DIR = "imports"
# How long a preview may be confirmed (seconds): the signed token's max_age.
TOKEN_MAX_AGE = 3600
# A file is swept only when its token has surely expired: the token is signed just after the file is saved,
# and the clocks of app servers sharing the storage may differ a little.
GRACE = timedelta(minutes=5)


def store_upload(*, data: bytes, filename: str) -> str:
    """Save an upload for its confirmation, after sweeping the expired ones; returns its storage name."""
    delete_expired_uploads()
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    return default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{suffix}", ContentFile(data))


def discard_upload(*, name: str) -> None:
    if name.startswith(f"{UPLOAD_DIR}/"):  # the name comes from a signed token; only ever delete uploads
        default_storage.delete(name)


def delete_expired_uploads(*, now: datetime | None = None) -> int:
    """Delete the uploads whose preview can no longer be confirmed; returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(seconds=TOKEN_MAX_AGE) - GRACE
    try:
        _dirs, names = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:  # no upload yet
        return 0
    deleted = 0
    for name in names:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
        except FileNotFoundError:  # confirmed, or swept by another server, meanwhile
            continue
    return deleted
