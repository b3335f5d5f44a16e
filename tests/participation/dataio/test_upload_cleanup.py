"""An uploaded import file (residents' names and mobile numbers) never outlives its preview: the confirmation
deletes it, a late confirmation too, and unconfirmed ones are swept by the next preview or the command."""

import os
import time

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from participation.dataio import admin_views
from participation.dataio.uploads import TOKEN_MAX_AGE, UPLOAD_DIR, store_upload
from participation.registries.models import SocialOrganisation

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

ORGS = csv_bytes(
    [
        ["名称", "类型", "登记状态", "登记或备案日期", "联系人", "联系电话", "在册"],
        ["夕阳红服务社", "服务类", "已备案", "2024-03-01", "", "", "是"],
    ]
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    # The production backend (a directory, shared by the app servers), whose files' ages can be set.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def uploads() -> set[str]:
    return set(default_storage.listdir(UPLOAD_DIR)[1]) if default_storage.exists(UPLOAD_DIR) else set()


def age(name: str, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(default_storage.path(name), (then, then))


def preview(client, community):
    response = client.post(
        "/admin/data/",
        {
            "kind": "social_organisations",
            "community": community.pk,
            "file": SimpleUploadedFile("orgs.csv", ORGS),
        },
    )
    assert "尚未保存" in response.content.decode()
    return response.context["token"]


def test_the_command_deletes_expired_uploads_and_keeps_fresh_ones():
    old, just_expired, fresh = (
        store_upload(data=b"x", filename=f"{name}.csv") for name in ("old", "expired", "fresh")
    )
    age(old, 3 * 24 * 3600)
    age(just_expired, TOKEN_MAX_AGE + 10 * 60)
    age(fresh, TOKEN_MAX_AGE - 60)  # its preview may still be confirmed
    call_command("clean_import_uploads", verbosity=0)
    assert uploads() == {fresh.removeprefix(f"{UPLOAD_DIR}/")}


def test_the_command_has_nothing_to_do_before_any_upload():
    call_command("clean_import_uploads", verbosity=0)
    assert uploads() == set()


def test_a_new_preview_sweeps_the_unconfirmed_ones(client, operations_a, community_a):
    forgotten = store_upload(data=ORGS, filename="orgs.csv")
    age(forgotten, 2 * TOKEN_MAX_AGE)
    client.force_login(operations_a)
    preview(client, community_a[0])
    assert len(uploads()) == 1 and not default_storage.exists(forgotten)


def test_a_confirmed_upload_is_gone(client, operations_a, community_a):
    client.force_login(operations_a)
    token = preview(client, community_a[0])
    assert len(uploads()) == 1
    response = client.post("/admin/data/", {"token": token}, follow=True)
    assert "导入完成" in response.content.decode() and SocialOrganisation.objects.count() == 1
    assert uploads() == set()


def test_a_confirmation_after_the_expiry_deletes_the_upload(client, operations_a, community_a, monkeypatch):
    client.force_login(operations_a)
    token = preview(client, community_a[0])
    monkeypatch.setattr(admin_views, "TOKEN_MAX_AGE", -1)  # the hour has passed
    response = client.post("/admin/data/", {"token": token}, follow=True)
    assert "预览已过期" in response.content.decode() and not SocialOrganisation.objects.exists()
    assert uploads() == set()
