"""gunicorn's settings for the Dockerfile, docker-compose.yml and the slow-client test.

Sync workers answer one request at a time, so they must only ever talk to a buffering proxy
(nginx, deploy/nginx/site.conf) that hands them whole requests and takes whole responses: a
client that trickles its request in would otherwise hold a worker for as long as it likes.
The address to bind comes from the command line (`--bind`); the number of workers from
WEB_CONCURRENCY (gunicorn reads it itself; 2 by default in the image).
"""

# A worker silent this long (a request stuck in the database, a runaway render) is killed and
# replaced. The slowest page, a report's first PDF, takes about a second.
timeout = 30
# On a restart or deploy, requests under way get this long to finish.
graceful_timeout = 30
# Sync workers close each connection after its response; nginx does not reuse them.
keepalive = 2
# Limits on what a request line and headers may be (gunicorn's defaults, stated).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# The access log goes to the container's output, without the path: paths carry capability
# tokens (a report's link, a factory's, an owner's), and nginx logs them redacted.
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s" %(s)s %(b)s %(L)s'
