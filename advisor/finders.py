from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import django_include_bootstrap
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


class BootstrapFinder(BaseFinder):
    """The one Bootstrap stylesheet the pages use, straight from the installed
    django-include-bootstrap.

    Pointing STATICFILES_DIRS at the package would collect, and compress twice, the forty-odd
    variants it ships (grid, reboot, RTL, unminified, JavaScript) at every collectstatic. Listing it
    in INSTALLED_APPS would collect them too, un-namespaced (css/, js/), and its template
    messages.inc.html would shadow ours.
    """

    prefix = "bootstrap/css"
    names = ("bootstrap.min.css", "bootstrap.min.css.map")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.root = Path(django_include_bootstrap.__file__).parent / "static" / "css"
        self.storage = FileSystemStorage(location=self.root)
        self.storage.prefix = self.prefix  # collectstatic copies under this path

    def check(self, **kwargs: Any) -> list:
        return []

    # Django 5.2's signature; a caller may still pass its deprecated name, `all` (Django's own
    # `finders.find()` warns of it and passes `find_all`).
    def find(self, path: str, find_all: bool = False, **kwargs: bool) -> list[str] | str:
        if set(kwargs) - {"all"}:
            raise TypeError(f"find() got unexpected arguments: {', '.join(kwargs)}")
        find_all = find_all or kwargs.get("all", False)
        directory, _, name = path.rpartition("/")
        if directory != self.prefix or name not in self.names:
            # Not "" or None: `finders.find()` counts anything but a list as a match.
            return []
        match = str(self.root / name)
        return [match] if find_all else match

    def list(
        self, ignore_patterns: Iterable[str] | None
    ) -> Iterator[tuple[str, FileSystemStorage]]:
        for name in self.names:
            yield name, self.storage
