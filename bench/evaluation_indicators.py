"""Benchmark: the live indicators stay fast on a large community (issue 6: 50,000 residents, many records).

Seeds survey responses (the indicator source on this branch; the participation sources join here as their
figures functions are filled in) and times what a page does: the nine indicators, the self-evaluation and the
public JSON, plus the dashboard's 12-month series. Target: the public summary under 200 ms, the series under
1 s, on SQLite and PostgreSQL alike — aggregate queries only, so the time must not grow with the data.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python bench/evaluation_indicators.py --responses 20000
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renren_cms.settings.dev")


def timed(call, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from evaluation import selectors
    from evaluation.models import SurveyKind, SurveyResponse
    from home.demo import seed_demo
    from participation.models import Community

    seed_demo()
    community = Community.objects.order_by("pk").first()
    community.resident_population, community.households = 50_000, 17_000
    community.save()
    have = SurveyResponse.objects.filter(community=community).count()
    now = timezone.now()
    batch = []
    for number in range(have, args.responses):
        kind = SurveyKind.AWARENESS if number % 2 else SurveyKind.SATISFACTION
        batch.append(SurveyResponse(
            community=community, kind=kind, year=now.year, submitted_at=now - timedelta(hours=number % 9000),
            answers={}, score=4, max_score=5 if kind == SurveyKind.SATISFACTION else 7, positive=number % 10 != 0,
        ))
        if len(batch) == 5000:
            SurveyResponse.objects.bulk_create(batch)
            batch = []
    SurveyResponse.objects.bulk_create(batch)

    results = {
        "indicators_ms": timed(lambda: selectors.indicators_for(community=community), args.runs),
        "public_summary_ms": timed(lambda: selectors.public_summary(community=community), args.runs),
        "dashboard_series_ms": timed(lambda: selectors.indicator_series(community=community), max(args.runs // 3, 1)),
    }
    print(f"{connection.vendor}: {SurveyResponse.objects.count()} survey responses, 50,000 residents")
    for name, value in results.items():
        print(f"  {name}: {value:.1f}")
    ok = results["public_summary_ms"] < 200 and results["dashboard_series_ms"] < 1000
    print("target met" if ok else "TARGET MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
