"""Hostile input on every public form: markup, SQL fragments, 10,001 characters, NUL bytes, a right-to-left
override, a control character. Never a server error; either a Chinese form error and nothing saved, or the
text saved as typed and shown escaped — on the public pages and in the admin.

Each form (tests/security/public_forms.py) is sent once per text field and hostile value, inside a savepoint
rolled back afterwards, so that every value meets the same starting state."""

import html
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from participation.community_life.models import Club, SpaceBooking
from participation.help.models import HelpRequest
from participation.models import User
from participation.points.models import PointsClaim
from participation.topics.models import ConsultationTopic, TopicComment, TopicReport
from participation.volunteers.models import VolunteerHours
from tests.security.public_forms import CASES

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = {
    "script": SCRIPT,
    "img": IMG,
    "sql_or": "' OR 1=1 --",
    "sql_drop": "'; DROP TABLE participation_user; --",
    "long": "长" * 10_001,
    "nul": "张\x00三",
    "rtl": "张三\u202egnp.exe",
    "control": "张\x1b三",
}
RAW_MARKUP = ("<script>alert(1)", "<img src=x")
ENGLISH_ERRORS = (
    "This field",
    "Enter a",
    "Ensure this value",
    "Null characters",
    "Select a valid",
    "is required",
)
LONG_ERROR = "确保该变量包含不超过"  # Django's own zh_Hans max-length message
NUL_ERROR = "不可见的空字符"

# Each form's free-text fields: "line" (single-line, shown inside other text), "body" (multi-line), or
# "strict" (a format of its own: every hostile value is refused).
FIELDS = {
    "signup": {"display_name": "line", "mobile": "strict"},
    "profile": {"display_name": "line", "email": "strict"},
    "topic_create": {"title": "line", "description": "body"},
    "topic_comment": {"body": "body"},
    "topic_report": {"details": "body"},
    "club_propose": {
        "name": "line",
        "description": "body",
        "meeting_time": "line",
        "place": "line",
        "activities_url": "strict",
    },
    "space_booking": {"purpose": "line"},
    "volunteer_registration": {"skills": "line", "availability": "line"},
    "volunteer_hours": {"description": "line"},
    "points_claim": {"description": "body"},
    "points_claim_resubmit": {"description": "body"},
    "reward_redemption": {"idempotency_key": "strict"},
    "help_request_resident": {"summary": "line", "description": "body"},
    "help_request_visitor": {"name": "line", "phone": "strict", "summary": "line", "description": "body"},
    "help_confirm_and_rate": {"comment": "body", "rating": "strict"},
    "help_reopen": {"reason": "body"},
    "help_track_confirm": {"comment": "body"},
    "survey_satisfaction_visitor": {"overall": "strict"},
}


def _latest(model, **filters):
    return model.objects.filter(**filters).order_by("-pk").first()


def _admin(prefix, obj, *views):
    return [f"/admin/{prefix}/"] + [f"/admin/{prefix}/{view}/{obj.pk}/" for view in views]


def _topic_pages(get, topic):
    from workflows.services import perform_transition

    pages = [("sender", topic.get_absolute_url()), ("sender", reverse("topics:mine"))]
    pages += [("admin", url) for url in _admin("consultation_topics", topic, "edit", "inspect")]
    if topic.state == "submitted":
        perform_transition(obj=topic, transition="approve", actor=get("coordinator_a"))
    pages += [("visitor", topic.get_absolute_url()), ("visitor", reverse("topics:list", args=["wuxing"]))]
    return pages


def _help_pages(request):
    pages = [("admin", url) for url in _admin("help_requests", request, "inspect", "edit")]
    if request.author_id:
        pages.append(("sender", reverse("help:detail", args=[request.pk])))
    return pages


# What shows the saved text, to whom: the sender, a visitor, a superuser in the admin (or a given user).
PAGES = {
    "signup": lambda get: [
        (_latest(User), reverse("my_account")),
        ("admin", "/admin/users/"),
        ("admin", "/admin/residents/"),
    ],
    "profile": lambda get: [
        ("sender", reverse("my_account")),
        ("admin", "/admin/users/"),
        ("admin", "/admin/residents/"),
    ],
    "topic_create": lambda get: _topic_pages(get, _latest(ConsultationTopic)),
    "topic_comment": lambda get: [("visitor", get("topic").get_absolute_url())],
    "topic_report": lambda get: (
        [("admin", "/admin/moderation_cases/")]
        + [("admin", url) for url in _admin("moderation_cases", _latest(TopicReport).case, "inspect")]
    ),
    "club_propose": lambda get: (
        [("sender", _latest(Club).get_absolute_url())]
        + [("admin", url) for url in _admin("community_clubs", _latest(Club), "edit", "inspect")]
    ),
    "space_booking": lambda get: (
        [
            ("sender", reverse("my_account")),
            (
                "sender",
                _latest(SpaceBooking).get_absolute_url() + "?week=" + _latest(SpaceBooking).date.isoformat(),
            ),
        ]
        + [("admin", url) for url in _admin("community_space_bookings", _latest(SpaceBooking), "inspect")]
    ),
    "volunteer_registration": lambda get: [("admin", "/admin/volunteers/")],
    "volunteer_hours": lambda get: (
        [("sender", reverse("volunteering:my_hours"))]
        + [("admin", url) for url in _admin("volunteer_hours", _latest(VolunteerHours), "inspect")]
    ),
    "points_claim": lambda get: (
        [("sender", _latest(PointsClaim).get_absolute_url())]
        + [("admin", url) for url in _admin("points_claims", _latest(PointsClaim), "inspect")]
    ),
    "points_claim_resubmit": lambda get: (
        [("sender", _latest(PointsClaim).get_absolute_url())]
        + [("admin", url) for url in _admin("points_claims", _latest(PointsClaim), "inspect")]
    ),
    "help_request_resident": lambda get: _help_pages(_latest(HelpRequest)),
    "help_request_visitor": lambda get: _help_pages(_latest(HelpRequest)),
    "help_confirm_and_rate": lambda get: _help_pages(_latest(HelpRequest)),
    "help_reopen": lambda get: _help_pages(_latest(HelpRequest)),
    "help_track_confirm": lambda get: _help_pages(_latest(HelpRequest)),
}


SHARED_FIXTURES = (
    "community_a",
    "coordinator_a",
    "operations_a",
    "superuser",
    "verified_a",
    "neighbour",
    "activity",
    "space",
    "club",
    "topic",
    "topic_category",
    "behaviour",
    "reward",
    "help_category",
)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _show(client, form, who, url, get):
    if isinstance(who, User):
        client.force_login(who)
    elif who == "admin":
        client.force_login(get("superuser"))
    elif who == "visitor" or form.user is None:
        client.logout()
    else:
        client.force_login(form.user)
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def _check_refused(text, form, before, where, expected=None):
    assert form.snapshot() == before, f"{where}: saved although refused"
    assert 'role="alert"' in text or "message--error" in text, f"{where}: no error shown"
    assert not any(english in text for english in ENGLISH_ERRORS), f"{where}: an English error"
    if expected:
        assert expected in text, f"{where}: expected “{expected}”"


def _send(client, form, data):
    cache.clear()  # rate limits
    if form.user is not None:
        client.force_login(form.user)
    response = client.post(form.url, data, follow=True)
    assert response.status_code in (200, 400), response.status_code
    return response.content.decode()


@pytest.mark.parametrize("name", FIELDS)
def test_hostile_values_are_refused_in_chinese_or_saved_and_shown_escaped(name, request, client):
    get = request.getfixturevalue
    for fixture in SHARED_FIXTURES:
        get(
            fixture
        )  # created before the savepoints, which would otherwise take them away after the first value
    for field, kind in FIELDS[name].items():
        for label, value in HOSTILE.items():
            where = f"{name}.{field}={label}"
            with rolled_back():
                form = CASES[name](get)
                before = form.snapshot()
                text = _send(client, form, {**form.data, field: value})
                saved = form.snapshot() != before
                # A link or an e-mail address may be fine once the override is gone: then it is checked as saved.
                if label in ("long", "nul") or (kind == "strict" and not (label == "rtl" and saved)):
                    expected = {"long": LONG_ERROR, "nul": NUL_ERROR}.get(label) if kind != "strict" else None
                    _check_refused(text, form, before, where, expected)
                    continue
                assert saved, f"{where}: not saved: {text[:3000]}"
                pages = [(form.url, text)] + [
                    (url, _show(client, form, who, url, get)) for who, url in PAGES[name](get)
                ]
                for url, page in pages:
                    assert not any(raw in page for raw in RAW_MARKUP), f"{where}: raw markup on {url}"
                    if kind == "line":
                        assert "\u202e" not in page, f"{where}: the override reached {url}"
                if label in ("script", "img", "sql_or"):
                    assert any(html.escape(value) in page for _url, page in pages), f"{where}: shown nowhere"


def test_activity_sign_up_with_a_hostile_page_id_is_not_found(client, verified_a, activity):
    client.force_login(verified_a)
    assert client.post("/activities/99999999999999999999/signup/").status_code == 404


def test_login_with_hostile_values_says_so_in_chinese(client, verified_a):
    # 10,001 characters are simply a wrong mobile number (Django's login form checks no length).
    expected = {"nul": NUL_ERROR}
    for label, value in HOSTILE.items():
        cache.clear()
        text = client.post(reverse("login"), {"username": value, "password": value}).content.decode()
        assert expected.get(label, "手机号码或密码不正确") in text, label
        assert not any(raw in text for raw in RAW_MARKUP)
        assert not any(english in text for english in ENGLISH_ERRORS), label
        assert "_auth_user_id" not in client.session


def test_an_empty_login_says_what_is_missing(client):
    text = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()
    assert text.count("必需字段") == 2


# The anonymous page cache keys on the query string: 10,001 characters must still make a valid cache key.
@pytest.mark.filterwarnings("error::django.core.cache.backends.base.CacheKeyWarning")
@pytest.mark.parametrize("label", list(HOSTILE))
def test_search_with_hostile_queries(client, community_a, label):
    response = client.get("/search/", {"q": HOSTILE[label]})
    assert response.status_code == 200
    text = response.content.decode()
    assert not any(raw in text for raw in RAW_MARKUP)


def test_a_password_with_a_nul_is_refused_in_chinese(client, community_a):
    data = CASES["signup"](lambda name: {"community_a": community_a}[name]).data
    response = client.post(
        reverse("signup"), {**data, "password1": HOSTILE["nul"], "password2": HOSTILE["nul"]}
    )
    assert NUL_ERROR in response.content.decode()
    assert not User.objects.filter(mobile=data["mobile"]).exists()


def test_a_name_with_an_override_is_saved_without_it(client, verified_a):
    client.force_login(verified_a)
    client.post(reverse("my_account"), {"display_name": "\u202e张\u2066大\u2069明\u202c", "email": ""})
    assert User.objects.get(pk=verified_a.pk).display_name == "张大明"


def test_a_name_of_override_characters_only_is_required_again(client, verified_a):
    client.force_login(verified_a)
    text = client.post(reverse("my_account"), {"display_name": "\u202e\u202e", "email": ""}).content.decode()
    assert "必需字段" in text  # Wagtail's zh_Hans words for "This field is required."
    assert User.objects.get(pk=verified_a.pk).display_name == "张小明"


def test_bodies_keep_their_text(client, verified_a, topic):
    client.force_login(verified_a)
    client.post(reverse("topics:comment", args=[topic.pk]), {"body": "שלום \u202e世界"})
    assert TopicComment.objects.get().body == "שלום \u202e世界"


def test_notifications_about_a_hostile_title_show_it_escaped(
    client, verified_a, coordinator_a, make_topic, django_capture_on_commit_callbacks
):
    """The author's messages name the topic: the inbox and the message page escape it."""
    from workflows.models import ReviewState
    from workflows.services import perform_transition

    topic = make_topic(ReviewState.SUBMITTED, author=verified_a, title=SCRIPT)
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(obj=topic, transition="approve", actor=coordinator_a)
    client.force_login(verified_a)
    inbox = client.get(reverse("workflows:message_list")).content.decode()
    message = verified_a.workflow_messages.get()
    page = client.get(reverse("workflows:message_detail", args=[message.pk])).content.decode()
    pages = [inbox, page]
    assert html.escape(SCRIPT) in page
    assert not any(raw in page for page in pages for raw in RAW_MARKUP)
