"""What is drawn once and kept in Django's cache: a report's page as colleagues see it, its QR
code and its PDF; the landing page. Redis when REDIS_URL is set, shared by every app server;
otherwise each process keeps its own. (The report's sections drawn from its snapshot alone are
kept by the template's `{% cache %}` tag, in each process's own memory: see settings.)

Whether a link still works is never cached: the views read it from the database on every
request, so a revoke or an expiry is effective at once on every server, cached page or not.
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from redis.exceptions import RedisError

from ..models import Report

T = TypeVar("T")
log = logging.getLogger(__name__)

REPORT_SECONDS = 24 * 60 * 60
# A landing page drawn for an older state of the factors is never read again; this lets the
# shared cache drop it.
LANDING_SECONDS = 60 * 60
# Apart, so that a request reads only what it serves: the colleague's page, the owner's, the
# JSON, the QR code, the PDF.
_SHELVES = ("page", "owner", "json", "qr", "pdf")
_SOURCES = ("advisor", "templates", "static", "locale")


def release() -> str:
    """A digest of the code, templates and static files this process serves: a deploy
    changes it, so no server serves HTML drawn by an older release (with its old static
    file names) from a shared cache. Read once per process; with DEBUG on, from the files'
    modification times on every call, since the development server restarts when code
    changes but not when a template or a translation does."""
    return _files_changed_at() if settings.DEBUG else _release_once()


@once
def _release_once() -> str:
    digest = hashlib.sha256()
    for path, name in _source_files():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _files_changed_at() -> str:
    stamps = [(name, path.stat().st_mtime_ns) for path, name in _source_files()]
    return "dev-" + hashlib.sha256(repr(stamps).encode()).hexdigest()[:12]


def _source_files() -> list[tuple[Path, str]]:
    files = []
    for folder in _SOURCES:
        # Templates, static files and translations where the settings read them: inside
        # config/ when installed from the wheel, beside it in a checkout.
        root = Path(settings.BASE_DIR if folder == "advisor" else settings.SITE_FILES_DIR)
        files += [
            (path, str(path.relative_to(root)))
            for path in sorted((root / folder).rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        ]
    return files


def _shelf_key(report: Report, shelf: str) -> str:
    return f"report-{shelf}:{report.token}:{report.rules_version}:{release()}"


# A part's key names everything it is drawn from (the report's immutable snapshot, the code,
# the language, the site's address, for the JSON its quotes' state), so a copy can never be
# stale: each process also keeps the parts it served last, which spares it the shared cache's
# round trip and unpickling. Bounded: at most this many parts (PDFs are about 50 KB).
_HERE_MAX = 200
_here: OrderedDict[tuple[str, str], Any] = OrderedDict()
_here_lock = threading.Lock()


@dataclass(frozen=True)
class Unkept:
    """What a `build` returns when it drew from newer data than the part's name says: served
    once, never kept."""

    value: Any


def report_part(*, report: Report, shelf: str, name: str, build: Callable[[], T | Unkept]) -> T:
    """`build()`'s result, drawn once and kept with the report's other parts on `shelf`
    (one of `_SHELVES`), so that `forget_cached` drops them all at once. `name` must name all
    the part depends on beyond the report. At most one cache read; a miss builds and writes."""
    key = _shelf_key(report, shelf)
    value = _held((key, name))
    if value is not _NOT_HELD:
        return value
    parts = _get(key) or {}
    if name in parts:
        value = parts[name]
    else:
        value = build()
        if isinstance(value, Unkept):
            return value.value
        # Read again: another part of this report may have been kept while this one was drawn.
        _set(key, {**(_get(key) or {}), name: value}, REPORT_SECONDS)
    _hold((key, name), value)
    return value


_NOT_HELD = object()


def _held(kept: tuple[str, str]) -> Any:
    """This process's own copy, moved to the end of the line to be dropped, or `_NOT_HELD`."""
    with _here_lock:
        value = _here.get(kept, _NOT_HELD)
        if value is not _NOT_HELD:
            _here.move_to_end(kept)
        return value


def _hold(kept: tuple[str, str], value: Any) -> None:
    with _here_lock:
        _here[kept] = value
        while len(_here) > _HERE_MAX:
            _here.popitem(last=False)


def forget_cached(report: Report) -> None:
    """Drops everything kept for this report on its shelves: call it whenever what a report
    shows changes (its quotes).

    With Redis every server sees this at once; without, only this process's copy goes. (Other
    processes' own copies are never stale: see `report_part`.) The report's sections kept by
    the `{% cache %}` tag are left: they come from the snapshot alone, which never changes.
    """
    keys = [_shelf_key(report, shelf) for shelf in _SHELVES]
    _delete(keys)
    with _here_lock:
        for kept in [kept for kept in _here if kept[0] in keys]:
            del _here[kept]


def forget_everything_here() -> None:
    """Empties this process's own copies, the report sections kept by templates included (for
    tests, which empty the shared cache too)."""
    with _here_lock:
        _here.clear()
    caches["template_fragments"].clear()


def landing_page(*, language: str, digest: str, build: Callable[[], str]) -> str:
    """The landing page's HTML in `language`, kept under `digest`, which names the rows it is
    drawn from: the caller reads them on every request, and `build` must draw from those same
    rows. Any change to them, made on any server by any path (admin, history revert, shell, a
    bare update()), is a new key at once, with no message to send and no clock to trust."""
    key = f"landing:{language}:{release()}:{digest}"
    html = _held((key, "landing"))
    if html is not _NOT_HELD:
        return html
    html = _get(key)
    if html is None:
        html = build()
        _set(key, html, LANDING_SECONDS)
    _hold((key, "landing"), html)
    return html


# An unreachable Redis is a slower site, never a broken one: what cannot be read is drawn, what
# cannot be kept or dropped is logged. (No part's key depends on a deletion reaching Redis: a
# link's state is read per request, the JSON's key names its quotes' state and the landing
# page's names the factors' and thresholds'.)


def _get(key: str) -> Any:
    try:
        return cache.get(key)
    except RedisError:
        log.warning("Cache unreachable: %s drawn again.", key.split(":")[0])
        return None


def _set(key: str, value: Any, seconds: int) -> None:
    try:
        cache.set(key, value, seconds)
    except RedisError:
        log.warning("Cache unreachable: %s not kept.", key.split(":")[0])


def _delete(keys: list[str]) -> None:
    try:
        cache.delete_many(keys)
    except RedisError:
        log.error("Cache unreachable: %s not dropped.", ", ".join(keys))
