"""What the load, fault and two-server benches share: a private PostgreSQL, a Redis database of their own,
the site prepared on them, and the Django-side helper (bench/_fixtures.py) run as a subprocess.

The benches never touch a shared database: each starts its own PostgreSQL cluster (initdb into a temporary
directory, its own port and socket directory) and removes it at the end. Only 127.0.0.1 is contacted."""

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.run_pages import PYTHON, ROOT, prepare_site, site_env

RESULTS = ROOT / "bench" / "results"
BENCH_DB = "renren_bench"


def _pg_bin(name: str) -> str:
    candidates = [os.environ.get("PG_BIN", "")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for directory in candidates:
        if directory and os.access(os.path.join(directory, name), os.X_OK):
            return os.path.join(directory, name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"PostgreSQL's {name} was not found: install PostgreSQL or set PG_BIN.")
    return found


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


class PrivatePostgres:
    """A throw-away PostgreSQL cluster. initdb refuses to run as root, so as root it runs as `postgres`."""

    def __init__(self, port: int):
        if not port_is_free(port):
            raise SystemExit(f"Port {port} is in use: choose another with --pg-port.")
        self.port = port
        self.directory = Path(tempfile.mkdtemp(prefix="renren-bench-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "postgres.log"
        self.as_owner = []
        if os.geteuid() == 0:
            shutil.chown(self.directory, user="postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self._pg(["initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        self.start()
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {BENCH_DB}")

    def _pg(self, command: list[str], **kwargs) -> None:
        subprocess.run(
            [*self.as_owner, _pg_bin(command[0]), *command[1:]],
            check=True,
            stdout=subprocess.DEVNULL,
            **kwargs,
        )

    def url(self, database: str = BENCH_DB) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._pg(["pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start"])

    def stop(self, mode: str = "fast") -> None:
        self._pg(["pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop"])

    def pid(self) -> int:
        """The postmaster's process id (its children are the backends, one per open connection)."""
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def cleanup(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.directory, ignore_errors=True)


def redis_url(db: int) -> str:
    return f"redis://127.0.0.1:6379/{db}"


def flush_redis(db: int) -> None:
    import redis

    redis.Redis.from_url(redis_url(db)).flushdb()


def bench_env(database_url: str, redis_db: int) -> dict:
    """Production settings on the private database and a Redis database of the bench's own. Rate limits off
    (RATE_LIMITS=off, for benchmarks only): every simulated resident comes from 127.0.0.1."""
    env = site_env(database_url)
    env.update(REDIS_URL=redis_url(redis_db), RATE_LIMITS="off", PYTHONPATH=str(ROOT))
    return env


def prepare(env: dict, *, residents: int, news: int) -> dict:
    """Migrate, seed the demo and `residents` residents, then the bench's own data and sessions."""
    prepare_site(env, residents=residents, news=news)
    return fixtures(env, "prepare")


def fixtures(env: dict, command: str, payload: dict | None = None) -> dict:
    """Run bench/_fixtures.py `command` in the site's settings; it reads `payload` and answers JSON."""
    result = subprocess.run(
        [PYTHON, "bench/_fixtures.py", command],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        input=json.dumps(payload or {}),
    )
    return json.loads(result.stdout)


def log_file(name: str):
    RESULTS.mkdir(exist_ok=True)
    return open(RESULTS / name, "w")


def machine_note() -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, load average {load} at start; the load generator, gunicorn, PostgreSQL "
        f"and Redis all share these cores, so the figures are a floor, not the site's capacity"
    )


def wait_until(predicate, timeout: float, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
