"""The report as PDF, rendered on the server by WeasyPrint from the same HTML as the page."""

import functools
import logging
import mimetypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from weasyprint import CSS, HTML
from weasyprint.document import Document, Page
from weasyprint.formatting_structure import boxes
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)


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
    return render_document(html, base_url).write_pdf()


# The site's stylesheets, in the order the page links them. A PDF's HTML leaves the links out
# (templates/base.html) and takes them from here, parsed once: parsing Bootstrap for every
# layout took a third of a PDF's time. Passed as WeasyPrint's user stylesheets, they decide as
# they did linked, because nothing else styles a PDF's HTML: no other stylesheet, no style
# attribute but the page breaks set below (which beat a stylesheet's either way), and
# WeasyPrint applies no presentational hints unless asked (tests/test_pdf_pages.py holds this).
SITE_STYLESHEETS = ("bootstrap/css/bootstrap.min.css", "advisor/css/site.css")


def site_stylesheets(base_url: str) -> list[CSS]:
    """The site's stylesheets as parsed, kept under their URL (hashed in production) and
    their file's modification time, so an edited stylesheet is parsed again. One that cannot
    be found is left out and logged, as WeasyPrint does with a broken link: the PDF still
    prints."""
    stylesheets = []
    for name in SITE_STYLESHEETS:
        file = _static_file(name)
        if file is None:
            logger.error("The PDF is printed without %s: no such static file.", name)
            continue
        stylesheets.append(
            _parsed_stylesheet(urljoin(base_url, static(name)), file.stat().st_mtime_ns)
        )
    return stylesheets


@functools.lru_cache(maxsize=8)
def _parsed_stylesheet(url: str, modified: int) -> CSS:
    return CSS(url=url, url_fetcher=_LocalStaticFetcher())


# A page before a forced break (the figures' appendix starts a page of its own) ends where the
# flow ends and may be nearly empty. No page but the last may be under half full: content from
# the page before moves over, in as many as this many more layouts (each costs a fraction of a
# second, and only a report whose page falls short pays it).
HALF = 0.5
MORE_LAYOUTS = 2
# Where a page may be made to break: between sections, charts, table rows, answers, blockers,
# list items (never right after a heading or a caption, whose breaks are avoided anyway).
_BREAKABLE = {"section", "figure", "tr", "li", "p", "div"}


def render_document(html: str, base_url: str) -> Document:
    """The laid-out report, every page but the last at least half full where the layout can
    give that by breaking a page earlier."""
    source = HTML(string=html, base_url=base_url, url_fetcher=_LocalStaticFetcher())
    stylesheets = site_stylesheets(base_url)
    document = source.render(stylesheets=stylesheets)
    for _attempt in range(MORE_LAYOUTS):
        element = _break_to_fill(document)
        if element is None:
            break
        element.set("style", "break-before: page")  # WeasyPrint's tree: never sent to a browser
        document = source.render(stylesheets=stylesheets)
    return document


def _page_fill(page: Page) -> tuple[float, list]:
    """How full a laid-out page is (0 to 1), and its boxes a page may break before, as (top,
    box), top as a share of the page's content height."""
    page_box = page._page_box  # WeasyPrint's layout of the page: read only
    top, height = page_box.content_box_y(), page_box.height
    bottom, breakable = top, []
    for box, previous in _descendants(page_box, None):
        if isinstance(box, (boxes.LineBox, boxes.ReplacedBox, boxes.TableRowBox)):
            bottom = max(bottom, box.position_y + box.margin_height())
        if _may_break_before(box, previous):
            breakable.append(((box.position_y - top) / height, box))
    return (bottom - top) / height, breakable


def _may_break_before(box: boxes.Box, previous: boxes.Box | None) -> bool:
    # Not before a first child (the same break as before its parent), nor right after a
    # heading or a caption, which would be left alone at the foot of the page.
    element = getattr(box, "element", None)
    if element is None or box.element_tag != element.tag or element.tag not in _BREAKABLE:
        return False
    if not isinstance(box, boxes.BlockLevelBox | boxes.TableRowBox) or previous is None:
        return False
    return previous.element_tag not in {"h1", "h2", "h3", "caption", "thead"}


def _descendants(box: boxes.Box, previous: boxes.Box | None) -> Iterator[tuple]:
    yield box, previous
    # A grid's or a flexbox's items are laid out together: a page cannot break between them.
    flowing = not isinstance(box, boxes.GridContainerBox | boxes.FlexContainerBox)
    before = None
    for child in getattr(box, "children", ()):
        yield from _descendants(child, before if flowing else None)
        before = child


def _break_to_fill(document: Document) -> Any:
    """The element before which a page should break so that the first page under half full
    (not the last) takes content from the page before it without leaving that one under
    half: the latest such break that moves enough. None when every page is full enough, or
    no break helps."""
    fills = [_page_fill(page) for page in document.pages]
    for number in range(1, len(fills) - 1):
        short = fills[number][0]
        if short >= HALF:
            continue
        before, breakable = fills[number - 1]
        for top, box in sorted(breakable, key=lambda item: -item[0]):
            moved = before - top
            if top >= HALF and moved >= HALF - short and moved + short <= 1:
                return box.element
        return None
    return None
