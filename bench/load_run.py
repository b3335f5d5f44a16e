"""Load run on PostgreSQL: the site under gunicorn (2 workers, production settings, Redis cache) against a
private PostgreSQL, driven for --duration seconds by --connections concurrent simulated residents.

    python bench/load_run.py [--duration 60] [--connections 64] [--residents 2000]

Reads (home, topic list, topic detail, activity page, help list; half anonymous, half logged in) and
submissions (topics, 解忧铺 requests, points claims, activity sign-ups, 积分超市 redemptions, some
of them sent twice like a double click) with sessions and CSRF tokens prepared in advance. Prints requests,
errors, req/s, p50 and p99 per kind, then checks: no errors, every successful submission in the database exactly once and
nothing more, no duplicate ledger entry, balances and stock that add up. Exit status 1 if a check fails.

Only 127.0.0.1 is contacted; the PostgreSQL cluster is the bench's own (removed at the end), the Redis
database --redis-db is flushed first. RATE_LIMITS=off is set for the site: every resident comes from one
address here (bench/README.md)."""

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _common as common
from bench._driver import SUBMISSIONS, Driver, fetch, print_table, submission_markers, summarise
from bench.run_pages import start_gunicorn, stop, wait_for


def arguments(description: str, **defaults) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=defaults.get("duration", 60))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--residents", type=int, default=2000)
    parser.add_argument("--pg-port", type=int, default=55432, help="port of the bench's private PostgreSQL")
    parser.add_argument(
        "--redis-db",
        type=int,
        default=defaults.get("redis_db", 12),
        help="Redis database number of the bench's own (flushed)",
    )
    parser.add_argument("--port", type=int, default=defaults.get("port", 8301))
    for name, (kind, default, help_text) in defaults.get("extra", {}).items():
        parser.add_argument(name, type=kind, default=default, help=help_text)
    return parser.parse_args()


@contextlib.contextmanager
def site_on_private_postgres(args, name: str):
    """Yields (base URL, fixtures, env, postgres, gunicorn process); stops and removes everything after."""
    common.flush_redis(args.redis_db)
    postgres = common.PrivatePostgres(args.pg_port)
    server = None
    try:
        env = common.bench_env(postgres.url(), args.redis_db)
        print(
            f"Preparing: private PostgreSQL on port {args.pg_port}, {args.residents} residents …", flush=True
        )
        fixtures = common.prepare(env, residents=args.residents, news=50)
        base = f"http://127.0.0.1:{args.port}"
        log = common.log_file(f"{name}_gunicorn.log")
        server = start_gunicorn("renren_cms.wsgi", args.port, env, log=log)
        wait_for(f"{base}/", timeout=60)
        for community in fixtures["communities"].values():
            for path in community["reads"].values():
                fetch(base, "GET", path)  # warm the page cache and the workers
        yield base, fixtures, env, postgres, server
    finally:
        if server is not None:
            stop(server)
        postgres.cleanup()


def _busy_cpu_seconds() -> float:
    """All cores' busy time since boot, in seconds: /proc/stat's user … steal (guest time is inside user)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children (gunicorn's master and workers)."""
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    total = 0.0
    for each in [pid, *map(int, children.split())]:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def drive(base: str, fixtures: dict, args, server, postgres, during=None) -> tuple[list, dict]:
    """Run the driver (and `during(t0)` beside it, for the fault run); returns outcomes and CPU figures."""
    driver = Driver(base, fixtures)
    cpu = (
        time.process_time(),
        _tree_cpu_seconds(server.pid),
        _busy_cpu_seconds(),
        _tree_cpu_seconds(postgres.pid()),
    )
    if during is not None:
        import threading

        threading.Thread(target=during, args=(time.monotonic(),), daemon=True).start()
    started = time.monotonic()
    outcomes = driver.run(duration=args.duration, connections=args.connections)
    elapsed = time.monotonic() - started  # a little over --duration: the last requests finish after it
    usage = {
        "elapsed": elapsed,
        "load generator": time.process_time() - cpu[0],
        "gunicorn": _tree_cpu_seconds(server.pid) - cpu[1],
        # Backends live as long as their connection: persistent ones are all counted, the others in part.
        "postgres": _tree_cpu_seconds(postgres.pid()) - cpu[3] if during is None else None,
        "whole machine": _busy_cpu_seconds() - cpu[2],
        "available": elapsed * os.cpu_count(),
    }
    return outcomes, usage


def check(results: list, label: str, passed: bool, detail: str = "") -> None:
    results.append({"check": label, "passed": passed, "detail": detail})
    print(f"{'PASS' if passed else 'FAIL'}  {label}{f' ({detail})' if detail else ''}")


def check_database(verified: dict, results: list, *, tolerate_failed_commits: bool = False) -> None:
    for kind in SUBMISSIONS:
        v = verified["kinds"][kind]
        check(
            results,
            f"{kind}: every successful response has its row, once",
            v["lost"] == 0 and v["duplicates"] == 0,
            f"{v['ok_responses']} answered ok, {v['rows_created']} rows, {v['lost']} lost, "
            f"{v['duplicates']} duplicated",
        )
        extra = v["unexplained"] + (0 if tolerate_failed_commits else v["committed_after_error"])
        check(
            results,
            f"{kind}: no row without a successful response",
            extra == 0,
            f"{v['committed_after_error']} committed although answered with an error, "
            f"{v['unexplained']} unexplained",
        )
    ledger = verified["ledger"]
    check(
        results,
        "ledger: no duplicate entries for one source",
        ledger["duplicate_entries"] == 0,
        f"{ledger['duplicate_entries']} duplicates",
    )
    check(
        results,
        "ledger: one entry per redemption",
        ledger["redemption_entries_created"] == ledger["redemptions_created"],
        f"{ledger['redemptions_created']} redemptions, {ledger['redemption_entries_created']} entries",
    )
    check(
        results,
        "ledger: every balance equals the sum of its entries; reward stock adds up",
        ledger["balances_not_adding_up"] == 0 and ledger["rewards_with_wrong_stock"] == 0,
        f"{ledger['balances_not_adding_up']} balances and {ledger['rewards_with_wrong_stock']} stocks off",
    )


def report_usage(usage: dict) -> None:
    postgres = f"PostgreSQL ≥ {usage['postgres']:.0f}, " if usage["postgres"] is not None else ""
    print(
        f"CPU seconds during the run: load generator {usage['load generator']:.0f}, "
        f"gunicorn {usage['gunicorn']:.0f}, {postgres}"
        f"whole machine {usage['whole machine']:.0f} of {usage['available']:.0f} available "
        "(the rest: Redis and other processes on the machine)."
    )


def main() -> None:
    args = arguments(__doc__)
    print(f"Machine: {common.machine_note()}.")
    results = []
    with site_on_private_postgres(args, "load_run") as (base, fixtures, env, postgres, server):
        before = common.fixtures(env, "snapshot")
        print(f"Driving {base} for {args.duration} s with {args.connections} connections …", flush=True)
        outcomes, usage = drive(base, fixtures, args, server, postgres)
        verified = common.fixtures(
            env, "verify", {"before": before, "outcomes": submission_markers(outcomes)}
        )
    rows = summarise(outcomes, usage["elapsed"])
    print()
    print_table(rows)
    report_usage(usage)
    errors = [o for o in outcomes if not o.ok]
    for error in sorted({f"{o.kind}: {o.error}" for o in errors})[:10]:
        print(f"  error: {error}")
    print()
    check(results, "no errors", not errors, f"{len(errors)} of {len(outcomes)} requests")
    check_database(verified, results)
    common.RESULTS.mkdir(exist_ok=True)
    (common.RESULTS / "load_run.json").write_text(
        json.dumps(
            {"rows": rows, "usage": usage, "verified": verified, "checks": results},
            indent=2,
            ensure_ascii=False,
        )
    )
    sys.exit(0 if all(r["passed"] for r in results) else 1)


if __name__ == "__main__":
    main()
