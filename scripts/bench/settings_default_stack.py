"""The bench's production settings with the middleware of a new Django project instead of ours:
the second floor of `make bench`, a bare view under what `django-admin startproject` gives
(Django 5.2's django/conf/project_template/project_name/settings.py-tpl), everything else the
same, so the bare view's ratio to it is what our middleware list costs."""

from scripts.bench.settings import *  # noqa: F403

ROOT_URLCONF = "scripts.bench.urls_default_stack"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
