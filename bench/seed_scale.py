"""Scale the demo data up for benchmarks: residents, news, topics, 解忧铺 requests and points ledger entries in
the demo's two communities (issue "Quality gates": 5,000 residents, 500 topics, 2,000 requests, 200,000 entries).

Run with the project's settings: `python bench/seed_scale.py --residents 5000`. Rows are written in bulk, in
states a real history would leave them (approved topics, accepted requests, ledger balances that add up);
running it again tops up to the asked numbers."""

import argparse
import os
import sys
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
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from home.demo import seed_demo
    from home.models import NewsIndexPage, NewsPage
    from participation.models import Community, User

    seed_demo()
    communities = list(Community.objects.order_by("pk"))
    resident_group = Group.objects.get(name="居民")
    existing = User.objects.filter(mobile__startswith="150").count()
    password = make_password("bench-resident")  # hashed once: 5,000 hashes would dominate the run
    batch = [
        User(mobile=f"150{number:08d}", display_name=f"居民{number}", password=password)
        for number in range(existing, args.residents)
    ]
    User.objects.bulk_create(batch, batch_size=1000)
    new_users = User.objects.filter(mobile__startswith="150").exclude(groups=resident_group)
    for index, user in enumerate(new_users.iterator()):
        user.groups.add(resident_group)
        user.communities.add(communities[index % len(communities)])

    for community in communities:
        index = NewsIndexPage.objects.descendant_of(community.home_page).first()
        have = NewsPage.objects.child_of(index).count()
        for number in range(have, args.news):
            index.add_child(instance=NewsPage(
                title=f"{community.name}社区动态第{number}期", slug=f"bench-{number}",
                summary="“人人社区”建设动态。", date=timezone.localdate() - timedelta(days=number % 365),
            ))
    residents = list(User.objects.filter(mobile__startswith="150").order_by("pk").prefetch_related("communities"))
    _topics(residents, args.topics)
    _requests(residents, args.requests)
    _ledger(residents, args.ledger)
    from participation.models import ConsultationTopic, HelpRequest, PointsEntry

    print(f"residents: {len(residents)}, news pages: {NewsPage.objects.count()}, "
          f"topics: {ConsultationTopic.objects.count()}, requests: {HelpRequest.objects.count()}, "
          f"ledger entries: {PointsEntry.objects.count()}")


def _topics(residents, wanted: int) -> None:
    from django.utils import timezone

    from participation.models import ConsultationTopic, TopicCategory

    have = ConsultationTopic.objects.count()
    categories = list(TopicCategory.objects.filter(community__isnull=True))
    now = timezone.now()
    ConsultationTopic.objects.bulk_create([
        ConsultationTopic(
            community=residents[n % len(residents)].communities.all()[0], author=residents[n % len(residents)],
            title=f"关于小区公共事务的议题{n}", description="居民提出的社区公共事务议题，请议事会讨论。",
            category=categories[n % len(categories)], state="approved", submitted_at=now,
        )
        for n in range(have, wanted)
    ], batch_size=1000)


def _requests(residents, wanted: int) -> None:
    from django.utils import timezone

    from participation.models import HelpCategory, HelpRequest

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
        rows.append(HelpRequest(
            community=community, category=category, submitted_at=now,
            response_due_at=now + timedelta(hours=category.response_hours),
            resolution_due_at=now + timedelta(days=category.resolution_days),
            summary=f"需要帮助的事项{n}", description="居民通过人人解忧铺提出的求助。", author=resident,
            requester_name=resident.display_name, requester_phone=resident.mobile, is_public=n % 2 == 0,
            state="accepted" if n % 3 else "submitted",
        ))
    HelpRequest.objects.bulk_create(rows, batch_size=1000)


def _ledger(residents, wanted: int) -> None:
    """Awards and redemptions per resident whose running balance never goes below zero."""
    from participation.models import PointsEntry

    have = PointsEntry.objects.count()
    if have >= wanted:
        return
    per_resident = max(1, (wanted - have) // len(residents))
    rows = []
    for resident in residents:
        community = resident.communities.all()[0]
        balance = resident.points_entries.order_by("-pk").values_list("balance_after", flat=True).first() or 0
        for n in range(per_resident):
            delta = -3 if n % 4 == 3 and balance >= 3 else 2
            balance += delta
            rows.append(PointsEntry(
                resident=resident, community=community, kind="award" if delta > 0 else "correction",
                delta=delta, balance_after=balance, reason="基准测试积分",
            ))
        if len(rows) >= 20_000:
            PointsEntry.objects.bulk_create(rows, batch_size=5000)
            rows = []
    PointsEntry.objects.bulk_create(rows, batch_size=5000)


if __name__ == "__main__":
    main()
