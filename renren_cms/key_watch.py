"""Knowing a Redis key's value without asking Redis on every request.

A page-cache hit needed one Redis round trip only to learn the content generation, and that round trip was
the whole gap between a hit and a hello-world (bench/README.md). Redis can tell us instead: a connection with
CLIENT TRACKING in broadcast mode for the key receives a message whenever the key changes (INCR by any app
server, expiry, eviction, FLUSHDB, a restart closes the connection). A worker keeps the value it read and drops
it as soon as a message is waiting on that connection: it looks, with one non-blocking recv, before every use.

Trust is bounded all the same. A value is kept at most MAX_TRUST seconds, then read again: a connection that
died without a word (a firewall dropping idle connections, a crashed host) brings no message, and must not
keep a worker on an old value for longer than that. Without a working connection nothing is kept at all, and
every use reads Redis, as without this; the connection is tried again after RETRY_AFTER seconds."""

import os
import socket
import threading
import time
from urllib.parse import unquote, urlsplit

CHANNEL = "__redis__:invalidate"
MAX_TRUST = 1.0
RETRY_AFTER = 1.0
CONNECT_TIMEOUT = 0.5


def _command(*args) -> bytes:
    parts = [f"*{len(args)}\r\n".encode()]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


def _read_lines(sock, count: int) -> list[bytes]:
    """The next `count` reply lines (the replies here are short and fixed); an error reply raises."""
    buffer = b""
    while buffer.count(b"\r\n") < count:
        data = sock.recv(4096)
        if not data:
            raise ConnectionError("Redis closed the connection")
        buffer += data
    lines = buffer.split(b"\r\n")[:count]
    for line in lines:
        if line.startswith(b"-"):
            raise ConnectionError(line.decode(errors="replace"))
    return lines


class KeyWatch:
    def __init__(self, url: str, key: str):
        parts = urlsplit(url)
        if parts.scheme != "redis":
            raise ValueError("only plain redis:// connections are watched")
        self._address = (parts.hostname or "127.0.0.1", parts.port or 6379)
        self._username = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self._key = key
        self._lock = threading.Lock()
        self._sock = None
        self._pid = os.getpid()
        self._retry_at = 0.0
        # Counts the changes seen: a value read before a change is never kept after it.
        self._epoch = 0
        self._value = None
        self._read_at = 0.0

    def known(self):
        """(value, epoch): value is None when it must be read from Redis; epoch is None when reading it is all
        there is to do (no working connection), else it goes to remember() with what was read."""
        with self._lock:
            if not self._listening():
                return None, None
            if self._value is not None and time.monotonic() - self._read_at > MAX_TRUST:
                self._value = None
            return self._value, self._epoch

    def remember(self, value, epoch: int) -> None:
        with self._lock:
            if self._listening() and epoch == self._epoch:
                self._value, self._read_at = value, time.monotonic()

    def forget(self) -> None:
        """This process changed the key: the message from Redis is on its way, but it must not be waited for."""
        with self._lock:
            self._value = None
            self._epoch += 1

    def _listening(self) -> bool:
        """Connected, subscribed and every waiting message taken in; False: trust nothing."""
        if self._pid != os.getpid():  # a forked child: the socket is its parent's
            self._sock, self._pid = None, os.getpid()
            self._forget_all()
        if self._sock is None:
            if time.monotonic() < self._retry_at:
                return False
            try:
                self._sock = self._connect()
            except (OSError, ValueError):
                self._broken()
                return False
        try:
            while True:
                if not self._sock.recv(65536, socket.MSG_DONTWAIT):
                    raise ConnectionError("Redis closed the connection")
                self._forget_all()
        except BlockingIOError:
            return True
        except OSError:
            self._broken()
            return False

    def _forget_all(self) -> None:
        self._value = None
        self._epoch += 1

    def _broken(self) -> None:
        if self._sock is not None:
            self._sock.close()
        self._sock = None
        self._retry_at = time.monotonic() + RETRY_AFTER
        self._forget_all()

    def _connect(self):
        sock = socket.create_connection(self._address, timeout=CONNECT_TIMEOUT)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            if self._password is not None:
                auth = (
                    ("AUTH", self._username, self._password) if self._username else ("AUTH", self._password)
                )
                sock.sendall(_command(*auth))
                _read_lines(sock, 1)
            sock.sendall(_command("CLIENT", "ID"))
            client_id = int(_read_lines(sock, 1)[0][1:])
            # Broadcast mode for exactly this key, to this same connection (RESP2: as Pub/Sub messages).
            sock.sendall(
                _command("CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", "PREFIX", self._key)
                + _command("SUBSCRIBE", CHANNEL)
            )
            _read_lines(sock, 1 + 6)  # +OK, then the subscription's confirmation
            sock.settimeout(None)  # blocking, so that MSG_DONTWAIT answers at once instead of waiting
        except BaseException:
            sock.close()
            raise
        return sock
