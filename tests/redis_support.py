"""The local Redis for tests of what only Redis does (production's cache backend, the watched generation).
Database 15: bench/two_servers.py flushes 14. Under CI Redis must be there: a missing one fails, never skips."""

import os
import socket

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


requires_redis = pytest.mark.skipif(not redis_up() and os.environ.get("CI") != "true", reason="no Redis here")
