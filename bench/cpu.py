"""Server CPU per request, read from /proc: the benchmarks' one measuring stick.

A gunicorn server's workers are the master's child processes; their user + system time
(fields 14 and 15 of /proc/<pid>/stat, in clock ticks) is read before and after a fixed
number of requests, and the difference divided by the number of requests. Only the
server's work is counted: the load generator, the database server and anything else on
this shared machine are not. Figures are compared as multiples of a trivial view
(/healthz/) measured in the same run, because absolute times on a shared machine say
little.

Linux only (/proc). Used by bench/run.py and bench/scale.py:

    server = GunicornServer(env, workers=2).start()
    cost = measure_cpu(server, "/healthz/", requests=400)   # -> CpuSample
    cost.cpu_ms_per_request, cost.errors
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")  # /proc/<pid>/stat counts CPU time in these


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_pids(parent_pid):
    """The process ids whose parent is `parent_pid` (gunicorn's workers)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # The command name (field 2) may hold spaces: fields start after its ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == parent_pid:
            children.append(int(entry.name))
    return sorted(children)


def cpu_seconds(pids):
    """User + system CPU seconds spent so far by these processes, summed."""
    total = 0
    for pid in pids:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / CLOCK_TICKS


@dataclass
class CpuSample:
    """What `requests` requests to `path` cost the server's workers."""

    path: str
    requests: int
    cpu_seconds: float
    wall_seconds: float
    errors: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # of the last response

    @property
    def cpu_ms_per_request(self):
        return 1000 * self.cpu_seconds / self.requests if self.requests else None

    def multiple_of(self, baseline):
        """This sample's CPU per request over the baseline's (e.g. /healthz/)."""
        if not self.requests or not baseline.cpu_seconds:
            return None
        return self.cpu_ms_per_request / baseline.cpu_ms_per_request


class GunicornServer:
    """gunicorn serving the project on 127.0.0.1 with sync workers, for benchmarks."""

    def __init__(self, env, workers=2, cwd=ROOT):
        self.env = env
        self.workers = workers
        self.cwd = cwd
        self.port = free_port()
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=180):  # a loaded machine imports Django slowly
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            cwd=self.cwd,
            env=self.env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting; see its output")
            try:
                urllib.request.urlopen(self.base_url + "/healthz/", timeout=2).read()
            except OSError:
                time.sleep(0.2)
                continue
            if len(self.worker_pids()) == self.workers:
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s")

    def worker_pids(self):
        return child_pids(self.process.pid)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def fetch(url, data=None, headers=None, timeout=30):
    """(status, headers, body) of one request; HTTP errors are answers, not raised."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def measure_cpu(
    server, path, requests=200, concurrency=2, headers=None, send=None, warm_up=5
):
    """CPU the server's workers spend on `requests` requests to `path`.

    `send(i)`, when given, makes request number i itself (a form post, say) and returns
    its status; otherwise each request is a GET of `path` with `headers`. Requests run
    from `concurrency` threads; errors are collected, never hidden."""
    url = server.base_url + path
    headers = {"Accept-Encoding": "gzip", **(headers or {})}
    last_headers = {}

    def get(_index):
        status, response_headers, _body = fetch(url, headers=headers)
        last_headers.update(response_headers)
        return status

    send = send or get
    if send is get:
        for index in range(warm_up):
            get(index)
    pids = server.worker_pids()
    statuses, errors, lock = {}, [], threading.Lock()
    counter = iter(range(requests))

    def worker():
        for index in counter:
            try:
                status = send(index)
            except Exception as error:  # counted and reported, never hidden
                with lock:
                    errors.append(repr(error))
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started, before = time.monotonic(), cpu_seconds(pids)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after, wall = cpu_seconds(pids), time.monotonic() - started
    return CpuSample(
        path=path,
        requests=requests,
        cpu_seconds=after - before,
        wall_seconds=wall,
        errors=errors,
        statuses=statuses,
        headers=last_headers,
    )
