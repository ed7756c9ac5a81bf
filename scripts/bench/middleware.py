"""`python -m scripts.bench.middleware` (`make bench` runs it after the wrk loads): what each of
our middleware costs on the bench's bare view, measured in process.

No server, no network, no load: the bare view (`HttpResponse("ok")`, scripts/bench/urls.py) is
called through Django's WSGI handler, one request at a time, as gunicorn calls it (a GET with
only a Host header and no cookie, as wrk sends; the response read and closed). The settings are
the bench's production ones (`scripts.bench.settings`, the same environment as `make bench`);
each variant of the MIDDLEWARE list is a handler built by `get_wsgi_application()` under
`override_settings(MIDDLEWARE=...)`, public APIs only. Nothing here touches the database.

Per middleware, microseconds per request:
- "added": the list up to it, less the list up to the one before it. The list is built up in
  its own order, so what a middleware needs is there (authentication needs sessions); the
  column adds up to "ours" less "none".
- "alone": the whole list, less the whole list without it: what removing only it would save.
  "needed" when the rest fails without it.
Also no middleware at all and `startproject`'s list (`settings_default_stack.py`), and the
rate of ours over startproject's: that ratio leaves out what the server itself costs per
request, so it is lower than the one `make bench` measures under wrk.

BENCH_ROUNDS (default 4) rounds time every variant on BENCH_MW_REQUESTS (default 1000) requests,
in 5 batches each, the variants in a new order for each batch. A variant's figure is its fastest
batch, in CPU time of this process with garbage collection paused (as timeit does): the
machine's other work can slow a batch, hardly speed it up. On a busy machine differences of
tens of microseconds, negative ones included, are noise: take figures on a quiet one.
"""

import gc
import importlib
import io
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from scripts.bench.__main__ import environment

BARE = "/bench/bare"
DEFAULT_STACK_SETTINGS = "scripts.bench.settings_default_stack"
# A round times every variant in this many short batches, in a new order each time.
SPLITS = 5

# A request as wrk sends it, as gunicorn hands it to Django.
ENVIRON = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "PATH_INFO": BARE,
    "RAW_URI": BARE,
    "QUERY_STRING": "",
    "SERVER_NAME": "127.0.0.1",
    "SERVER_PORT": "8000",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "REMOTE_ADDR": "127.0.0.1",
    "REMOTE_PORT": "40000",
    "HTTP_HOST": "127.0.0.1:8000",
    "wsgi.version": (1, 0),
    "wsgi.url_scheme": "http",
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": False,
    "wsgi.multiprocess": True,
    "wsgi.run_once": False,
}


def start_response(status, headers, exc_info=None):
    return None


def call(handler) -> tuple[str, bytes]:
    statuses = []
    environ = {**ENVIRON, "wsgi.input": io.BytesIO()}
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response)
    finally:
        response.close()
    return statuses[0], body


def answers(handler) -> bool:
    """Whether the handler answers the bare view. A list that lacks what one of its middleware
    needs fails: Django logs the error (not shown here) and draws its 500 page, which itself
    fails here, static files being left uncollected."""
    logging.disable(logging.CRITICAL)
    try:
        return all(call(handler) == ("200 OK", b"ok") for _ in range(3))
    except Exception:
        return False
    finally:
        logging.disable(logging.NOTSET)


def batch(handler, count: int) -> float:
    """Microseconds of CPU per request over `count` requests, as gunicorn calls the handler."""
    gc.disable()  # as timeit does: a collection falls on whichever batch is running
    try:
        start = time.process_time()
        for _ in range(count):
            response = handler({**ENVIRON, "wsgi.input": io.BytesIO()}, start_response)
            for _chunk in response:
                pass
            response.close()
        return (time.process_time() - start) / count * 1e6
    finally:
        gc.enable()


def handler_for(middleware: list[str]):
    from django.core.wsgi import get_wsgi_application
    from django.test import override_settings

    # The handler builds its chain when made and keeps it once the override ends.
    with override_settings(MIDDLEWARE=middleware):
        return get_wsgi_application()


def measure(count: int, rounds: int) -> None:
    import django
    from django.conf import settings

    django.setup()
    ours = list(settings.MIDDLEWARE)
    # Its module imports ours (already loaded, the same environment); only its list is used.
    startproject = list(importlib.import_module(DEFAULT_STACK_SETTINGS).MIDDLEWARE)
    variants = {"none": [], "startproject": startproject, "ours": ours}
    for index, name in enumerate(ours[:-1]):
        variants[f"up to {name}"] = ours[: index + 1]
    for index, name in enumerate(ours):
        variants[f"without {name}"] = ours[:index] + ours[index + 1 :]
    handlers = {label: handler_for(middleware) for label, middleware in variants.items()}
    failing = {label for label, handler in handlers.items() if not answers(handler)}
    for label in ("none", "startproject", "ours"):
        if label in failing:
            raise SystemExit(f"The bare view does not answer 200 with {label}'s middleware.")

    gc.collect()
    gc.freeze()  # what Django and the handlers hold is never scanned again
    best: dict[str, float] = {}
    labels = [label for label in handlers if label not in failing]
    shuffle = random.Random(0).shuffle
    for _ in range(rounds * SPLITS):
        shuffle(labels)
        for label in labels:
            figure = batch(handlers[label], max(count // SPLITS, 1))
            best[label] = min(best.get(label, figure), figure)

    def line(label: str, *figures: str) -> None:
        print(f"{label:<56}" + "".join(f"{figure:>8}" for figure in figures))

    print("\nmiddleware on the bare view, in process, one request at a time, no server")
    batches = f"{rounds * SPLITS} batches of {max(count // SPLITS, 1)}"
    print(f"CPU microseconds a request, the fastest of {batches}; noisy when busy")
    line("no middleware", f"{best['none']:.1f}")
    line(f"startproject's list ({len(startproject)})", f"{best['startproject']:.1f}")
    line(f"ours ({len(ours)})", f"{best['ours']:.1f}")
    ratio = best["startproject"] / best["ours"]
    line("ours / startproject's, as a rate (no server's share)", f"{ratio:.2f}")
    print()
    line("ours, in order", "added", "alone")
    previous = "none"
    for name in ours:
        current = f"up to {name}" if name != ours[-1] else "ours"
        without = f"without {name}"
        alone = "needed" if without in failing else f"{best['ours'] - best[without]:.1f}"
        # A list cut short fails if a middleware needs one after it (none does now).
        broken = current in failing or previous in failing
        added = "fails" if broken else f"{best[current] - best[previous]:.1f}"
        line(name, added, alone)
        previous = current
    line("added, in all (ours less none)", f"{best['ours'] - best['none']:.1f}")


def main() -> None:
    count = int(os.environ.get("BENCH_MW_REQUESTS", "1000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "4"))
    with tempfile.TemporaryDirectory(prefix="bench-mw-") as workdir:
        # The environment `make bench` gives its servers (production settings, a temporary
        # database nothing here opens, an empty static folder); no Redis: the bare view without
        # a cookie reads no cache.
        env = environment(Path(workdir), "")
        (Path(workdir) / "static").mkdir()
        for key in [key for key in os.environ if key not in env]:
            del os.environ[key]
        os.environ.update(env)
        measure(count, rounds)


if __name__ == "__main__":
    main()
