import pytest
from django.core.management import call_command
from wagtail.models import Page

from participation.models import BehaviourItem, Community, User

pytestmark = pytest.mark.django_db


def counts():
    return Page.objects.count(), User.objects.count(), Community.objects.count(), BehaviourItem.objects.count()


def test_seed_demo_creates_one_urban_community_and_one_village(capsys):
    call_command("seed_demo")
    assert set(Community.objects.values_list("kind", flat=True)) == {"urban", "village"}
    output = capsys.readouterr().out
    assert "13800000001" in output and "13900000001" in output
    assert User.objects.get(mobile="13800000002").groups.filter(name="综合协调组").exists()


def test_seed_demo_twice_changes_nothing(capsys):
    call_command("seed_demo")
    before = counts()
    call_command("seed_demo")
    assert counts() == before
    assert "nothing changed" in capsys.readouterr().out
