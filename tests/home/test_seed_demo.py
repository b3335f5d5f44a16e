import pytest
from django.core.management import call_command
from wagtail.models import Page

from participation.models import Community, User
from participation.points.models import BehaviourItem

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        User.objects.count(),
        Community.objects.count(),
        BehaviourItem.objects.count(),
    )


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


def test_demo_residents_can_ask_for_help_and_see_topics_at_work(client):
    from participation.help.models import HelpRequest
    from participation.topics.models import ConsultationTopic

    call_command("seed_demo")
    # The 解忧铺 form needs the community's categories, or a resident of `make run` could not ask at all.
    client.force_login(User.objects.get(mobile="13900000001"))
    form = client.get("/help/wuxing/new/").content.decode()
    assert "设施维修" in form and "生活服务" in form
    assert ConsultationTopic.objects.filter(community__slug="wuxing", state="approved").exists()
    assert "3号楼前增设非机动车充电桩" in client.get("/topics/wuxing/").content.decode()
    assert HelpRequest.objects.filter(community__slug="wuxing").count() == 2
    assert "5幢楼道感应灯不亮" in client.get("/help/wuxing/").content.decode()
