"""Fault run: the load run of bench/load_run.py with the database restarted in the middle.

    python bench/fault_run.py [--duration 60] [--connections 64] [--stop-at 20] [--down 5]

At --stop-at seconds the bench's private PostgreSQL is stopped (pg_ctl stop -m fast: open connections are
cut), stays down --down seconds, and is started again; gunicorn is left alone. Checks: before the outage
nothing fails; during it every request is answered promptly, and what needs the database gets the site's 503 page
(anonymous pages already in the shared cache are still served); from two seconds after the restart nothing
fails, with the same gunicorn workers; after a second restart while the site is idle the very first requests
succeed (each worker notices its dead connection: CONN_HEALTH_CHECKS); no successful submission is lost or
duplicated and the ledger adds up.
Only the bench's own PostgreSQL cluster is restarted, never a shared one."""

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _common as common
from bench._driver import fetch, print_table, submission_markers, summarise
from bench.load_run import (
    arguments,
    check,
    check_database,
    drive,
    report_usage,
    site_on_private_postgres,
)

GRACE = 2.0  # seconds after PostgreSQL accepts connections again from which every request must succeed


def _workers(server) -> list[int]:
    ps = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True)
    return sorted(map(int, ps.stdout.split()))


def _phase(outcomes, start: float, end: float) -> list:
    """Requests that started at or after `start` and were answered by `end` (seconds since the run began)."""
    return [o for o in outcomes if o.started >= start and o.started + o.latency <= end]


def _describe(outcomes) -> str:
    statuses = {}
    for o in outcomes:
        label = "ok" if o.ok else str(o.status or "no answer")
        statuses[label] = statuses.get(label, 0) + 1
    return ", ".join(f"{label}: {n}" for label, n in sorted(statuses.items())) or "no requests"


def _restart_while_idle(base: str, fixtures: dict, postgres) -> list[int]:
    """Restart PostgreSQL while no request is running, then read pages as a resident: each worker's
    persistent connection is dead but nothing told it so. Without CONN_HEALTH_CHECKS the first request
    on each worker fails with it."""
    postgres.stop("fast")
    postgres.start()
    resident = fixtures["residents"][0]
    path = fixtures["communities"][resident["community"]]["reads"]["topic list"]
    cookies = {"sessionid": resident["sessionid"], "csrftoken": resident["csrftoken"]}
    return [fetch(base, "GET", path, cookies=cookies)[0] for _ in range(8)]


def main() -> None:
    args = arguments(
        __doc__,
        redis_db=13,
        port=8311,
        extra={
            "--stop-at": (float, 20.0, "seconds into the run when PostgreSQL is stopped"),
            "--down": (float, 5.0, "seconds PostgreSQL stays down"),
        },
    )
    print(f"Machine: {common.machine_note()}.")
    results, timeline = [], {}
    with site_on_private_postgres(args, "fault_run") as (base, fixtures, env, postgres, server):
        workers_before = _workers(server)

        def restart_database(t0: float) -> None:
            time.sleep(args.stop_at)
            timeline["stop"] = time.monotonic() - t0
            postgres.stop("fast")
            timeline["stopped"] = time.monotonic() - t0
            time.sleep(args.down)
            timeline["start"] = time.monotonic() - t0
            postgres.start()
            timeline["started"] = time.monotonic() - t0

        before = common.fixtures(env, "snapshot")
        print(
            f"Driving {base} for {args.duration} s with {args.connections} connections; "
            f"PostgreSQL stops at {args.stop_at:.0f} s for {args.down:.0f} s …",
            flush=True,
        )
        outcomes, usage = drive(base, fixtures, args, server, postgres, during=restart_database)
        workers_after = _workers(server)
        gunicorn_alive = server.poll() is None
        idle_restart = _restart_while_idle(base, fixtures, postgres)
        verified = common.fixtures(
            env, "verify", {"before": before, "outcomes": submission_markers(outcomes)}
        )

    print()
    print_table(summarise(outcomes, usage["elapsed"]))
    report_usage(usage)
    print(
        f"PostgreSQL: stop at {timeline['stop']:.1f} s, down at {timeline['stopped']:.1f} s, "
        f"start at {timeline['start']:.1f} s, accepting connections at {timeline['started']:.1f} s."
    )
    end = usage["elapsed"] + 1
    before_outage = _phase(outcomes, 0, timeline["stop"])
    outage = _phase(outcomes, timeline["stopped"], timeline["start"])
    after = _phase(outcomes, timeline["started"] + GRACE, end)
    answered_late = [o for o in outcomes if o.status == 0]
    failed_outage = [o for o in outage if not o.ok]
    print(f"Before the outage: {_describe(before_outage)}.")
    slowest = max((o.latency for o in outage), default=0) * 1000
    print(
        f"During the outage: {_describe(outage)} "
        f"({sum(o.cache_hit for o in outage)} ok from the page cache); slowest answer {slowest:.0f} ms."
    )
    restarted = _phase(outcomes, timeline["start"], end)
    print(f"Requests started from the moment PostgreSQL was being started again: {_describe(restarted)}.")
    print(f"Requests started {GRACE:.0f} s after it accepted connections again: {_describe(after)}.")
    print()
    check(results, "before the outage: no errors", all(o.ok for o in before_outage), _describe(before_outage))
    check(
        results,
        "the outage was real: requests needing the database failed",
        bool(failed_outage),
        f"{len(failed_outage)} failed",
    )
    check(
        results,
        "during the outage: every failure is the site's 503 page, none hung or was refused",
        all(o.status == 503 and o.error_page for o in failed_outage) and not answered_late,
        f"{sum(o.status == 503 and o.error_page for o in failed_outage)} of {len(failed_outage)} "
        "were 503 pages; "
        f"{len(answered_late)} requests got no HTTP answer",
    )
    check(
        results,
        "after the restart: no errors, without restarting gunicorn",
        bool(after) and all(o.ok for o in after) and gunicorn_alive and workers_before == workers_after,
        f"{_describe(after)}; workers {workers_before} then {workers_after}",
    )
    check(
        results,
        "after a restart while idle: the very first requests succeed (connection health checks)",
        all(status == 200 for status in idle_restart),
        f"statuses {idle_restart}",
    )
    check_database(verified, results, tolerate_failed_commits=True)
    common.RESULTS.mkdir(exist_ok=True)
    (common.RESULTS / "fault_run.json").write_text(
        json.dumps(
            {
                "timeline": timeline,
                "usage": usage,
                "verified": verified,
                "checks": results,
                "failures_after_start": [
                    (round(o.started, 2), round(o.latency, 3), o.status, o.kind)
                    for o in outcomes
                    if not o.ok and o.started >= timeline["start"]
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    sys.exit(0 if all(r["passed"] for r in results) else 1)


if __name__ == "__main__":
    main()
