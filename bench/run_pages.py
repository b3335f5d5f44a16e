"""Page benchmark: the site under gunicorn (2 workers) with scaled-up data, driven by wrk, beside the floor.

    python bench/run_pages.py [--duration 10] [--connections 16] [--database-url ...]

Prints req/s, p50 and p99 per page, cached (anonymous, from the page cache) and uncached (a request carrying a
session cookie skips the cache), with each figure's ratio to the hello-world floor. Targets: bench/README.md.
Only 127.0.0.1 is ever contacted; every wrk run is bounded by --duration."""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PAGES = {
    "portal": "/",
    "community home": "/wuxing/",
    "news list": "/wuxing/news/",
    "news detail": "/wuxing/news/news-1/",
    "activity list": "/wuxing/activities/",
    "activity detail": "/wuxing/activities/activity-1/",
    "behaviour list": "/wuxing/behaviours/",
    "topic list": "/topics/wuxing/",
    "topic detail": "/topics/1/",
    "help list": "/help/wuxing/",
}


def site_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="renren_cms.settings.production",
        SECRET_KEY="bench-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        LOG_LEVEL="ERROR",
    )
    return env


def run(cmd, env, **kwargs):
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def prepare_site(env: dict, *, residents: int, news: int = 200) -> None:
    """Migrate the database `env` names, collect static files, compile translations, seed scaled-up data."""
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "compile_translations", "-v0"], env)
    run([PYTHON, "bench/seed_scale.py", "--residents", str(residents), "--news", str(news)], env)


def start_gunicorn(app: str, port: int, env: dict, log=None) -> subprocess.Popen:
    """gunicorn with 2 workers; its output (tracebacks of failed requests included) goes to `log` if given."""
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", app, "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=log,
    )


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def wrk(url: str, duration: int, connections: int, headers: list[str] | None = None) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    for header in headers or []:
        cmd[1:1] = ["-H", header]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def latency(percent):
        match = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "rps": rps,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database-url", default=f"sqlite:///{RESULTS / 'bench.sqlite3'}")
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument(
        "--reuse-database",
        action="store_true",
        help="skip migrating and seeding: the database was prepared by an earlier run",
    )
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this text")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package `wrk`).")
    RESULTS.mkdir(exist_ok=True)
    env = site_env(args.database_url)
    if not args.reuse_database:
        prepare_site(env, residents=args.residents)

    site = start_gunicorn("renren_cms.wsgi", 8101, env)
    floor = start_gunicorn("bench.hello_wsgi", 8102, {**os.environ, "PYTHONPATH": str(ROOT)})
    results = {}
    try:
        wait_for("http://127.0.0.1:8101/")
        wait_for("http://127.0.0.1:8102/")
        results["floor"] = wrk("http://127.0.0.1:8102/", args.duration, args.connections)
        for name, path in PAGES.items():
            if args.only not in name:
                continue
            url = f"http://127.0.0.1:8101{path}"
            urllib.request.urlopen(url).read()  # warm the cache
            results[f"{name} (cached)"] = wrk(url, args.duration, args.connections)
            results[f"{name} (uncached)"] = wrk(
                url, args.duration, args.connections, headers=["Cookie: sessionid=bench-no-session"]
            )
    finally:
        stop(site)
        stop(floor)

    floor_rps = results["floor"]["rps"]
    print(f"\n{'page':32} {'req/s':>9} {'x floor':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(
            f"{name:32} {r['rps']:9.0f} {r['rps'] / floor_rps:8.2f} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} "
            f"{r['non_2xx']:8d}"
        )
    (RESULTS / "pages.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
