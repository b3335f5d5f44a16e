"""A closed-loop HTTP load generator: N threads, each keeping one request in flight, mixing page reads
(anonymous or as a logged-in resident) and resident submissions, recording every request.

Threads and urllib-level http.client rather than wrk: each request is checked (a submission succeeded only if
it redirected where success redirects) and labelled with its kind and the marker the database check looks
for. gunicorn's sync workers close every connection, so each request opens its own, like wrk would."""

import http.client
import random
import re
import threading
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

READS = ("home", "topic list", "topic detail", "activity page", "help list")
SUBMISSIONS = ("topic", "help request", "points claim", "sign-up", "redemption")
# Where each submission redirects when it worked (anything else, even a 302 elsewhere, is a failure).
SUCCESS_LOCATION = {
    "topic": re.compile(r"^/topics/\d+/$"),
    "help request": re.compile(r"^/help/\d+/$"),
    "points claim": re.compile(r"^/points/claims/\d+/$"),
    "sign-up": re.compile(r"^/activities/signups/\d+/$"),
    "redemption": re.compile(r"^/points/me/redemptions/$"),
}
ERROR_PAGE_MARK = b'class="error-page"'  # templates/500.html and 503.html


@dataclass
class Outcome:
    kind: str  # "home (anonymous)", "topic", "redemption (same form again)" …
    submission: str | None  # the submission kind, for the database check
    started: float  # seconds since the run started
    latency: float  # seconds
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    ok: bool
    marker: str = ""
    error: str = ""
    error_page: bool = False  # a 5xx with the site's own error page
    cache_hit: bool = False


def fetch(
    base: str,
    method: str,
    path: str,
    *,
    cookies: dict | None = None,
    form: dict | None = None,
    headers: dict | None = None,
    timeout: float = 30,
) -> tuple[int, dict, bytes]:
    """One request on a fresh connection: (status, headers with lower-case names, body)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


class Driver:
    def __init__(
        self,
        base: str,
        fixtures: dict,
        *,
        read_share: float = 0.75,
        anonymous_share: float = 0.5,
        resend_share: float = 0.3,
        timeout: float = 60,
        seed: int = 1,
    ):
        self.base, self.fixtures, self.timeout = base, fixtures, timeout
        self.read_share, self.anonymous_share, self.resend_share = read_share, anonymous_share, resend_share
        self.seed = seed
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()

    def run(self, *, duration: float, connections: int) -> list[Outcome]:
        self.t0 = time.monotonic()
        self.deadline = self.t0 + duration
        residents = self.fixtures["residents"]
        threads = [
            threading.Thread(target=self._loop, args=(number, residents[number::connections]), daemon=True)
            for number in range(connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return self.outcomes

    # --- one simulated browser per thread ----------------------------------------------------------------

    def _loop(self, number: int, residents: list[dict]) -> None:
        rng = random.Random(self.seed * 1000 + number)
        signed_up = {r["id"]: set() for r in residents}
        while time.monotonic() < self.deadline:
            resident = rng.choice(residents)
            community = self.fixtures["communities"][resident["community"]]
            if rng.random() < self.read_share:
                self._read(rng, resident, community)
            else:
                self._submit(rng, rng.choice(SUBMISSIONS), resident, community, signed_up[resident["id"]])

    def _read(self, rng, resident, community) -> None:
        page = rng.choice(READS)
        if rng.random() < self.anonymous_share:
            self._request(f"{page} (anonymous)", None, "GET", community["reads"][page])
        else:
            self._request(f"{page} (resident)", None, "GET", community["reads"][page], resident=resident)

    def _submit(self, rng, kind, resident, community, signed_up: set) -> None:
        marker = uuid.uuid4().hex[:16]
        slug = resident["community"]
        if kind == "topic":
            path, form = (
                f"/topics/{slug}/new/",
                {
                    "title": f"压测议题 {marker}",
                    "description": "压测：小区东门路灯不亮，建议尽快维修。",
                    "category": rng.choice(community["topic_categories"]),
                    "action": "submit",
                },
            )
        elif kind == "help request":
            path, form = (
                f"/help/{slug}/new/",
                {
                    "category": community["help_category"],
                    "summary": f"压测求助 {marker}",
                    "description": "压测：家里水管漏水，需要帮忙找师傅。",
                },
            )
        elif kind == "points claim":
            path, form = (
                "/points/claim/",
                {"behaviour": rng.choice(community["behaviours"]), "description": f"压测申领 {marker}"},
            )
        elif kind == "sign-up":
            free = [a for a in community["activities"] if a not in signed_up]
            if not free:
                return  # this resident is signed up for everything: the loop picks again
            activity = rng.choice(free)
            signed_up.add(activity)
            path, form, marker = f"/activities/{activity}/signup/", {}, f"{resident['id']}:{activity}"
        else:
            marker = str(uuid.uuid4())
            path = f"/points/rewards/{slug}/{community['reward']}/redeem/"
            form = {"idempotency_key": marker}
        ok = self._request(kind, kind, "POST", path, resident=resident, form=form, marker=marker)
        if kind == "redemption" and ok and rng.random() < self.resend_share:
            # The same form sent again (a double click): must answer the same and redeem nothing more.
            self._request(
                "redemption (same form again)",
                kind,
                "POST",
                path,
                resident=resident,
                form=form,
                marker=marker,
            )

    def _request(self, kind, submission, method, path, *, resident=None, form=None, marker="") -> bool:
        cookies = None
        if resident is not None:
            cookies = {"sessionid": resident["sessionid"], "csrftoken": resident["csrftoken"]}
            if form is not None:
                form = {**form, "csrfmiddlewaretoken": resident["csrftoken"]}
        started = time.monotonic()
        try:
            status, headers, body = fetch(
                self.base, method, path, cookies=cookies, form=form, timeout=self.timeout
            )
        except (OSError, http.client.HTTPException) as error:
            status, headers, body, failure = 0, {}, b"", f"{type(error).__name__}: {error}"
        else:
            failure = ""
        latency = time.monotonic() - started
        if submission is None:
            ok = status == 200
        else:
            ok = status == 302 and bool(SUCCESS_LOCATION[submission].match(headers.get("location", "")))
        if not ok and not failure:
            failure = f"HTTP {status} {headers.get('location', '')}".strip()
        outcome = Outcome(
            kind=kind,
            submission=submission,
            started=started - self.t0,
            latency=latency,
            status=status,
            ok=ok,
            marker=marker,
            error=failure,
            error_page=status >= 500 and ERROR_PAGE_MARK in body,
            cache_hit=headers.get("x-page-cache") == "hit",
        )
        with self._lock:
            self.outcomes.append(outcome)
        return ok


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summarise(outcomes: list[Outcome], duration: float) -> list[dict]:
    """One row per kind, then the total: requests, errors, req/s, p50 and p99 in ms."""
    kinds = sorted({o.kind for o in outcomes}, key=lambda k: (k.split(" (")[0] in SUBMISSIONS, k))
    rows = []
    for kind in [*kinds, "total"]:
        chosen = [o for o in outcomes if kind in ("total", o.kind)]
        latencies = [o.latency * 1000 for o in chosen]
        rows.append(
            {
                "kind": kind,
                "requests": len(chosen),
                "errors": sum(not o.ok for o in chosen),
                "rps": len(chosen) / duration,
                "p50_ms": percentile(latencies, 0.5),
                "p99_ms": percentile(latencies, 0.99),
                "cache_hits": sum(o.cache_hit for o in chosen),
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'kind':40} {'requests':>9} {'errors':>7} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'cached':>7}")
    for r in rows:
        print(
            f"{r['kind']:40} {r['requests']:9d} {r['errors']:7d} {r['rps']:7.1f} {r['p50_ms']:8.0f} "
            f"{r['p99_ms']:8.0f} {r['cache_hits']:7d}"
        )


def submission_markers(outcomes: list[Outcome]) -> dict:
    """{submission kind: {"ok": [markers], "failed": [markers]}} for bench/_fixtures.py verify."""
    markers = {kind: {"ok": [], "failed": []} for kind in SUBMISSIONS}
    for o in outcomes:
        if o.submission:
            markers[o.submission]["ok" if o.ok else "failed"].append(o.marker)
    return markers
