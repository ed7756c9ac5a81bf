"""The documented setup: nginx (deploy/nginx/site.conf) in front of gunicorn's two sync workers
(gunicorn.conf.py). Clients that send one header line a second leave /healthz answering through
nginx; straight at gunicorn, the same clients stall it. nginx's own errors carry the security
headers, and pages go out compressed."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import PRODUCTION_ENV, ROOT, clean_environment

pytestmark = pytest.mark.slow

SLOW_CLIENTS = 4  # twice the workers
# Well within nginx's 10 s for a request's headers (deploy/nginx/site.conf), test included.
TRICKLE_SECONDS = 1
# How long /healthz may take to answer; a free worker answers in milliseconds. The stalled
# case waits this long for nothing: a few seconds are as telling as more.
PROBE_SECONDS = 3
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory, collected_static):
    """gunicorn with the repository's config and two sync workers, on a free port: one for
    both tests (the test that stalls it checks that it recovers)."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    env = {
        **clean_environment(),
        **PRODUCTION_ENV,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SITE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        # Pages name their hashed static files (the start page, in the nginx test).
        "DJANGO_STATIC_ROOT": str(collected_static),
    }
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
    process = subprocess.Popen(
        [*command, "config.wsgi", "--workers", "2", "--bind", f"fd://{listener.fileno()}"],
        cwd=ROOT,
        env=env,
        pass_fds=[listener.fileno()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    listener.close()
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield port
    finally:
        _stop(process)


def nginx_config(folder: Path, *, listen: int, upstream: int) -> Path:
    """The repository's site config, pointed at free ports, in a main config of its own."""
    site = (ROOT / "deploy" / "nginx" / "site.conf").read_text()
    assert site.count("listen 80;") == 1 and site.count("server web:8000;") == 1
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    site = site.replace("server web:8000;", f"server 127.0.0.1:{upstream};")
    assert site.count("access_log /dev/stdout redacted;") == 1
    site = site.replace("/dev/stdout redacted", f"{folder}/access.log redacted")
    (folder / "site.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        f"daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n    access_log off;\n{temp_paths}\n    include {folder}/site.conf;\n}}\n"
    )
    return main


@pytest.fixture
def nginx(gunicorn, tmp_path):
    """nginx with the repository's site config in front of `gunicorn`, on a free port."""
    if not Path(NGINX).exists():
        reason = "no nginx (apt-get install nginx-light)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"The slow-client test must run in CI: {reason}")
        pytest.skip(reason)
    port = _free_port()
    config = nginx_config(tmp_path, listen=port, upstream=gunicorn)
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield port
    finally:
        _stop(process)


@contextlib.contextmanager
def slow_clients(port: int):
    """SLOW_CLIENTS connections that send a request line, then one header line every
    TRICKLE_SECONDS, never finishing; entered once each has sent two lines."""
    sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(SLOW_CLIENTS)]
    stop, started = threading.Event(), threading.Event()

    def trickle() -> None:
        line = 0
        with contextlib.suppress(OSError):  # a server may close them: fine
            for client in sockets:
                client.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while not stop.wait(TRICKLE_SECONDS):
                line += 1
                for client in sockets:
                    client.sendall(f"X-Slow-{line}: still typing\r\n".encode())
                started.set()
        started.set()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    started.wait()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for client in sockets:
            client.close()


def probe(port: int) -> float | None:
    """Seconds /healthz took to answer 200, or None if it did not within PROBE_SECONDS."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=PROBE_SECONDS):
            return time.monotonic() - start
    except (TimeoutError, urllib.error.URLError):
        return None


def test_behind_nginx_slow_clients_leave_the_site_answering(nginx):
    with slow_clients(nginx):
        answered = probe(nginx)
    assert answered is not None, f"/healthz did not answer within {PROBE_SECONDS} s"
    print(f"through nginx, with {SLOW_CLIENTS} slow clients: /healthz in {answered:.3f} s")


def test_without_nginx_the_same_slow_clients_stall_gunicorn(gunicorn):
    # What nginx prevents: both sync workers wait on a slow client's headers.
    with slow_clients(gunicorn):
        answered = probe(gunicorn)
    assert answered is None, f"/healthz answered in {answered:.3f} s"
    assert probe(gunicorn) is not None  # and it comes back once they are gone


SECURITY_HEADERS = ("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")


def _raw(port: int, request: bytes) -> tuple[str, dict[str, list[str]]]:
    """The status line and headers nginx answers a raw request with."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = client.recv(65536)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers: dict[str, list[str]] = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return head[0], headers


def test_nginx_s_own_errors_carry_the_security_headers_and_pages_go_out_compressed(nginx):
    """Issue 26: nginx's 400/413/414 had none of the headers; pages went out uncompressed."""
    too_long = b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    too_big = b"POST /wizard/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n"
    malformed = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n\r\n"
    for request, status in ((too_long, "414"), (too_big, "413"), (malformed, "400")):
        status_line, headers = _raw(nginx, request)
        assert status in status_line, status_line
        for name in (*SECURITY_HEADERS, "Content-Security-Policy"):
            assert name.lower() in headers, (status, name)
        assert headers["content-security-policy"] == ["default-src 'none'; frame-ancestors 'none'"]

    # The site's own pages (the start page needs no database) keep the site's headers, once
    # each, and are compressed.
    status_line, headers = _raw(
        nginx, b"GET /wizard/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n"
    )
    assert "200" in status_line
    assert headers["content-encoding"] == ["gzip"]
    for name in SECURITY_HEADERS:
        assert len(headers[name.lower()]) == 1, name
    assert "default-src 'self'" in headers["content-security-policy"][0]
    assert len(headers["content-security-policy"]) == 1


def test_the_access_log_never_holds_a_capability_token(nginx, tmp_path):
    """A report's, a factory link's and an owner's link's tokens are credentials: nginx logs
    their paths with the token cut out (the review of issues 24 and 28)."""
    tokens = ["R" * 32, "Q" * 32, "O" * 32]
    for path in (f"/r/{tokens[0]}/", f"/q/{tokens[1]}.txt", f"/o/{tokens[2]}/", "/wizard/"):
        _raw(nginx, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    log = ""
    for _ in range(50):  # nginx writes a request's line once it has finished with it
        log = (tmp_path / "access.log").read_text()
        if '"GET /wizard/"' in log:
            break
        time.sleep(0.1)
    assert '"GET /r/-/"' in log and '"GET /q/-.txt"' in log and '"GET /o/-/"' in log
    assert '"GET /wizard/"' in log
    assert not any(token in log for token in tokens)
