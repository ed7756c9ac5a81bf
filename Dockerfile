# Production image: gunicorn serving the app, whitenoise serving its static files.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# WeasyPrint draws PDFs with Pango.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

# The wheel carries the templates and static files too (setup.py), so they come in first.
COPY pyproject.toml setup.py README.md ./
COPY config ./config
COPY advisor ./advisor
COPY templates ./templates
COPY static ./static
RUN pip install --no-cache-dir .

COPY manage.py gunicorn.conf.py ./

# collectstatic needs settings to load; the real secret comes from the environment at run time.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput

RUN useradd --system --home /app advisor && mkdir -p /app/var && chown advisor /app/var
USER advisor

EXPOSE 8000
# Timeouts and limits in gunicorn.conf.py. Serve it behind a buffering proxy (docker-compose.yml
# puts nginx in front): sync workers must not face slow clients directly.
ENV WEB_CONCURRENCY=2
# The release kept pages and PDFs are keyed by, so a new image never serves what an older one
# drew: `docker build --build-arg RELEASE=$(git rev-parse --short HEAD) .` (default: the
# package's version).
ARG RELEASE=""
ENV DJANGO_RELEASE=${RELEASE}
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn -c gunicorn.conf.py config.wsgi:application --bind 0.0.0.0:8000"]
