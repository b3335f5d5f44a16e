"""Scale the demo data up for benchmarks: residents, news, topics, 解忧铺 requests and points ledger entries in
the demo's two communities (issue "Quality gates": 5,000 residents, 500 topics, 2,000 requests, 200,000 entries).

Run with the project's settings: `python bench/seed_scale.py --residents 5000`. Rows are written in bulk, in
states a real history would leave them (approved topics, accepted requests, ledger balances that add up);
running it again tops up to the asked numbers."""

import argparse
import os
import sys
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renren_cms.settings.dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument("--news", type=int, default=200)
    parser.add_argument("--topics", type=int, default=500)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--ledger", type=int, default=200_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.utils import timezone

    from home.demo import seed_demo
    from home.models import NewsIndexPage, NewsPage
    from participation.models import Community, User

    seed_demo()
    communities = list(Community.objects.order_by("pk"))
    seed_residents(communities=communities, wanted=args.residents, prefix=RESIDENT_PREFIX)

    for community in communities:
        index = NewsIndexPage.objects.descendant_of(community.home_page).first()
        have = NewsPage.objects.child_of(index).count()
        for number in range(have, args.news):
            index.add_child(
                instance=NewsPage(
                    title=f"{community.name}社区动态第{number}期",
                    slug=f"bench-{number}",
                    summary="“人人社区”建设动态。",
                    date=timezone.localdate() - timedelta(days=number % 365),
                )
            )
    residents = list(
        User.objects.filter(mobile__startswith=RESIDENT_PREFIX).order_by("pk").prefetch_related("communities")
    )
    _topics(residents, args.topics)
    _requests(residents, args.requests)
    seed_ledger(members=[(r.pk, r.communities.all()[0].pk) for r in residents], wanted=args.ledger)
    from participation.help.models import HelpRequest
    from participation.points.models import PointsEntry
    from participation.topics.models import ConsultationTopic

    print(
        f"residents: {len(residents)}, news pages: {NewsPage.objects.count()}, "
        f"topics: {ConsultationTopic.objects.count()}, requests: {HelpRequest.objects.count()}, "
        f"ledger entries: {PointsEntry.objects.count()}"
    )


RESIDENT_PREFIX = "150"


def seed_residents(*, communities, wanted: int, prefix: str = RESIDENT_PREFIX) -> None:
    """`wanted` resident accounts with the mobile numbers prefix + 8 digits, number n in communities[n % len],
    each with its 居民 group row and its community row, as the residents' import makes them — all in bulk.

    Tops up: accounts already there are kept, and accounts without their membership rows (an interrupted run)
    get them."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from participation.models import User

    resident_group = Group.objects.get(name="居民")
    existing = set(User.objects.filter(mobile__startswith=prefix).values_list("mobile", flat=True))
    password = make_password("bench-resident")  # hashed once: thousands of hashes would dominate the run
    User.objects.bulk_create(
        [
            User(mobile=f"{prefix}{number:08d}", display_name=f"居民{number}", password=password)
            for number in range(wanted)
            if f"{prefix}{number:08d}" not in existing
        ],
        batch_size=2000,
    )
    missing = (
        User.objects.filter(mobile__startswith=prefix)
        .exclude(groups=resident_group)
        .values_list("pk", "mobile")
    )
    groups, places = [], []
    for pk, mobile in missing:
        groups.append(User.groups.through(user_id=pk, group_id=resident_group.pk))
        places.append(
            User.communities.through(
                user_id=pk, community_id=communities[int(mobile[len(prefix) :]) % len(communities)].pk
            )
        )
    User.groups.through.objects.bulk_create(groups, batch_size=5000)
    User.communities.through.objects.bulk_create(places, batch_size=5000, ignore_conflicts=True)


def _topics(residents, wanted: int) -> None:
    from django.utils import timezone

    from participation.topics.models import ConsultationTopic, TopicCategory

    have = ConsultationTopic.objects.count()
    categories = list(TopicCategory.objects.filter(community__isnull=True))
    now = timezone.now()
    ConsultationTopic.objects.bulk_create(
        [
            ConsultationTopic(
                community=residents[n % len(residents)].communities.all()[0],
                author=residents[n % len(residents)],
                title=f"关于小区公共事务的议题{n}",
                description="居民提出的社区公共事务议题，请议事会讨论。",
                category=categories[n % len(categories)],
                state="approved",
                submitted_at=now,
            )
            for n in range(have, wanted)
        ],
        batch_size=1000,
    )


def _requests(residents, wanted: int) -> None:
    from django.utils import timezone

    from participation.help.models import HelpCategory, HelpRequest

    now = timezone.now()
    have = HelpRequest.objects.count()
    categories = {}
    for category in HelpCategory.objects.all():
        categories.setdefault(category.community_id, []).append(category)
    rows = []
    for n in range(have, wanted):
        resident = residents[n % len(residents)]
        community = resident.communities.all()[0]
        category = categories[community.pk][n % len(categories[community.pk])]
        rows.append(
            HelpRequest(
                community=community,
                category=category,
                submitted_at=now,
                response_due_at=now + timedelta(hours=category.response_hours),
                resolution_due_at=now + timedelta(days=category.resolution_days),
                summary=f"需要帮助的事项{n}",
                description="居民通过人人解忧铺提出的求助。",
                author=resident,
                requester_name=resident.display_name,
                requester_phone=resident.mobile,
                is_public=n % 2 == 0,
                state="accepted" if n % 3 else "submitted",
            )
        )
    HelpRequest.objects.bulk_create(rows, batch_size=1000)


@contextmanager
def _dated_as_given(model, field_name: str):
    """Let bulk_create keep the times we set on an auto_now_add field (a history spread over past months)."""
    field = model._meta.get_field(field_name)
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def seed_ledger(*, members: list[tuple[int, int]], wanted: int, community=None, months: int = 0) -> None:
    """Awards and redemptions for each (resident id, community id) of `members` whose running balance never goes
    below zero, until the ledger (of `community`, when given) holds `wanted` entries.

    With `months`, each resident's entries are spread evenly over that many past months (oldest first, so the
    order of the ids is the order of the times, as in a real ledger); without, they are all recorded now."""
    from django.db.models import Max
    from django.utils import timezone

    from participation.points.models.ledger import EntryKind, PointsEntry
    from participation.points.reputation import EARNING_KINDS

    entries = (
        PointsEntry.objects.all() if community is None else PointsEntry.objects.filter(community=community)
    )
    have = entries.count()
    if have >= wanted or not members:
        return
    per_resident = max(1, (wanted - have) // len(members))
    # Each resident's latest balance in one query (a top-up continues from it).
    latest = PointsEntry.objects.values("resident_id").annotate(last=Max("pk")).values("last")
    balances = dict(PointsEntry.objects.filter(pk__in=latest).values_list("resident_id", "balance_after"))
    now = timezone.now()
    step = timedelta(days=30 * months) / per_resident if months else timedelta(0)
    rows = []
    with _dated_as_given(PointsEntry, "created_at"):
        for position, (resident_id, community_id) in enumerate(members):
            balance = balances.get(resident_id, 0)
            # Shifted by a part of the step per resident, so every day of the span has its share of entries.
            first = now - step * (per_resident - 1) - step * (position % 97) / 97
            for n in range(per_resident):
                turn = n + position  # residents differ in which of their entries are redemptions, and when
                delta = -3 if turn % 4 == 3 and balance >= 3 else 2
                balance += delta
                rows.append(
                    PointsEntry(
                        resident_id=resident_id,
                        community_id=community_id,
                        delta=delta,
                        balance_after=balance,
                        kind=EARNING_KINDS[turn % len(EARNING_KINDS)] if delta > 0 else EntryKind.REDEMPTION,
                        reason="基准测试积分",
                        created_at=first + step * n,
                    )
                )
            if len(rows) >= 20_000:
                PointsEntry.objects.bulk_create(rows, batch_size=5000)
                rows = []
        PointsEntry.objects.bulk_create(rows, batch_size=5000)


if __name__ == "__main__":
    main()
