"""Two app servers sharing one PostgreSQL and one Redis, plus one background worker: the deployment of
README "Deployment: several app servers", checked end to end.

    python bench/two_servers.py [--pg-port 55434] [--redis-db 14]

Starts gunicorn A and B (2 workers each, production settings, the same DATABASE_URL and REDIS_URL) and one
`manage.py db_worker`, then checks, printing PASS or FAIL for each (exit status 1 if any fails):

1. a page cached through A is served from the shared cache through B;
2. a topic submitted by a resident and approved by the coordinator through A appears at once on B's public
   topic list, which B had cached just before (no stale page);
3. a comment posted through B appears at once on A's cached topic page;
4. the notifications of submissions through both servers (topics through A, 解忧铺 requests through B) are
   queued, and the one worker drains the queue: no task left waiting, none failed, every message emailed.

Both servers get the same Host header, as behind one reverse proxy. The PostgreSQL cluster is the bench's own
(removed at the end); the Redis database --redis-db is flushed first. With --local-cache (no REDIS_URL: each
process keeps its own page cache) checks 1 to 3 fail: that is why app servers must share the cache."""

import argparse
import subprocess
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _common as common
from bench._driver import fetch as _fetch
from bench.run_pages import PYTHON, ROOT, prepare_site, start_gunicorn, stop, wait_for

HOST = "localhost"  # one public host name for both servers, so that they share page-cache keys
SUBMISSIONS_PER_SERVER = 5


def fetch(base, method, path, who=None, form=None):
    cookies = None
    if who is not None:
        cookies = {"sessionid": who["sessionid"], "csrftoken": who["csrftoken"]}
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": who["csrftoken"]}
    return _fetch(base, method, path, cookies=cookies, form=form, headers={"Host": HOST})


class Checks:
    def __init__(self):
        self.failed = 0

    def __call__(self, label: str, passed: bool, detail: str = "") -> bool:
        self.failed += not passed
        print(f"{'PASS' if passed else 'FAIL'}  {label}{f' ({detail})' if detail else ''}", flush=True)
        return passed


def submit_topic(base, resident, community, title) -> int | None:
    status, headers, _ = fetch(
        base,
        "POST",
        f"/topics/{resident['community']}/new/",
        resident,
        {
            "title": title,
            "description": "两台服务器压测：楼道灯坏了。",
            "category": community["topic_categories"][0],
            "action": "submit",
        },
    )
    location = headers.get("location", "")
    if status != 302 or not location.startswith("/topics/"):
        return None
    return int(location.strip("/").split("/")[-1])


def check_pages(a, b, fixtures, check) -> None:
    community = fixtures["communities"]["wuxing"]
    residents = [r for r in fixtures["residents"] if r["community"] == "wuxing"]
    topic_list = community["reads"]["topic list"]
    fetch(a, "GET", topic_list)
    _, headers, _ = fetch(b, "GET", topic_list)
    check(
        "1. a page cached through A is served through B from the shared cache",
        headers.get("x-page-cache") == "hit",
        f"B answered X-Page-Cache: {headers.get('x-page-cache')}",
    )

    title = f"压测议题 两台服务器 {uuid.uuid4().hex[:8]}"
    pk = submit_topic(a, residents[0], community, title)
    check("2a. a resident submits a topic through A", pk is not None)
    fetch(b, "GET", topic_list)
    _, headers, body = fetch(b, "GET", topic_list)
    check(
        "2b. before approval B's topic list, cached, does not show it",
        title not in body.decode() and headers.get("x-page-cache") == "hit",
        f"X-Page-Cache: {headers.get('x-page-cache')}",
    )
    approve = fixtures["approve_topic_url"].replace("PK", str(pk))
    status, headers, _ = fetch(
        a, "POST", approve, fixtures["staff"]["coordinator"], {"seen_state": "submitted", "comment": ""}
    )
    check("2c. the coordinator approves it in the admin through A", status == 302, f"HTTP {status}")
    _, headers, body = fetch(b, "GET", topic_list)
    check(
        "2d. B's public topic list shows it at once",
        title in body.decode(),
        f"X-Page-Cache: {headers.get('x-page-cache')}",
    )

    detail = f"/topics/{pk}/"
    fetch(a, "GET", detail)
    _, headers, body = fetch(a, "GET", detail)
    comment = f"压测评论 {uuid.uuid4().hex[:8]}"
    cached = headers.get("x-page-cache")
    status, _, _ = fetch(b, "POST", f"/topics/{pk}/comment/", residents[1], {"body": comment})
    _, headers, body = fetch(a, "GET", detail)
    check(
        "3. a comment posted through B appears at once on A's topic page",
        status == 302 and comment in body.decode(),
        f"A's page was {cached} before; comment HTTP {status}; "
        f"after: X-Page-Cache {headers.get('x-page-cache')}",
    )


def check_notifications(a, b, fixtures, env, check) -> None:
    community = fixtures["communities"]["wuxing"]
    residents = [r for r in fixtures["residents"] if r["community"] == "wuxing"][2:]
    since = common.fixtures(env, "snapshot")["messages"]
    made = 0
    for number in range(SUBMISSIONS_PER_SERVER):
        title = f"压测议题 通知 {uuid.uuid4().hex[:8]}"
        made += submit_topic(a, residents[number], community, title) is not None
        status, _, _ = fetch(
            b,
            "POST",
            "/help/wuxing/new/",
            residents[number + SUBMISSIONS_PER_SERVER],
            {
                "category": community["help_category"],
                "summary": f"压测求助 通知 {uuid.uuid4().hex[:8]}",
                "description": "两台服务器压测：需要帮忙。",
            },
        )
        made += status == 302
    check(
        f"4a. {2 * SUBMISSIONS_PER_SERVER} submissions through A (topics) and B (requests)",
        made == 2 * SUBMISSIONS_PER_SERVER,
        f"{made} succeeded",
    )

    def state():
        return common.fixtures(env, "tasks", {"since_message": since})

    def drained() -> bool:
        statuses = state()["task_statuses"]
        return not statuses.get("READY") and not statuses.get("RUNNING")

    queued = state()
    finished = common.wait_until(drained, timeout=120, interval=1)
    final = state()
    statuses = final["task_statuses"]
    check(
        "4b. each message to be emailed became one queued task, run by the worker",
        final["messages_to_email"] >= 2 * SUBMISSIONS_PER_SERVER
        and sum(final["email_tasks"].values()) == final["messages_to_email"]
        and bool(final["email_task_workers"]),
        f"{final['messages']} messages {final['messages_by_kind']}; their email tasks right after the "
        f"submissions: {queued['email_tasks']}, at the end: {final['email_tasks']}, "
        f"run by worker(s) {final['email_task_workers']}",
    )
    check(
        "4c. the worker drained the queue: nothing waiting, nothing failed",
        finished and not statuses.get("FAILED"),
        f"all tasks, seeding's included: {statuses}",
    )
    check(
        "4d. every message to a user with an email address was emailed",
        final["messages_emailed"] == final["messages_to_email"],
        f"{final['messages_emailed']} of {final['messages_to_email']}",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-port", type=int, default=55434)
    parser.add_argument("--redis-db", type=int, default=14)
    parser.add_argument("--ports", default="8321,8322", help="ports of app servers A and B")
    parser.add_argument(
        "--local-cache",
        action="store_true",
        help="demonstration: no REDIS_URL, each process caches pages in its own memory (checks fail)",
    )
    args = parser.parse_args()
    port_a, port_b = args.ports.split(",")
    a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    common.flush_redis(args.redis_db)
    postgres = common.PrivatePostgres(args.pg_port)
    processes = []
    check = Checks()
    try:
        env = common.bench_env(postgres.url(), args.redis_db)
        if args.local_cache:
            del env["REDIS_URL"]
        print(
            f"Preparing: private PostgreSQL on port {args.pg_port}, Redis database {args.redis_db} …",
            flush=True,
        )
        prepare_site(env, residents=40, news=5)
        fixtures = common.fixtures(env, "prepare", {"emails": True})
        log = common.log_file("two_servers.log")
        processes.append(start_gunicorn("renren_cms.wsgi", int(port_a), env, log=log))
        processes.append(start_gunicorn("renren_cms.wsgi", int(port_b), env, log=log))
        processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--interval", "1", "--no-startup-delay"],
                cwd=ROOT,
                env=env,
                start_new_session=True,
                stdout=log,
                stderr=log,
            )
        )
        wait_for(f"{a}/", timeout=60)
        wait_for(f"{b}/", timeout=60)
        print(f"A: {a}, B: {b}, one db_worker; Host: {HOST} on both.\n", flush=True)
        check_pages(a, b, fixtures, check)
        check_notifications(a, b, fixtures, env, check)
    finally:
        for process in processes:
            stop(process)
        postgres.cleanup()
    print(f"\n{'All checks passed.' if not check.failed else f'{check.failed} check(s) failed.'}")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
