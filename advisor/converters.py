class TokenConverter:
    """A report token: URL-safe base64 characters, as `secrets.token_urlsafe` makes them."""

    regex = r"[A-Za-z0-9_-]{16,128}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
