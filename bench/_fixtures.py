"""The Django side of the load, fault and two-server benches, run in the site's settings as a subprocess:

    python bench/_fixtures.py prepare|snapshot|verify|tasks   (reads a JSON payload on stdin, prints JSON)

prepare   bench data (verified residents with 1,000 points, a help category, a reward with a large stock, a
          public topic per community) and a logged-in session with a CSRF secret for every bench resident and
          for the coordinator and the administrator: made here, so the load run never logs in.
snapshot  the highest primary key of every table the submissions write.
verify    every successful submission answered is in the database exactly once, nothing else was created,
          and the points ledger has no duplicate and adds up.
tasks     the background tasks' states and whether the notifications were emailed (bench/two_servers.py)."""

import json
import os
import secrets
import string
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renren_cms.settings.production")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db.models import Count, Max, Sum  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from home.models import ActivityPage  # noqa: E402
from participation.activities.models import ActivitySignup  # noqa: E402
from participation.help.models import HelpCategory  # noqa: E402
from participation.help.models.requests import HelpRequest  # noqa: E402
from participation.models import Community, User  # noqa: E402
from participation.points.models import BehaviourItem, BehaviourPolarity, PointsClaim, Redemption, Reward  # noqa: E402
from participation.points.models.ledger import ONCE_PER_SOURCE, EntryKind, PointsEntry  # noqa: E402
from participation.topics import selectors as topic_selectors  # noqa: E402
from participation.topics import services as topic_services  # noqa: E402
from participation.topics.models import ConsultationTopic  # noqa: E402
from workflows.models import Message  # noqa: E402
from workflows.services import perform_transition  # noqa: E402

RESIDENT_PREFIX = "150"  # bench/seed_scale.py's residents
COORDINATOR, ADMIN = "13800000002", "13800000000"  # home/demo.py
STARTING_POINTS = 1000
# Submission kind -> (model, how its bench marker is read from a row). The driver writes the markers.
MARKED = {
    "topic": (ConsultationTopic, lambda row: row.title.removeprefix("压测议题 ")),
    "help request": (HelpRequest, lambda row: row.summary.removeprefix("压测求助 ")),
    "points claim": (PointsClaim, lambda row: row.description.removeprefix("压测申领 ")),
    "sign-up": (ActivitySignup, lambda row: f"{row.resident_id}:{row.activity_id}"),
    "redemption": (Redemption, lambda row: str(row.idempotency_key)),
}


def _session(user) -> dict:
    """A logged-in session as django.contrib.auth.login() would store it, and a CSRF secret for its cookie."""
    data = {
        SESSION_KEY: str(user.pk),
        BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: user.get_session_auth_hash(),
    }
    key = secrets.token_hex(16)
    Session(
        session_key=key,
        session_data=SessionStore().encode(data),
        expire_date=timezone.now() + timedelta(days=1),
    ).save()
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    return {"id": user.pk, "sessionid": key, "csrftoken": csrf}


def _community_data(community: Community, admin: User, author: User) -> dict:
    categories = list(topic_selectors.categories_for(community=community).values_list("pk", flat=True))
    help_category, _ = HelpCategory.objects.get_or_create(community=community, name="压测求助")
    reward, _ = Reward.objects.get_or_create(
        community=community, name="压测奖品", defaults={"price": 1, "stock": 1_000_000, "kind": "goods"}
    )
    topic = ConsultationTopic.objects.filter(community=community, title="压测公开议题").first()
    if topic is None:
        topic = topic_services.create_topic(
            author=author,
            community=community,
            title="压测公开议题",
            description="压测用的公开议题。",
            category=topic_selectors.categories_for(community=community).first(),
            submit=True,
        )
        topic = perform_transition(obj=topic, transition="approve", actor=admin)
    activities = ActivityPage.objects.live().descendant_of(community.home_page).order_by("pk")
    return {
        "topic_categories": categories,
        "help_category": help_category.pk,
        "behaviours": list(
            BehaviourItem.objects.filter(
                community=community,
                polarity=BehaviourPolarity.POSITIVE,
                is_active=True,
            ).values_list("pk", flat=True)
        ),
        "activities": list(activities.values_list("pk", flat=True)),
        "reward": reward.pk,
        "topic": topic.pk,
        "reads": {
            "home": community.home_page.url,
            "topic list": f"/topics/{community.slug}/",
            "topic detail": f"/topics/{topic.pk}/",
            "activity page": activities.first().url,
            "help list": f"/help/{community.slug}/",
        },
    }


def prepare(payload: dict) -> dict:
    now = timezone.now()
    residents = list(User.objects.filter(mobile__startswith=RESIDENT_PREFIX).prefetch_related("communities"))
    User.objects.filter(pk__in=[r.pk for r in residents], verified_at__isnull=True).update(verified_at=now)
    have_points = set(PointsEntry.objects.values_list("resident_id", flat=True).distinct())
    PointsEntry.objects.bulk_create(
        [
            PointsEntry(
                resident=r,
                community=r.communities.all()[0],
                kind=EntryKind.AWARD,
                delta=STARTING_POINTS,
                balance_after=STARTING_POINTS,
                reason="压测初始积分",
            )
            for r in residents
            if r.pk not in have_points
        ]
    )
    admin = User.objects.get(mobile=ADMIN)
    staff = {"coordinator": User.objects.get(mobile=COORDINATOR), "admin": admin}
    if payload.get("emails"):  # two_servers.py: notifications get emailed, through the task queue
        for user in [*staff.values(), *residents]:
            User.objects.filter(pk=user.pk).update(email=f"u{user.pk}@bench.invalid")
    communities = {}
    for community in Community.objects.order_by("pk"):
        author = next(r for r in residents if community in r.communities.all())
        communities[community.slug] = _community_data(community, admin, author)
    return {
        "residents": [{**_session(r), "community": r.communities.all()[0].slug} for r in residents],
        "staff": {name: _session(user) for name, user in staff.items()},
        "communities": communities,
        # The admin's approve action for a topic, with PK where the topic's id goes (bench/two_servers.py).
        "approve_topic_url": reverse("consultation_topics:transition", args=(999999999, "approve")).replace(
            "999999999", "PK"
        ),
    }


def snapshot(payload: dict) -> dict:
    models = {kind: model for kind, (model, _) in MARKED.items()}
    models |= {"ledger": PointsEntry, "messages": Message}
    return {kind: model.objects.aggregate(top=Max("pk"))["top"] or 0 for kind, model in models.items()}


def _check_kind(kind: str, before: int, ok: list[str], failed: list[str]) -> dict:
    model, marker_of = MARKED[kind]
    markers = [marker_of(row) for row in model.objects.filter(pk__gt=before)]
    ok, failed, found = set(ok), set(failed) - set(ok), {}
    for marker in markers:
        found[marker] = found.get(marker, 0) + 1
    return {
        "ok_responses": len(ok),
        "rows_created": len(markers),
        "lost": len(ok - found.keys()),
        "duplicates": sum(1 for n in found.values() if n > 1),
        "committed_after_error": len(failed & found.keys()),
        "unexplained": len(found.keys() - ok - failed),
    }


def verify(payload: dict) -> dict:
    before = payload["before"]
    kinds = {
        kind: _check_kind(kind, before[kind], **outcome) for kind, outcome in payload["outcomes"].items()
    }
    entries = PointsEntry.objects.all()
    duplicates = (
        entries.filter(kind__in=ONCE_PER_SOURCE, source_id__isnull=False)
        .values("source_type", "source_id", "kind")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    sums = dict(entries.values_list("resident").annotate(total=Sum("delta")))
    latest = entries.values("resident").annotate(top=Max("pk")).values_list("top", flat=True)
    balances = dict(PointsEntry.objects.filter(pk__in=latest).values_list("resident", "balance_after"))
    new_redemptions = Redemption.objects.filter(pk__gt=before["redemption"])
    stock_wrong = sum(
        1
        for reward in Reward.objects.filter(name="压测奖品")
        if reward.stock != 1_000_000 - Redemption.objects.filter(reward=reward).count()
    )
    return {
        "kinds": kinds,
        "ledger": {
            "duplicate_entries": duplicates,
            "redemption_entries_created": entries.filter(
                pk__gt=before["ledger"], kind=EntryKind.REDEMPTION
            ).count(),
            "redemptions_created": new_redemptions.count(),
            "balances_not_adding_up": sum(1 for r, total in sums.items() if balances.get(r) != total),
            "rewards_with_wrong_stock": stock_wrong,
        },
    }


def tasks(payload: dict) -> dict:
    messages = Message.objects.filter(pk__gt=payload.get("since_message", 0)).select_related("recipient")
    emailable = [m for m in messages if m.recipient.email]
    statuses = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")))
    ids = {m.pk for m in messages}
    email_tasks = [
        task
        for task in DBTaskResult.objects.filter(task_path__endswith=".send_message_email")
        if task.args_kwargs.get("kwargs", {}).get("message_id") in ids
    ]
    by_kind, email_statuses = {}, {}
    for message in messages:
        by_kind[message.kind] = by_kind.get(message.kind, 0) + 1
    for task in email_tasks:
        email_statuses[task.status] = email_statuses.get(task.status, 0) + 1
    return {
        "task_statuses": statuses,
        "email_tasks": email_statuses,
        "email_task_workers": sorted({worker for task in email_tasks for worker in task.worker_ids}),
        "messages": len(messages),
        "messages_by_kind": by_kind,
        "messages_to_email": len(emailable),
        "messages_emailed": sum(1 for m in emailable if m.emailed_at is not None),
    }


if __name__ == "__main__":
    command = {"prepare": prepare, "snapshot": snapshot, "verify": verify, "tasks": tasks}[sys.argv[1]]
    print(json.dumps(command(json.loads(sys.stdin.read() or "{}")), ensure_ascii=False))
