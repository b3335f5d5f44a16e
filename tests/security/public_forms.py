"""The public forms residents and visitors send, each ready to be sent once: its URL, data the view accepts,
the user sending it (None: a visitor) and a snapshot of what sending it changes. The rate-limit tests and the
hostile-input sweep both go through this list."""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from participation.activities import services as activity_services
from participation.activities.models import ActivitySignup
from participation.community_life.clubs import services as club_services
from participation.community_life.models import Club, ClubMembership, SpaceBooking
from participation.community_life.spaces import services as space_services
from participation.help.models import HelpRequest
from participation.models import User
from participation.points import services as points_services
from participation.points.models import PointsClaim, Redemption
from participation.topics import services as topic_services
from participation.topics.models import (
    ConsultationTopic,
    TopicComment,
    TopicFollow,
    TopicReport,
    TopicSupport,
)
from participation.volunteers import services as volunteer_services
from participation.volunteers.models import Volunteer, VolunteerHours
from tests.conftest import PASSWORD
from tests.evaluation.test_surveys import quiz_answers, satisfaction_answers
from workflows.models import ReviewState
from workflows.services import perform_transition

# Booked three days ahead: always in the future, never too far.
BOOK_DATE = timezone.localdate() + datetime.timedelta(days=3)


@dataclass
class Form:
    url: str
    snapshot: Callable[[], object]
    data: dict = field(default_factory=dict)
    user: User | None = None


CASES: dict[str, Callable] = {}
VISITOR_CASES: set[str] = set()


def case(visitor=False):
    def register(function):
        CASES[function.__name__] = function
        if visitor:
            VISITOR_CASES.add(function.__name__)
        return function

    return register


# --- accounts ---------------------------------------------------------------------------------------------


@case(visitor=True)
def signup(get):
    community = get("community_a")[0]
    data = {
        "mobile": "13911112222",
        "display_name": "新居民",
        "community": community.pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
    }
    return Form(reverse("signup"), lambda: User.objects.filter(mobile="13911112222").count(), data)


@case()
def profile(get):
    user = get("verified_a")
    return Form(
        reverse("my_account"),
        lambda: User.objects.get(pk=user.pk).display_name,
        {"display_name": "张大明", "email": ""},
        user,
    )


# --- activities -------------------------------------------------------------------------------------------


@case()
def activity_signup(get):
    activity, user = get("activity"), get("verified_a")
    return Form(
        reverse("activities:sign_up", args=[activity.pk]),
        lambda: ActivitySignup.objects.filter(activity=activity).count(),
        user=user,
    )


@case()
def activity_cancel(get):
    signup = activity_services.sign_up(activity=get("activity"), resident=get("verified_a"))
    return Form(
        reverse("activities:cancel", args=[signup.pk]),
        lambda: ActivitySignup.objects.get(pk=signup.pk).status,
        user=signup.resident,
    )


# --- surveys ----------------------------------------------------------------------------------------------


@case(visitor=True)
def survey_satisfaction_visitor(get):
    get("community_a")
    return Form(
        reverse("evaluation:survey_satisfaction", args=["wuxing"]), _survey_count, satisfaction_answers(4)
    )


@case()
def survey_satisfaction_resident(get):
    return Form(
        reverse("evaluation:survey_satisfaction", args=["wuxing"]),
        _survey_count,
        satisfaction_answers(4),
        get("verified_a"),
    )


@case(visitor=True)
def survey_awareness_visitor(get):
    get("community_a")
    return Form(reverse("evaluation:survey_awareness", args=["wuxing"]), _survey_count, quiz_answers(6))


def _survey_count():
    from evaluation.models import SurveyResponse

    return SurveyResponse.objects.count()


# --- spaces and clubs -------------------------------------------------------------------------------------


@case()
def space_booking(get):
    space = get("space")
    data = {
        "date": BOOK_DATE.isoformat(),
        "start_time": "10:00",
        "end_time": "11:00",
        "purpose": "邻里茶话会",
        "attendees": 5,
    }
    return Form(
        reverse("spaces:book", args=[space.pk]), lambda: SpaceBooking.objects.count(), data, get("verified_a")
    )


@case()
def space_booking_cancel(get):
    booking = space_services.request_booking(
        booker=get("verified_a"),
        space=get("space"),
        date=BOOK_DATE,
        start_time=datetime.time(10),
        end_time=datetime.time(11),
        purpose="邻里茶话会",
    )
    return Form(
        reverse("spaces:cancel", args=[booking.pk]),
        lambda: SpaceBooking.objects.get(pk=booking.pk).state,
        user=booking.author,
    )


CLUB_DATA = {
    "name": "太极社",
    "category": "sports",
    "description": "每周练太极",
    "meeting_time": "每周六 8:00",
    "place": "社区广场",
    "member_limit": "",
    "activities_url": "",
}


@case()
def club_propose(get):
    user = get("verified_a")
    return Form(
        reverse("clubs:propose", args=["wuxing"]),
        lambda: Club.objects.filter(author=user).count(),
        CLUB_DATA,
        user,
    )


def _own_club(get, state):
    user = get("verified_a")
    return Club.objects.create(
        community=get("community_a")[0],
        author=user,
        leader=user,
        name="棋社",
        description="下棋",
        category="culture",
        meeting_time="每周日",
        place="活动室",
        state=state,
        submitted_at=timezone.now(),
    )


@case()
def club_edit(get):
    club = _own_club(get, ReviewState.RETURNED)
    return Form(
        reverse("clubs:edit", args=[club.pk]),
        lambda: Club.objects.get(pk=club.pk).name,
        CLUB_DATA,
        club.author,
    )


@case()
def club_withdraw(get):
    club = _own_club(get, ReviewState.SUBMITTED)
    return Form(
        reverse("clubs:withdraw", args=[club.pk]),
        lambda: Club.objects.get(pk=club.pk).state,
        user=club.author,
    )


@case()
def club_join(get):
    club = get("club")
    return Form(
        reverse("clubs:join", args=[club.pk]),
        lambda: ClubMembership.objects.filter(club=club).count(),
        user=get("verified_a"),
    )


@case()
def club_leave(get):
    club, user = get("club"), get("verified_a")
    club_services.join_club(club=club, resident=user)
    return Form(
        reverse("clubs:leave", args=[club.pk]),
        lambda: ClubMembership.objects.filter(club=club, left_at__isnull=True).count(),
        user=user,
    )


# --- volunteers and points --------------------------------------------------------------------------------


@case()
def volunteer_registration(get):
    return Form(
        reverse("volunteering:register"),
        lambda: Volunteer.objects.count(),
        {"skills": "急救", "availability": "周末", "agree": "on"},
        get("verified_a"),
    )


@case()
def volunteer_hours(get):
    user = get("verified_a")
    volunteer_services.register_volunteer(resident=user, skills="", availability="", agreed_to_code=True)
    data = {"date": timezone.localdate().isoformat(), "hours": "2", "description": "帮老人买菜"}
    return Form(reverse("volunteering:my_hours"), lambda: VolunteerHours.objects.count(), data, user)


@case()
def points_claim(get):
    behaviour = get("behaviour")
    return Form(
        reverse("points:claim"),
        lambda: PointsClaim.objects.count(),
        {"behaviour": behaviour.pk, "description": "帮邻居搬家"},
        get("verified_a"),
    )


def _claim(get):
    return points_services.submit_claim(
        resident=get("verified_a"), behaviour=get("behaviour"), description="扫雪"
    )


@case()
def points_claim_resubmit(get):
    claim = perform_transition(
        obj=_claim(get), transition="return_for_changes", actor=get("operations_a"), comment="请补充时间地点"
    )
    return Form(
        reverse("points:claim_detail", args=[claim.pk]),
        lambda: PointsClaim.objects.get(pk=claim.pk).state,
        {"behaviour": claim.behaviour_id, "description": "1月3日在小区门口扫雪"},
        claim.author,
    )


@case()
def points_claim_withdraw(get):
    claim = _claim(get)
    return Form(
        reverse("points:claim_withdraw", args=[claim.pk]),
        lambda: PointsClaim.objects.get(pk=claim.pk).state,
        user=claim.author,
    )


@case()
def reward_redemption(get):
    reward = get("reward")
    return Form(
        reverse("points:redeem", args=["wuxing", reward.pk]),
        lambda: Redemption.objects.count(),
        {"idempotency_key": str(uuid.uuid4())},
        get("verified_a"),
    )


# --- topics -----------------------------------------------------------------------------------------------


@case()
def topic_create(get):
    user, category = get("verified_a"), get("topic_category")
    data = {
        "title": "垃圾分类点太远",
        "description": "建议增设一处。",
        "category": category.pk,
        "action": "submit",
    }
    return Form(
        reverse("topics:create", args=["wuxing"]),
        lambda: ConsultationTopic.objects.filter(author=user).count(),
        data,
        user,
    )


@case()
def topic_edit(get):
    user = get("verified_a")
    topic = get("make_topic")(ReviewState.DRAFT, author=user)
    data = {
        "title": "垃圾分类点太远",
        "description": "建议增设一处。",
        "category": topic.category_id,
        "action": "draft",
    }
    return Form(
        reverse("topics:edit", args=[topic.pk]),
        lambda: ConsultationTopic.objects.get(pk=topic.pk).title,
        data,
        user,
    )


@case()
def topic_submit(get):
    user = get("verified_a")
    topic = get("make_topic")(ReviewState.DRAFT, author=user)
    return Form(
        reverse("topics:action", args=[topic.pk, "submit"]),
        lambda: ConsultationTopic.objects.get(pk=topic.pk).state,
        user=user,
    )


@case()
def topic_support(get):
    topic = get("topic")
    return Form(
        reverse("topics:support", args=[topic.pk]),
        lambda: TopicSupport.objects.filter(topic=topic).count(),
        user=get("verified_a"),
    )


@case()
def topic_follow(get):
    topic, user = get("topic"), get("verified_a")
    return Form(
        reverse("topics:follow", args=[topic.pk]),
        lambda: TopicFollow.objects.filter(topic=topic, user=user).count(),
        {"follow": "1"},
        user,
    )


@case()
def topic_comment(get):
    topic = get("topic")
    return Form(
        reverse("topics:comment", args=[topic.pk]),
        lambda: TopicComment.objects.filter(topic=topic).count(),
        {"body": "我也觉得要修。"},
        get("verified_a"),
    )


@case()
def topic_report(get):
    topic = get("topic")
    return Form(
        reverse("topics:report", args=[topic.pk]),
        lambda: TopicReport.objects.count(),
        {"reason": "spam", "details": "广告"},
        get("verified_a"),
    )


@case()
def comment_report(get):
    topic = get("topic")
    comment = topic_services.add_comment(topic=topic, author=get("neighbour"), body="加微信领红包")
    return Form(
        reverse("topics:report_comment", args=[comment.pk]),
        lambda: TopicReport.objects.count(),
        {"reason": "spam", "details": ""},
        get("verified_a"),
    )


# --- 解忧铺 --------------------------------------------------------------------------------------------------


def _help_data(get, **extra):
    return {
        "category": get("help_category").pk,
        "summary": "楼道灯坏了",
        "description": "三楼楼道灯不亮。",
        **extra,
    }


@case()
def help_request_resident(get):
    return Form(
        reverse("help:new", args=["wuxing"]),
        lambda: HelpRequest.objects.count(),
        _help_data(get),
        get("verified_a"),
    )


@case(visitor=True)
def help_request_visitor(get):
    return Form(
        reverse("help:new", args=["wuxing"]),
        lambda: HelpRequest.objects.count(),
        _help_data(get, name="孙访客", phone="13700000001"),
    )


@case()
def help_confirm_and_rate(get):
    request = get("resolved_request")(get("verified_a"))
    return Form(
        reverse("help:act", args=[request.pk, "confirm"]),
        lambda: HelpRequest.objects.get(pk=request.pk).state,
        {"rating": "5", "comment": "谢谢"},
        request.author,
    )


@case()
def help_reopen(get):
    request = get("resolved_request")(get("verified_a"))
    return Form(
        reverse("help:act", args=[request.pk, "reopen"]),
        lambda: HelpRequest.objects.get(pk=request.pk).state,
        {"reason": "灯又坏了"},
        request.author,
    )


@case(visitor=True)
def help_track_confirm(get):
    request = get("resolved_request")(None)
    return Form(
        reverse("help:track_act", args=[request.token, "confirm"]),
        lambda: HelpRequest.objects.get(pk=request.pk).state,
        {"rating": "4"},
    )


@case(visitor=True)
def help_track_reopen(get):
    request = get("resolved_request")(None)
    return Form(
        reverse("help:track_act", args=[request.token, "reopen"]),
        lambda: HelpRequest.objects.get(pk=request.pk).state,
        {"reason": "还是不亮"},
    )
