"""What publishing a page costs the editor's request, with Wagtail's background work
done in the request (the immediate task backend: the site before issue 12) and on
the task worker (the database backend), and what the worker then spends.

Usage: .venv/bin/python bench/publish.py   [BENCH_ROUNDS=3 BENCH_PAGES=5]

Builds a throwaway SQLite database with the demo content, then for each backend, in
its own process: saves a draft of each of BENCH_PAGES demo articles and publishes it
with the admin's publish action (a POST as a superuser, through Django's test
client), BENCH_ROUNDS times. Reports the median SQL queries and CPU milliseconds of
one publish request (`time.process_time` around the request; the query count in a
separate pass, since capturing queries costs CPU), and for the database backend
the worker's CPU per publish to run the tasks the request queued. Results go to
bench/results/publish.json. Absolute times mean little on a shared machine; compare
the two rows of one run.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import RESULTS, django_script, environment, manage  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PAGES = int(os.environ.get("BENCH_PAGES", "5"))

MEASURE = """
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.management.commands.db_worker import Worker

from articles.models import ArticlePage

rounds, count = int(sys.argv[1]), int(sys.argv[2])
user, _ = get_user_model().objects.get_or_create(
    username="bench-publisher", defaults={"is_superuser": True, "is_staff": True}
)
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(user)
pages = list(ArticlePage.objects.live().order_by("pk")[:count])


def run_worker():
    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="bench",
                    excluded_queue_names=[])
    started = time.process_time()
    worker.run()
    return time.process_time() - started, worker._run_tasks


def publish(page):
    page.save_revision(user=user)
    started = time.process_time()
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
        {"include_descendants": ""},
    )
    elapsed = time.process_time() - started
    assert response.status_code == 302, response.status_code
    return elapsed


run_worker()  # the demo content's own queued tasks
for page in pages:  # warm up: templates, caches, connections
    publish(page)
run_worker()
cpu, worker_cpu, tasks = [], [], []
for _ in range(rounds):
    for page in pages:
        cpu.append(publish(page))
        spent, ran = run_worker()
        worker_cpu.append(spent)
        tasks.append(ran)
queries = []
for page in pages:
    page.save_revision(user=user)
    with CaptureQueriesContext(connection) as captured:
        client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
            {"include_descendants": ""},
        )
    queries.append(len(captured))
    run_worker()
print(json.dumps({
    "request_queries": statistics.median(queries),
    "request_cpu_ms": round(statistics.median(cpu) * 1000, 1),
    "worker_cpu_ms": round(statistics.median(worker_cpu) * 1000, 1),
    "worker_tasks": statistics.median(tasks),
    "publishes": len(cpu),
}))
"""


def main():
    results = {}
    with tempfile.TemporaryDirectory(prefix="clinic-bench-publish-") as tmp:
        env = environment(Path(tmp) / "bench.sqlite3", page_cache=True)
        print("Building the demo site...", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "-v0")
        for backend in ("immediate", "database"):
            print(f"Publishing with the {backend} task backend...", flush=True)
            backend_env = {**env, "TASKS_BACKEND": backend}
            results[backend] = django_script(
                backend_env, MEASURE, str(ROUNDS), str(PAGES)
            )
    print()
    print("| task backend | publish request: SQL | CPU ms | worker: tasks | CPU ms |")
    print("|---|---|---|---|---|")
    for backend, row in results.items():
        print(
            f"| {backend} | {row['request_queries']} | {row['request_cpu_ms']} | "
            f"{row['worker_tasks']} | {row['worker_cpu_ms']} |"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "publish.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
