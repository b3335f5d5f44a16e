"""人人社团: proposing, reviewing (the permission matrix), joining and leaving, the public pages and 我的."""

import pytest
from django.core.exceptions import PermissionDenied

from participation.community_life.clubs import services
from participation.community_life.models import Club, ClubMembership
from participation.models import User
from workflows.exceptions import TransitionForbidden
from workflows.models import TransitionLog
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "name": "太极拳队",
    "category": "sports",
    "description": "晨练太极拳",
    "meeting_time": "每周六 7:00",
    "place": "人人广场",
    "member_limit": "",
    "activities_url": "",
}


def test_a_resident_proposes_a_club_which_waits_for_review(client, resident_a, community_a):
    client.force_login(resident_a)
    response = client.post("/clubs/wuxing/new/", PROPOSAL, follow=True)
    club = Club.objects.get()
    assert (club.state, club.leader, club.author, club.community) == (
        "submitted",
        resident_a,
        resident_a,
        community_a[0],
    )
    assert "已提交，建设运行组将进行审核" in response.content.decode()
    assert TransitionLog.objects.filter(object_id=str(club.pk), to_state="submitted").exists()
    # Not public yet: absent from the list, and its page exists only for its author (and staff).
    client.logout()
    assert "太极拳队" not in client.get("/clubs/wuxing/").content.decode()
    assert client.get(f"/clubs/{club.pk}/").status_code == 404


def test_a_proposal_without_a_name_saves_nothing(client, resident_a, community_a):
    client.force_login(resident_a)
    response = client.post("/clubs/wuxing/new/", {**PROPOSAL, "name": "  "})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Club.objects.exists()


def test_residents_of_another_community_cannot_propose_there(client, resident_b, community_a):
    client.force_login(resident_b)
    assert client.post("/clubs/wuxing/new/", PROPOSAL).status_code == 403
    with pytest.raises(PermissionDenied):
        services.propose_club(
            author=resident_b, community=community_a[0], **{**PROPOSAL, "member_limit": None}
        )
    assert not Club.objects.exists()


# Who may take which review transition on a submitted club of 五星社区 proposed by resident_a.
REVIEW_MATRIX = [
    ("operations_a", True),
    ("superuser", True),
    ("operations_b", False),  # another community
    ("coordinator_a", False),  # not the reviewing group
    ("resident_a", False),  # the author
    ("other_resident", False),
]


@pytest.mark.parametrize("transition", ["approve", "return_for_changes", "reject"])
@pytest.mark.parametrize(("who", "allowed"), REVIEW_MATRIX)
def test_review_permission_matrix(request, make_club, make_resident, transition, who, allowed):
    club = make_club("submitted")
    actor = (
        make_resident("13900000109", "王小红") if who == "other_resident" else request.getfixturevalue(who)
    )
    if allowed:
        club = perform_transition(obj=club, transition=transition, actor=actor, comment="请补充说明")
        assert club.state in ("approved", "returned", "rejected")
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=club, transition=transition, actor=actor, comment="请补充说明")
        assert Club.objects.get(pk=club.pk).state == "submitted"


def test_staff_who_proposed_a_club_cannot_approve_it_themselves(make_club, operations_a):
    club = make_club("submitted", author=operations_a)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=club, transition="approve", actor=operations_a)


def test_only_the_author_withdraws_a_proposal(client, make_club, resident_a, make_resident):
    club = make_club("submitted")
    client.force_login(make_resident("13900000109", "王小红"))
    client.post(f"/clubs/{club.pk}/withdraw/")
    assert Club.objects.get(pk=club.pk).state == "submitted"
    client.force_login(resident_a)
    response = client.post(f"/clubs/{club.pk}/withdraw/", follow=True)
    assert Club.objects.get(pk=club.pk).state == "withdrawn"
    assert "社团申请已撤回" in response.content.decode()


def test_a_returned_proposal_is_edited_and_submitted_again(client, make_club, resident_a, operations_a):
    club = perform_transition(
        obj=make_club("submitted"),
        transition="return_for_changes",
        actor=operations_a,
        comment="请写明活动地点",
    )
    client.force_login(resident_a)
    response = client.post(
        f"/clubs/{club.pk}/edit/", {**PROPOSAL, "name": "书法社", "place": "睦邻会客厅"}, follow=True
    )
    club.refresh_from_db()
    assert (club.state, club.place) == ("submitted", "睦邻会客厅")
    assert "请写明活动地点" in response.content.decode()  # the review history shows the reason
    # Once submitted it is no longer editable.
    assert client.get(f"/clubs/{club.pk}/edit/").status_code == 403


def test_join_and_leave_an_approved_club(client, make_club, make_resident):
    club = make_club()
    member = make_resident("13900000109", "王小红")
    client.force_login(member)
    response = client.post(f"/clubs/{club.pk}/join/", follow=True)
    assert "欢迎！你已加入“书法社”" in response.content.decode()
    assert ClubMembership.objects.filter(club=club, resident=member, left_at__isnull=True).count() == 1
    response = client.post(f"/clubs/{club.pk}/leave/", follow=True)
    assert "你已退出“书法社”" in response.content.decode()
    assert not ClubMembership.objects.filter(club=club, left_at__isnull=True).exists()
    # Leaving keeps the history, and one may join again.
    client.post(f"/clubs/{club.pk}/join/")
    assert ClubMembership.objects.filter(club=club, resident=member).count() == 2


def test_joining_twice_says_so_and_duplicates_nothing(client, make_club, make_resident):
    club = make_club()
    member = make_resident("13900000109", "王小红")
    client.force_login(member)
    client.post(f"/clubs/{club.pk}/join/")
    response = client.post(f"/clubs/{club.pk}/join/", follow=True)
    assert "你已经是该社团的成员，无需重复加入" in response.content.decode()
    assert ClubMembership.objects.filter(club=club, resident=member).count() == 1


def test_the_database_refuses_a_second_active_membership(make_club, make_resident):
    from django.db import IntegrityError, transaction

    club = make_club()
    member = make_resident("13900000109", "王小红")
    ClubMembership.objects.create(club=club, resident=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClubMembership.objects.create(club=club, resident=member)


def test_the_member_limit_is_enforced(client, make_club, make_resident):
    club = make_club(member_limit=1)
    services.join_club(club=club, resident=make_resident("13900000109", "王小红"))
    client.force_login(make_resident("13900000110", "赵大海"))
    response = client.post(f"/clubs/{club.pk}/join/", follow=True)
    assert "该社团人数已满（上限1人）" in response.content.decode()
    assert ClubMembership.objects.filter(club=club).count() == 1


@pytest.mark.parametrize(
    ("state", "community_of_joiner", "message"),
    [("submitted", "a", "该社团尚未开放加入"), ("approved", "b", "只有本社区居民才能加入本社区的社团")],
)
def test_who_cannot_join(make_club, make_resident, community_b, state, community_of_joiner, message):
    club = make_club(state)
    joiner = make_resident(
        "13900000109", "王小红", community=community_b[0] if community_of_joiner == "b" else None
    )
    with pytest.raises(services.ClubActionRefused) as refusal:
        services.join_club(club=club, resident=joiner)
    assert message in " ".join(refusal.value.messages)
    assert not ClubMembership.objects.exists()


def test_the_leader_does_not_join_their_own_club(make_club, resident_a):
    with pytest.raises(services.ClubActionRefused):
        services.join_club(club=make_club(), resident=resident_a)


def test_the_detail_page_shows_a_count_and_masked_names_only(client, make_club, make_resident):
    club = make_club()
    for mobile, name in (("13900000109", "王小红"), ("13900000110", "欧阳振华")):
        services.join_club(club=club, resident=make_resident(mobile, name))
    content = client.get(f"/clubs/{club.pk}/").content.decode()
    assert "2名成员" in content
    assert "王*红" in content and "欧**华" in content
    assert "王小红" not in content and "欧阳振华" not in content and "张小明" not in content
    assert "张*明" in content  # the leader, masked too
    assert "每周三 19:00" in content


def test_the_detail_page_lists_the_members_a_hundred_a_page(client, make_club):
    club = make_club()
    # 100 members 甲…乙 (甲*乙), then a later one 丙…丁: the second page shows only the 101st.
    people = User.objects.bulk_create(
        [
            User(mobile=f"137{n:08d}", display_name="甲某乙" if n < 100 else "丙某丁", password="!")
            for n in range(101)
        ]
    )
    ClubMembership.objects.bulk_create([ClubMembership(club=club, resident=person) for person in people])
    first = client.get(f"/clubs/{club.pk}/").content.decode()
    assert first.count("甲*乙") == 100 and "丙*丁" not in first
    assert "101名成员" in first and "第 1 页，共 2 页" in first
    second = client.get(f"/clubs/{club.pk}/", {"page": 2}).content.decode()
    assert "丙*丁" in second and "甲*乙" not in second and "第 2 页，共 2 页" in second


def test_the_list_shows_approved_clubs_of_the_community_only(client, make_club, resident_b, community_b):
    make_club(name="书法社")
    make_club("submitted", name="合唱团")
    make_club(name="舞龙队", author=resident_b, community=community_b[0])
    content = client.get("/clubs/wuxing/").content.decode()
    assert "书法社" in content
    assert "合唱团" not in content and "舞龙队" not in content


def test_my_account_lists_my_clubs(client, make_club, resident_a, make_resident):
    led = make_club(name="书法社")
    proposal = make_club("returned", name="合唱团")
    joined = make_club(name="棋牌社", author=make_resident("13900000109", "王小红"))
    services.join_club(club=joined, resident=resident_a)
    client.force_login(resident_a)
    content = client.get("/me/").content.decode()
    assert "我的社团" in content
    for club in (led, proposal, joined):
        assert club.get_absolute_url() in content
    assert f"/clubs/{proposal.pk}/edit/" in content


@pytest.mark.parametrize("count", [3, 30])
def test_club_pages_stay_within_the_query_budget(
    client, make_club, make_resident, count, django_assert_max_num_queries
):
    clubs = [make_club(name=f"社团{number}") for number in range(count)]
    for number in range(count):
        ClubMembership.objects.create(
            club=clubs[0], resident=make_resident(f"139000002{number:02d}", f"成员{number}")
        )
    client.cookies["sessionid"] = "not-a-session"  # past the anonymous page cache
    for url in ("/clubs/wuxing/", f"/clubs/{clubs[0].pk}/"):
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
