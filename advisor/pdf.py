"""The report as PDF, rendered on the server by WeasyPrint from the same HTML as the page."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class _LocalStaticFetcher(URLFetcher):
    """Reads our own static files from disk and refuses every other URL: a PDF must not make
    WeasyPrint reach out to any server, our own included."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = unquote(urlsplit(url).path)
        if not path.startswith(settings.STATIC_URL):
            raise ValueError(f"not a local static file: {url}")
        name = path.removeprefix(settings.STATIC_URL)
        file = _static_file(name)
        if file is None:
            raise ValueError(f"no static file {name}")
        mime_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=file.read_bytes(), headers={"Content-Type": mime_type})


def _static_file(name: str) -> Path | None:
    # Collected (hashed) names in production, the source folders in development.
    if staticfiles_storage.exists(name) and hasattr(staticfiles_storage, "path"):
        try:
            return Path(staticfiles_storage.path(name))
        except NotImplementedError:
            pass
    found = finders.find(name)
    return Path(found) if found else None


def render_pdf(html: str, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url, url_fetcher=_LocalStaticFetcher()).write_pdf()
