"""Staff never meet Wagtail's untranslated admin strings: our zh_Hans additions are served."""

import json
from pathlib import Path

import polib
import pytest
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[1] / "locale_wagtail" / "zh_Hans" / "LC_MESSAGES"


def test_every_added_wagtail_string_is_translated():
    for name in ("django.po", "djangojs.po"):
        catalogue = polib.pofile(str(LOCALE / name))
        assert catalogue.untranslated_entries() == [] and catalogue.fuzzy_entries() == [], name


def test_server_side_workflow_strings_are_chinese():
    assert gettext("Locked by workflow") != "Locked by workflow"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in gettext("Locked by workflow"))


def test_admin_javascript_catalogue_includes_our_additions(client, coordinator_a):
    entry = next(e for e in polib.pofile(str(LOCALE / "djangojs.po")) if not e.msgid_plural)
    client.force_login(coordinator_a)
    body = client.get("/admin/jsi18n/").content.decode()
    start = body.index("const newcatalog = ") + len("const newcatalog = ")
    catalogue = json.loads(body[start : body.index(";\n", start)])
    assert catalogue[entry.msgid] == entry.msgstr


def test_dashboard_has_no_untranslated_summary(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get("/admin/").content.decode()
    assert "Search all pages" not in html
