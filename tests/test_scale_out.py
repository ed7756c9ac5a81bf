"""The site on more than one process: the cache in Redis, two app servers on one database.

Every test here that touches Redis uses its database 4, and they all live in this file, so
that `make test` runs them one after another on one worker (whole files per worker).
"""

import os

import pytest

# Settings are read once per process: each case starts Django in a process of its own.
pytestmark = pytest.mark.slow

REDIS_URL = "redis://127.0.0.1:6379/4"


def _unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"The scale-out tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def redis_db4():
    """Redis database 4 at 127.0.0.1, emptied first."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.ConnectionError as error:
        _unreachable(f"no Redis at 127.0.0.1:6379 ({error})")
    yield client
    client.close()


SHOW_CACHE = """
from django.conf import settings
from django.core.cache import cache
print(settings.CACHES["default"]["BACKEND"])
cache.set("h17-settings-probe", "through the configured cache", 30)
print(cache.get("h17-settings-probe"))
"""


def test_without_redis_url_the_cache_is_in_process_memory(run_django):
    result = run_django(SHOW_CACHE, DJANGO_DEBUG="1")
    backend, value = result.stdout.split("\n")[:2]
    assert backend == "django.core.cache.backends.locmem.LocMemCache", result.stderr
    assert value == "through the configured cache"


def test_redis_url_puts_the_cache_in_redis(run_django, redis_db4):
    result = run_django(SHOW_CACHE, DJANGO_DEBUG="1", REDIS_URL=REDIS_URL)
    backend, value = result.stdout.split("\n")[:2]
    assert backend == "django.core.cache.backends.redis.RedisCache", result.stderr
    assert value == "through the configured cache"
    # The value really is in Redis, where another process (this one) reads it.
    assert any(key.endswith(b"h17-settings-probe") for key in redis_db4.keys("*"))
