# The project's verbs. `make run` and `make test` do all the set-up on a fresh machine.
# Variables (set them on the command line, e.g. `make run PORT=8001`; see README):
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
TEST_WORKERS ?= auto
FORCE ?=

# Python writes byte-code on first import, even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): otherwise every test process, worker and server compiles
# Django and Wagtail again, seconds of CPU each. It lands in .venv and __pycache__/.
unexport PYTHONDONTWRITEBYTECODE

VENV := .venv
PY := $(VENV)/bin/python
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: install run test lint format bench bench-scale mutate clean reset

# `make run` needs only the runtime requirements; the test and lint tools (Playwright
# alone is 165 MB) come with the first `make test`, `make lint` or `make install`.
# Byte-code is compiled on first import instead of for every installed file.
$(VENV)/.runtime: requirements.txt
	@echo "Installing the pinned requirements into $(VENV)..."
	@test -x $(PY) || { $(PYTHON) -m venv $(VENV) && $(PIP_INSTALL) --upgrade pip; }
	@$(PIP_INSTALL) --no-compile -r requirements.txt
	@touch $@

$(VENV)/.installed: $(VENV)/.runtime requirements-dev.txt
	@echo "Installing the test and lint tools into $(VENV)..."
	@$(PIP_INSTALL) --no-compile -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# The task worker of the backend TASKS_BACKEND names (docs/operations.md).
TASK_WORKER = $(if $(filter rq,$(TASKS_BACKEND)),rqworker --with-scheduler \
	--job-class django_tasks_rq.Job default,db_worker --no-reload --no-startup-delay)

# Links in notification emails point at the server `make run` starts.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.runtime
	@$(PY) manage.py prepare_dev_site --address $(HOST):$(PORT)
	@$(PY) manage.py demo_editorial_logins --verbosity 0
	@$(PY) manage.py demo_manager_logins --verbosity 0
	@$(PY) manage.py demo_two_factor --verbosity 0
	@echo "Background tasks (notification emails, Wagtail's reference index," \
		"scheduled publishing): a task worker and its scheduler run them" \
		"(they stop with the server)."
	@$(PY) manage.py $(TASK_WORKER) --verbosity 0 & \
	worker=$$!; \
	$(PY) manage.py run_scheduler --verbosity 0 & \
	scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler 2>/dev/null' \
		EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Two pytest sessions at once: everything but the browser tests spread over
# TEST_WORKERS processes (pytest-xdist), and beside them the browser tests in one
# process of their own (their live server and the database flushes of transactional
# tests do not mix with xdist). The browser session's report follows the other's.
# PYTEST_ARGS goes to both; a session with nothing selected (exit status 5) fails
# the run only if the other ran nothing too.
test: install
	@browser_log=$$(mktemp); \
	$(PY) -m pytest -m browser -p no:xdist $(PYTEST_ARGS) >$$browser_log 2>&1 & \
	browser=$$!; \
	trap 'kill $$browser 2>/dev/null; rm -f $$browser_log' EXIT INT TERM; \
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) $(PYTEST_ARGS); a=$$?; \
	wait $$browser; b=$$?; \
	echo; echo "Browser tests (run alongside):"; cat $$browser_log; \
	for status in $$a $$b; do \
		case $$status in 0|5) ;; *) exit $$status;; esac; \
	done; \
	if [ $$a = 5 ] && [ $$b = 5 ]; then echo "No test matched PYTEST_ARGS."; exit 5; fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) bench/run.py

# 10,000 articles, 1,000 providers, 100 locations on PostgreSQL (bench/scale.py).
bench-scale: install
	$(PY) bench/scale.py

# Mutation testing (mutmut; what and with which tests: [tool.mutmut] in pyproject.toml).
# Slow, so not in CI or `make test`: one worker, niced, as the machine may be shared.
# Starts afresh each time, then prints each module's score: killed / all mutants.
mutate: install
	rm -rf mutants
	nice -n 15 $(VENV)/bin/mutmut run --max-children 1
	@$(VENV)/bin/mutmut results --all true | awk -F': ' \
		'{ name = $$1; sub(/^ +/, "", name); sub(/\.[^.]*$$/, "", name); all[name]++; \
		   if ($$2 == "killed" || $$2 == "timeout") killed[name]++ } \
		 END { for (m in all) printf "%-36s %4d / %4d killed  %5.1f%%\n", \
		   m, killed[m], all[m], 100 * killed[m] / all[m] }' | sort
	@echo "Survivors: $(VENV)/bin/mutmut results; one in full: $(VENV)/bin/mutmut show NAME"

# What can be rebuilt: the virtual environment, collected static files and caches.
# The database, the logins and uploaded media stay (see `make reset`).
clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Start over: everything `make clean` removes, plus the local SQLite database, the
# development logins (of every database) and uploaded media. A PostgreSQL database
# named by DATABASE_URL is left alone. Asks first, unless FORCE=1.
RESET_PATHS := db.sqlite3 db.sqlite3-journal db.sqlite3-wal db.sqlite3-shm \
	.dev-logins.json media staticfiles $(VENV) .pytest_cache .ruff_cache
reset:
	@if [ "$(FORCE)" != 1 ]; then \
		echo "This deletes: $(RESET_PATHS)"; \
		printf "Start over? [y/N] "; \
		read answer || answer=; \
		case "$$answer" in [yY]*) ;; \
			*) echo "Nothing deleted (answer y, or run: make reset FORCE=1)."; \
			   exit 1;; esac; \
	fi
	rm -rf $(RESET_PATHS)
	@echo "Done: the next \`make run\` starts from scratch."
