# The two commands of the README: `make run` and `make test`. Both work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast install migrate lint bench clean

# Some machines set this; byte-code caches make every Django start (tests start several) faster.
unexport PYTHONDONTWRITEBYTECODE

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...).")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

run: migrate
	DJANGO_DEBUG=1 DJANGO_CACHE_PAGES=0 $(PY) manage.py runserver 127.0.0.1:8000

# One pytest-xdist worker per core (at most four), each given whole test files; see
# pytest_xdist_make_scheduler in tests/conftest.py.
test: install
	$(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# For the edit-test loop: leaves out what is marked slow (subprocesses, gunicorn, the browser, PDFs,
# migrations run back and forth), and spreads the rest over one worker per core (none of it is
# transactional, so any test may go to any worker). Each worker makes its tables from the models
# instead of migrating (tests/conftest.py loads the seed), a second or two less each; `make test`
# migrates. One file on its own starts quicker in this process: PYTEST_ARGS="-n0 tests/...".
test-fast: install
	$(PY) -m pytest -m "not slow" --no-migrations -n auto --maxprocesses=4 $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# The wrk loads, then what each middleware costs in process (scripts/bench/middleware.py).
bench: install
	$(PY) -m scripts.bench
	$(PY) -m scripts.bench.middleware

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .hypothesis
