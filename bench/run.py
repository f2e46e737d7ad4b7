"""Benchmarks: each public page against /healthz/ (a view that does no work), measured
in the same run on this machine, plus the SQL queries each page takes.

Usage: make bench  [BENCH_SECONDS=5 BENCH_CONCURRENCY=4 BENCH_PATHS="/ /about/"]

Builds a throwaway SQLite database with the demo content, serves it with gunicorn on
127.0.0.1, and loads each path for a bounded time. Absolute numbers mean little on a
shared machine; the ratio to /healthz/ is what to compare between runs."""

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
BASELINE = "/healthz/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def public_paths(env):
    """Every live page of the demo site, one per page type, plus search."""
    script = (
        "import django, json; django.setup();"
        "from wagtail.models import Page;"
        "seen = {};"
        "[seen.setdefault(p.specific_class.__name__, p.url) "
        " for p in Page.objects.live().public().filter(depth__gt=1).specific()];"
        "print(json.dumps(seen))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    paths = json.loads(output.strip().splitlines()[-1])
    paths["search"] = "/search/?q=ketamine"
    return paths


def query_counts(env, paths):
    script = (
        "import django, json, sys; django.setup();"
        "from django.core.cache import cache;"
        "from django.db import connection;"
        "from django.test import Client;"
        "from django.test.utils import CaptureQueriesContext;"
        "client = Client(HTTP_HOST='127.0.0.1:8000'); out = {};\n"
        "for name, path in json.loads(sys.argv[1]).items():\n"
        "    client.get(path); cache.clear()\n"
        "    with CaptureQueriesContext(connection) as cold: client.get(path)\n"
        "    with CaptureQueriesContext(connection) as warm: client.get(path)\n"
        "    out[name] = {'cold': len(cold), 'warm': len(warm)}\n"
        "print(json.dumps(out))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script, json.dumps(paths)],
        cwd=ROOT,
        env={**env, "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def load(url, seconds, concurrency):
    """Requests per second and latency percentiles for one URL."""
    latencies, errors = [], []
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
            except Exception as error:  # counted and reported, never hidden
                with lock:
                    errors.append(repr(error))
                continue
            with lock:
                latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "rps": len(latencies) / seconds,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))]
        if latencies
        else None,
    }


def main():
    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as tmp:
        database = Path(tmp) / "bench.sqlite3"
        env = environment(database)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        paths = public_paths(env)
        counts = query_counts(env, paths)

        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(50):
                try:
                    urllib.request.urlopen(base + BASELINE, timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.2)
            for path in [BASELINE, *paths.values()]:
                urllib.request.urlopen(base + path, timeout=10).read()  # warm up
            baseline = load(base + BASELINE, SECONDS, CONCURRENCY)
            results = {"baseline": baseline, "pages": {}}
            for name, path in paths.items():
                result = load(base + path, SECONDS, CONCURRENCY)
                result["path"] = path
                result["queries"] = counts[name]
                result["throughput_vs_baseline"] = result["rps"] / baseline["rps"]
                results["pages"][name] = result
        finally:
            server.terminate()
            server.wait(timeout=10)

    print(
        f"Baseline {BASELINE}: {baseline['rps']:.0f} req/s, "
        f"p50 {baseline['p50_ms']:.1f} ms ({CONCURRENCY} clients, {SECONDS:.0f} s each)"
    )
    print(
        f"{'page type':<22}{'path':<26}{'req/s':>8}{'vs base':>9}{'p50 ms':>8}"
        f"{'p95 ms':>8}{'SQL cold':>9}{'SQL warm':>9}{'errors':>7}"
    )
    for name, r in results["pages"].items():
        print(
            f"{name:<22}{r['path'][:25]:<26}{r['rps']:>8.0f}"
            f"{r['throughput_vs_baseline']:>9.2f}{r['p50_ms']:>8.1f}{r['p95_ms']:>8.1f}"
            f"{r['queries']['cold']:>9}{r['queries']['warm']:>9}{r['errors']:>7}"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
