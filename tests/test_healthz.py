import json

import pytest

CHECK = "from django.test import Client; r = Client().get('/healthz'); print(r.status_code, r.content.decode())"


@pytest.mark.django_db
def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


@pytest.mark.slow
def test_it_answers_503_when_postgresql_is_unreachable(run_django):
    # Port 1 on loopback: nothing listens there, so the connection is really refused.
    result = run_django(
        CHECK,
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/test",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unreachable"


@pytest.mark.slow
def test_it_answers_503_when_the_sqlite_file_cannot_be_opened(run_django, tmp_path):
    missing = tmp_path / "not-a-dir"
    missing.write_text("a file where a directory should be")
    result = run_django(
        CHECK,
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{missing}/db.sqlite3",
    )
    assert result.stdout.startswith("503"), result.stderr


@pytest.mark.django_db
def test_load_balancers_may_probe_with_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.head("/").status_code == 200
