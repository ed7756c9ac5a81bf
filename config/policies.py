"""What a browser may load, run and use on our pages: the Content-Security-Policy and the
Permissions-Policy headers (django-csp and django-permissions-policy send them)."""

import base64
import hashlib

from csp import constants as csp

# Only our own files run or style a page: no inline script or style (scripts and styles live
# in static/), images from us or data: URLs, no plugins, no <base>, no framing, forms post
# only to us. WeasyPrint draws PDFs on the server and is not bound by it.
# django-simple-history's admin history page has one inline style attribute, its paginator's
# "border-top: 0": allowed by its hash alone ('unsafe-hashes' admits hashed attributes, and
# nothing else inline). Browsers report violations to /csp-report, which logs them.
_HISTORY_PAGINATOR_STYLE = "border-top: 0"
_HISTORY_PAGINATOR_HASH = base64.b64encode(
    hashlib.sha256(_HISTORY_PAGINATOR_STYLE.encode()).digest()
).decode()
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "style-src": [csp.SELF, csp.UNSAFE_HASHES, f"'sha256-{_HISTORY_PAGINATOR_HASH}'"],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "frame-ancestors": [csp.NONE],
        "form-action": [csp.SELF],
        "report-uri": ["/csp-report"],
    }
}
# Browser features no page of ours uses are switched off. The copy-link button writes to the
# clipboard; reading it stays at the browser's default (our pages only, and only once the user
# allows it), which is how the browser test checks what was copied.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "clipboard-write": ["self"],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
}
