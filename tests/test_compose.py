"""docker-compose.yml and the Dockerfile run the setup tests/test_slow_clients.py tests: nginx
with deploy/nginx/site.conf in front, gunicorn with gunicorn.conf.py behind it, unpublished.
(`.ci/run` checks the file against the compose specification.)"""

import yaml

from tests.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_only_nginx_is_published_and_it_serves_the_tested_site_config():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"nginx"}
    mounts = [volume.split(":") for volume in SERVICES["nginx"]["volumes"]]
    assert ["./deploy/nginx/site.conf", "/etc/nginx/conf.d/default.conf", "ro"] in mounts
    assert (ROOT / "deploy" / "nginx" / "site.conf").exists()
    # The upstream the site config names is the web service, on the port gunicorn binds.
    assert "server web:8000;" in (ROOT / "deploy/nginx/site.conf").read_text()
    assert "0.0.0.0:8000" in SERVICES["web"]["command"]


def test_gunicorn_runs_with_the_repositorys_config_in_compose_and_in_the_image():
    command = SERVICES["web"]["command"]
    assert command[:3] == ["gunicorn", "-c", "gunicorn.conf.py"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn -c gunicorn.conf.py" in dockerfile
    assert "gunicorn.conf.py" in dockerfile.split("CMD")[0]  # copied into the image


def test_the_scale_profile_adds_redis_and_lets_web_replicas_share_it():
    assert SERVICES["redis"]["profiles"] == ["scale"]
    web = SERVICES["web"]
    assert web["environment"]["REDIS_URL"] == "${REDIS_URL:-}"
    assert web["depends_on"]["redis"]["required"] is False
    # Replicas: nothing that must be unique per container, and migrations run once, before.
    assert "container_name" not in web and "ports" not in web
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "migrate" not in " ".join(web["command"])


def test_every_app_service_gets_the_same_django_settings():
    assert SERVICES["migrate"]["environment"] == {
        key: value for key, value in SERVICES["web"]["environment"].items() if key != "REDIS_URL"
    }
