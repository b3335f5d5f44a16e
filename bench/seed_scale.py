"""Scale the demo data up for benchmarks: many residents, news and activities in two communities.

Run with the project's settings: `python bench/seed_scale.py --residents 5000`. Later flows (topics, requests,
ledger entries) add their own generators here."""

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
    print(f"residents: {User.objects.filter(mobile__startswith='150').count()}, "
          f"news pages: {NewsPage.objects.count()}")


if __name__ == "__main__":
    main()
