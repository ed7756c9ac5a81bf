"""The one settings module. Everything that varies between machines comes from the environment.

Every variable read here is listed, with its default, in `.env.example`. This module and its
helpers in `config/env.py` are the only code that reads `os.environ`.
"""

import importlib.metadata
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.contrib.messages import constants as messages
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from . import policies
from .env import email_settings, env_bool, env_int, env_list, env_rates, env_secret, site_url

BASE_DIR = Path(__file__).resolve().parent.parent
# Where templates/, static/ and locale/ are: the top of a checkout (the editable install of
# `make install` included), or this package when installed from the wheel, which carries them
# as config/templates/... (setup.py says why).
_INSTALLED_FILES = Path(__file__).resolve().parent
SITE_FILES_DIR = _INSTALLED_FILES if (_INSTALLED_FILES / "templates").is_dir() else BASE_DIR


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-local-development-only-never-in-production"
    elif os.environ.get("DJANGO_COMMAND_WITHOUT_SECRET") == "1":
        # Set by manage.py for commands that sign nothing a browser keeps (migrate,
        # makemigrations, createsuperuser...): a throwaway key lets them run anywhere.
        SECRET_KEY = secrets.token_urlsafe(50)
    else:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(or set DJANGO_DEBUG=1 for local development)."
        )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])


SITE_URL = site_url(os.environ.get("DJANGO_SITE_URL"), debug=DEBUG, allowed_hosts=ALLOWED_HOSTS)
if not SITE_URL and os.environ.get("DJANGO_COMMAND_WITHOUT_SECRET") != "1":
    # Commands that draw no link (migrate, collectstatic...) run without it, as without a secret.
    raise ImproperlyConfigured(
        "DJANGO_SITE_URL must be set when DJANGO_DEBUG is off and DJANGO_ALLOWED_HOSTS names "
        "no single host (for example DJANGO_SITE_URL=https://advisor.example.com)."
    )

# E-mail: the site sends one kind, the owner's link, to an address a buyer types (used for that
# e-mail only, kept nowhere). EMAIL_URL (or EMAIL_URL_FILE, since it may hold a password) names
# the server; without it, development prints e-mails on the console and production offers none.
_EMAIL = email_settings(env_secret("EMAIL_URL"), debug=DEBUG)
EMAIL_ENABLED = _EMAIL is not None
for _name, _value in (_EMAIL or {}).items():
    globals()[_name] = _value
_site_host = urlsplit(SITE_URL).hostname if SITE_URL else None
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL") or (
    f"OEM / ODM sourcing advisor <noreply@{_site_host or 'localhost'}>"
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    # Staff's second factor: time-based one-time passwords (TOTP), asked at the admin's sign-in
    # when STAFF_2FA is on (config/urls.py); `manage.py staff_totp <username>` enrols a phone.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "advisor",
]
STAFF_2FA = env_bool("DJANGO_STAFF_2FA", False)
OTP_TOTP_ISSUER = "OEM-ODM advisor"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks whether the signed-in staff member passed the second factor (lazily, on use).
    "django_otp.middleware.OTPMiddleware",
    "advisor.middleware.staff_session_limits",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "advisor.middleware.noindex_admin",
    # A view that loses the database answers 503 (the wizard's steps keep what was typed).
    "advisor.errors.DatabaseOutageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Proxies in front that append to X-Forwarded-For (the TLS proxy the README prescribes): the
# client's own address is read that many entries from the header's end (advisor/client.py).
# 0 trusts no header and takes the connection's address, as in development.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0 if DEBUG else 1)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"DJANGO_PROXY_COUNT must be 0 or more (got {PROXY_COUNT}).")

# Staff login throttling (advisor/signins.py): failures are counted per client address (an
# IPv6 client by its /64) and per account; an account that failed too often is locked for
# unknown devices only, while a browser that signed in as it before is held to its own failures.
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = "advisor.signins.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "advisor.signins.lockout_address"
# The lockout answers 429 with a page in the site's look and Retry-After.
AXES_LOCKOUT_CALLABLE = "advisor.errors.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Rate limits per client address (advisor/limits.py): requests per period, "20/m" or "30/h".
# Each is overridable as DJANGO_RATE_LIMIT_<NAME>, e.g. DJANGO_RATE_LIMIT_PDF=10/m. Counting is
# in fixed windows, so a client may fit up to twice a limit into one period that straddles two.
_RATE_LIMIT_DEFAULTS = {
    # Finishing the wizard: a buyer makes a few reports an hour at most.
    "report": "30/h",
    # Starting a wizard from a shared report.
    "fork": "30/h",
    # A PDF costs about a second of CPU when not cached: 100 a minute from one client meet a 429.
    "pdf": "20/m",
    # Revoke pages and attempts, the owner's or anyone guessing.
    "revoke": "30/h",
    # Requests for quotation (page and text) and saving supplier quotes.
    "rfq": "60/m",
    "quotes": "30/m",
    # Starting a wizard (each start is a session and a wizard row) and saving a step: far above
    # a buyer's pace (one start, a step every few seconds), even for an office behind one
    # address, but a loop of cookieless posts no longer fills the tables.
    "start": "60/h",
    "step": "120/m",
    # Browsers' reports of Content-Security-Policy violations: a page reports each once.
    "csp_report": "60/m",
    # Owner's links opened and confirmed: an owner opens theirs once a device; anyone trying
    # tokens meets a 429 soon (a token is 192 random bits: guessing cannot work anyway).
    "owner_link": "30/h",
    # E-mailing the owner's link: per client address, per browser, and per address it is sent
    # to (counted by a keyed digest of it, never the address), so nobody fills an inbox.
    "owner_email": "10/h",
    "owner_email_browser": "5/d",
    "owner_email_address": "3/d",
}
RATE_LIMITS = env_rates("DJANGO_RATE_LIMIT_", _RATE_LIMIT_DEFAULTS)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_FILES_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in var/ by default, so a fresh checkout runs with nothing installed.
_default_sqlite = BASE_DIR / "var" / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{_default_sqlite}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["NAME"] == str(_default_sqlite):
    _default_sqlite.parent.mkdir(exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts and wait for it: two quick POSTs (a double
    # click) then queue instead of failing with "database is locked".
    # Write-ahead logging: readers no longer wait for a writer (gunicorn's workers read reports
    # while a buyer saves a step), and a commit is one flush of the log instead of the rollback
    # journal's several; synchronous stays FULL, so a step saved survives a power loss too
    # (SQLite's documentation: https://www.sqlite.org/wal.html and
    # https://www.sqlite.org/pragma.html#pragma_synchronous). `init_command` runs on each new
    # connection (Django 5.1, ticket #24018). `make bench`: wizard step cycle 0.20 to 0.25.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (and let /healthz answer 503) instead of hanging on an unreachable server.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The release every kept page and part is keyed by, so that no server serves what an older
# release drew (with its old static file names): set DJANGO_RELEASE at deploy time (the
# Dockerfile passes the image's revision); else the package's version.
try:
    _package_version = importlib.metadata.version("oem-odm-advisor")
except importlib.metadata.PackageNotFoundError:
    _package_version = "unreleased"
_deploy_release = os.environ.get("DJANGO_RELEASE", "")
RELEASE_SET_BY_DEPLOY = bool(_deploy_release)  # `check --deploy` warns without it on Redis
RELEASE = _deploy_release or _package_version

# Django's cache: Redis when REDIS_URL is set, shared by every app server; otherwise each
# process keeps its own in memory, which is enough for one server. `make run` turns keeping off
# (DJANGO_CACHE_PAGES=0), so that a template edited in development shows at the next reload.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds to connect to Redis and for it to answer: a Redis on the local network answers in
# about a millisecond, so a quarter of a second means it is not going to.
REDIS_TIMEOUT_SECONDS = 0.25
_IN_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
if not env_bool("DJANGO_CACHE_PAGES", True):
    _IN_MEMORY = "django.core.cache.backends.dummy.DummyCache"
    CACHES = {"default": {"BACKEND": _IN_MEMORY}}
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs costs one request this long; then advisor/breaker.py skips it.
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
            # Sites (or test runs) that share one Redis database keep apart by a prefix.
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", ""),
        }
    }
else:
    CACHES = {"default": {"BACKEND": _IN_MEMORY}}

# The report's sections kept by the `{% cache %}` tag (templates/advisor/report.html) stay in
# each process's memory whatever the default cache (the tag uses this alias when it exists):
# their key names all they are drawn from, so no copy is stale, none costs a round trip, and
# an unreachable Redis cannot break a page through the tag, which does not catch errors.
# Where a colleague's report page and the QR codes are kept, and a PDF while Redis fails
# (advisor/caching.py): their keys name all they are drawn from, like the sections'.
CACHES["in_process"] = {
    "BACKEND": _IN_MEMORY,
    "LOCATION": "in-process",
    "OPTIONS": {"MAX_ENTRIES": 1000},  # a page is about 35 KB, a QR code 2 KB
}
CACHES["template_fragments"] = {
    "BACKEND": _IN_MEMORY,
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": 400},  # two sections a report, about 20 KB each
}

SILENCED_SYSTEM_CHECKS = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language: every page is drawn in LANGUAGE_CODE. A second one needs LocaleMiddleware
# (after SessionMiddleware) to pick it per request; it is left out until then, since with one
# language it only costs (about 30 microseconds a request, `make bench`'s middleware section).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [SITE_FILES_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [SITE_FILES_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Bootstrap's compiled CSS from the installed django-include-bootstrap package (the pages use
    # no Bootstrap JavaScript): nothing third-party is copied into the repository.
    "advisor.finders.BootstrapFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Source maps are for developers' tools only: not worth compressing at every collectstatic.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# Bootstrap calls the error alert "danger".
MESSAGE_TAGS = {messages.ERROR: "danger"}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Cookies: the session cookie identifies the browser that owns a wizard and its reports, so it
# lives long (a year by default, from the browser's last visit: advisor/ownership.py saves the
# session on the first visit of each day): when it expires, that browser can no longer revoke
# its links.
# Django's database sessions (the default engine), on every server alike: one query, and a
# sign-out or a new browser key seen at once by every process.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_DAYS", 365) * 24 * 60 * 60
# Staff sign-ins end this long after login, or after this long without a request, whichever
# comes first, checked on admin pages (advisor.middleware.staff_session_limits); buyers keep
# their ownership.
STAFF_SESSION_MAX = timedelta(hours=env_int("DJANGO_STAFF_SESSION_HOURS", 12))
STAFF_SESSION_IDLE = timedelta(minutes=env_int("DJANGO_STAFF_IDLE_MINUTES", 30))
SESSION_COOKIE_HTTPONLY = True
# `manage.py clean_abandoned` deletes wizards that ended in no report after this many days
# without an answer (and expired sessions); reports are never deleted.
WIZARD_RETENTION_DAYS = env_int("DJANGO_WIZARD_RETENTION_DAYS", 90)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Report links carry their token: never send them to other sites. same-origin, not no-referrer:
# with no-referrer browsers send "Origin: null" on our own forms, which CSRF rightly refuses.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# What a browser may load, run and use on our pages: config/policies.py.
CONTENT_SECURITY_POLICY = policies.CONTENT_SECURITY_POLICY
PERMISSIONS_POLICY = policies.PERMISSIONS_POLICY

if not DEBUG:
    # Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers probe /healthz over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    # Both off unless set: includeSubDomains forces HTTPS on every subdomain of the site's
    # domain, which this site cannot know serve it, and preloading is near-permanent (browsers
    # ship removals months later). hstspreload.org's submission requirements ask for
    # includeSubDomains with preload, so preload alone is refused.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if SECURE_HSTS_PRELOAD and not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        raise ImproperlyConfigured(
            "DJANGO_HSTS_PRELOAD=1 needs DJANGO_HSTS_INCLUDE_SUBDOMAINS=1 (the preload list "
            "requires includeSubDomains)."
        )
    # check --deploy warns about each when off (W005, W021); here off is a decision, above.
    if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        SILENCED_SYSTEM_CHECKS += ["security.W005"]
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS += ["security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF (and every CSS rule they skip).
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
