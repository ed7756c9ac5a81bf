"""The production settings with one more URL, the bench's bare view: used only by `make bench`,
so the project's own URLs stay as they are."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "scripts.bench.urls"
