from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from xstatic.pkg import bootstrap as xstatic_bootstrap


class BootstrapFinder(BaseFinder):
    """The one Bootstrap stylesheet the pages use, straight from the installed xstatic-bootstrap.

    Pointing STATICFILES_DIRS at the package would collect, and compress twice, the thirty-odd
    variants it ships (grid, reboot, RTL, unminified) at every collectstatic.
    """

    prefix = "bootstrap/css"
    names = ("bootstrap.min.css", "bootstrap.min.css.map")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.root = Path(xstatic_bootstrap.BASE_DIR) / "css"
        self.storage = FileSystemStorage(location=self.root)
        self.storage.prefix = self.prefix  # collectstatic copies under this path

    def check(self, **kwargs) -> list:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        directory, _, name = path.rpartition("/")
        match = str(self.root / name) if directory == self.prefix and name in self.names else None
        if find_all:
            return [match] if match else []
        return match or ""

    def list(self, ignore_patterns):
        for name in self.names:
            yield name, self.storage
