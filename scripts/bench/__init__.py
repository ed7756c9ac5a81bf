"""`make bench`: the project's pages under load, against a bare Django view on the same server."""
