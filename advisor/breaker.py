"""Redis, when it fails, is left alone for a few seconds: each process then keeps its own
cache and its own rate-limit counts, and tries Redis again afterwards.

Without this, a Redis that hangs makes every cache read and every count wait out its timeout,
so a page that reads a few of them takes seconds. The circuit breaker (pybreaker) opens on the
first failure, so only one request in each RETRY_SECONDS pays the timeout, which is itself
short (settings.REDIS_TIMEOUT_SECONDS)."""

import logging
from collections.abc import Callable
from typing import TypeVar

import pybreaker
from limits.errors import StorageError
from redis.exceptions import RedisError

T = TypeVar("T")
log = logging.getLogger(__name__)

RETRY_SECONDS = 10
_REDIS_FAILED = (RedisError, StorageError)

_breaker = pybreaker.CircuitBreaker(
    fail_max=1,
    reset_timeout=RETRY_SECONDS,
    # Only Redis failing opens it: an error of the caller's own is raised as it is.
    exclude=[lambda error: not isinstance(error, _REDIS_FAILED)],
    name="redis",
    throw_new_error_on_trip=False,  # the failure that opens it is logged below, as it is
)


def through_redis(call: Callable[[], T], instead: Callable[[], T], what: str) -> T:
    """`call()`, which uses Redis; `instead()`, which keeps to this process, when Redis fails
    or failed less than RETRY_SECONDS ago."""
    try:
        return _breaker.call(call)
    except pybreaker.CircuitBreakerError:
        return instead()
    except _REDIS_FAILED:
        log.warning("Redis unreachable: %s kept in this process for %s s.", what, RETRY_SECONDS)
        return instead()


def close() -> None:
    """Tries Redis again at the next call (for tests)."""
    _breaker.close()
