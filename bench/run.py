"""make bench: what every public page type costs the server, as a multiple of /healthz/
(a view that does no work) measured in the same run, with the budgets of issue 10.

Usage: make bench   [BENCH_ROUNDS=3 BENCH_LIGHTHOUSE=1 BENCH_REDIS_URL=redis://...]

Builds a throwaway SQLite database with the demo content and serves it with gunicorn
(2 sync workers) on 127.0.0.1, twice: with the full-page cache off (the "uncached" cost:
fragments and renditions warm, as between two publishes) and on (the "hit" cost). For
each page it reads the workers' CPU time from /proc (bench/cpu.py) around a fixed number
of requests, in BENCH_ROUNDS rounds, each against that round's /healthz/, and reports
the median multiple and its range. SQL queries are counted in-process with Django's
test client. A consultation request (form GET; POST with validation, encryption,
storage, queueing and thank-you page) is measured the same way. Lighthouse (npm,
bench-only, in bench/lighthouse/) scores every page type on a simulated phone with
Debian's Chromium when npm and /usr/bin/chromium are there.

Absolute numbers mean little on a shared machine; the multiples are what the budgets
bound. Results go to bench/results/latest.json; the exit status is 1 if a budget fails.
"""

import http.cookiejar
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu import ROOT, GunicornServer, fetch, measure_cpu  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
BASELINE = "/healthz/"
# Requests per measurement: enough clock ticks (10 ms) for a few per cent precision.
CHEAP_REQUESTS = 600  # /healthz/ and cache hits, ~0.5 ms each
PAGE_REQUESTS = 100
FORM_POSTS = 40

# Issue 10's budgets: multiples of /healthz/ CPU (a third of bakerydemo's equivalent).
HIT_BUDGET = 2.0
NEVER_CACHED = {"search"}  # results for a query are not cached (home/page_cache.py)
UNCACHED_BUDGETS = {
    "HomePage": 20,
    "ArticlePage": 19,
    "PressReleasePage": 19,
    "LocationPage": 15,
    "LocationIndexPage": 22,
    "ArticleIndexPage": 17,
    "NewsroomPage": 17,
    "ProviderIndexPage": 17,
    "search": 36,
    "sitemap part": 18,
}
FORM_GET_BUDGET = 13
FORM_POST_BUDGET = 25
LIGHTHOUSE_BUDGET = 95


def environment(database, page_cache):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "PAGE_CACHE": "true" if page_cache else "false",
        # The benchmark posts many requests quickly from one address.
        "CONSULTATION_MIN_FILL_SECONDS": "0",
        "CONSULTATION_RATE_LIMIT": "1000000",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def django_script(env, script, *args):
    """Run a snippet with Django set up; its last output line is JSON."""
    output = subprocess.run(
        [sys.executable, "-c", "import django, json, sys; django.setup()\n" + script]
        + list(args),
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def public_paths(env):
    """One live page per page type of the demo site, plus search and the sitemap."""
    paths = django_script(
        env,
        "from wagtail.models import Page\n"
        "seen = {}\n"
        "for p in Page.objects.live().public().filter(depth__gt=1).specific():\n"
        "    seen.setdefault(p.specific_class.__name__, p.url)\n"
        "print(json.dumps(seen))",
    )
    paths["search"] = "/search/?q=ketamine"
    paths["sitemap"] = "/sitemap.xml"
    return paths


QUERY_COUNTS = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
out = {}
for name, path in json.loads(sys.argv[1]).items():
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    out[name] = {"queries": len(queries), "cache": response.get("X-Wagtail-Cache")}
print(json.dumps(out))
"""


def sitemap_part(base_url):
    """The first part of a sitemap index, or None when /sitemap.xml is one document."""
    status, _headers, body = fetch(base_url + "/sitemap.xml")
    text = body.decode(errors="replace")
    if status != 200 or "<sitemapindex" not in text:
        return None
    loc = text.split("<loc>", 1)[1].split("</loc>", 1)[0]
    parts = urllib.parse.urlsplit(loc)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class FormReader(HTMLParser):
    """The fields of the consultation form, filled in as a visitor would."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.fields, self.radios, self.select, self.action = {}, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form, self.action = True, attrs.get("action")
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if attrs.get("tabindex") == "-1":  # the honeypot stays empty
                self.fields[name] = ""
            elif kind == "hidden":
                self.fields[name] = attrs.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, attrs.get("value"))
            elif kind == "checkbox":
                self.fields[name] = attrs.get("value", "on")
            else:
                self.fields[name] = {
                    "email": "bench.visitor@example.com",
                    "tel": "(512) 555-0100",
                }.get(kind, "Bench Visitor")
        elif tag == "textarea" and name:
            self.fields[name] = "Trouble sleeping for a few months."
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and attrs.get("value"):
            self.fields.setdefault(self.select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def prepared_consultation(base_url, path):
    """(opener, url, body) for one consultation request: the form fetched by a new
    visitor (own cookies), filled in, ready to post."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(base_url + path, timeout=30) as response:
        html = response.read().decode()
    form = FormReader()
    form.feed(html)
    data = {**form.fields, **form.radios}
    url = urllib.parse.urljoin(base_url + path, form.action or path)
    return opener, url, urllib.parse.urlencode(data).encode()


def post_consultations(server, path, count):
    """CPU of `count` consultation requests, each from a form fetched beforehand."""
    prepared = [prepared_consultation(server.base_url, path) for _ in range(count)]
    bodies = []

    def send(index):
        opener, url, body = prepared[index]
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        with opener.open(request, timeout=30) as response:  # follows a redirect
            bodies.append(response.read().decode(errors="replace"))
            return response.status

    sample = measure_cpu(server, path, requests=count, send=send, concurrency=2)
    thanked = sum("Thank you" in body or "thank you" in body for body in bodies)
    return sample, thanked


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "rounds": values,
    }


def measure_server(env, paths, requests, label):
    """Per round: /healthz/, then each path; multiples against that round's baseline."""
    multiples = {name: [] for name in paths}
    cpu_ms = {name: [] for name in paths}
    baselines, statuses = [], {}
    with GunicornServer(env) as server:
        for path in paths.values():
            measure_cpu(server, path, requests=10)  # warm: fragments, renditions, pages
        for round_number in range(ROUNDS):
            baseline = measure_cpu(server, BASELINE, requests=CHEAP_REQUESTS)
            baselines.append(baseline.cpu_ms_per_request)
            for name, path in paths.items():
                sample = measure_cpu(server, path, requests=requests)
                multiples[name].append(sample.multiple_of(baseline))
                cpu_ms[name].append(sample.cpu_ms_per_request)
                statuses[name] = {
                    "statuses": sample.statuses,
                    "errors": sample.errors[:3],
                    "cache": sample.headers.get("X-Wagtail-Cache"),
                }
            print(f"  {label}: round {round_number + 1}/{ROUNDS} done", flush=True)
    return {
        name: {
            "multiple": spread(multiples[name]),
            "cpu_ms": spread(cpu_ms[name]),
            **statuses[name],
        }
        for name in paths
    } | {"/healthz/ cpu_ms": spread(baselines)}


def measure_consultation(env, path):
    rounds = {"form GET": [], "POST": []}
    thanked_total, posted = 0, 0
    with GunicornServer(env) as server:
        measure_cpu(server, path, requests=5)
        for _ in range(ROUNDS):
            baseline = measure_cpu(server, BASELINE, requests=CHEAP_REQUESTS)
            form = measure_cpu(server, path, requests=100)
            rounds["form GET"].append(form.multiple_of(baseline))
            sample, thanked = post_consultations(server, path, FORM_POSTS)
            rounds["POST"].append(sample.multiple_of(baseline))
            thanked_total += thanked
            posted += sample.requests - len(sample.errors)
    return {
        "form GET": spread(rounds["form GET"]),
        "POST": spread(rounds["POST"]),
        "posted": posted,
        "thank-you pages": thanked_total,
    }


LIGHTHOUSE_ATTEMPTS = 3


def lighthouse(env, paths):
    """Lighthouse mobile performance scores (0-100) by page type, or a reason."""
    if os.environ.get("BENCH_LIGHTHOUSE", "1") == "0":
        return "skipped (BENCH_LIGHTHOUSE=0)"
    if not shutil.which("npm") or not Path(CHROMIUM).exists():
        return f"skipped: needs npm and {CHROMIUM}"
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=LIGHTHOUSE_DIR,
            check=True,
        )
    scores = {}
    # DEBUG serves the demo's images (/media/), as object storage would in production:
    # without them pages would be scored with broken images.
    env = {**env, "DEBUG": "true"}
    with GunicornServer(env) as server, tempfile.TemporaryDirectory() as tmp:
        for name, path in paths.items():
            report = Path(tmp) / "report.json"
            fetch(server.base_url + path)  # cached, as visitors find it
            # Lighthouse sometimes fails to record the page load's trace (its
            # NO_NAVSTART and similar runtime errors, which say "run Lighthouse
            # again"): up to LIGHTHOUSE_ATTEMPTS tries; the last error is reported.
            for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
                report.unlink(missing_ok=True)
                result = subprocess.run(
                    [
                        str(binary),
                        server.base_url + path,
                        "--only-categories=performance",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                        "--output=json",
                        f"--output-path={report}",
                        "--quiet",
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    capture_output=True,
                    text=True,
                    timeout=180,
                )
                if not result.returncode and report.exists():
                    break
                print(f"  lighthouse {name}: attempt {attempt} failed", flush=True)
            if result.returncode or not report.exists():
                scores[name] = {"error": result.stderr[-300:]}
                continue
            data = json.loads(report.read_text())
            audits = data["audits"]
            scores[name] = {
                "score": round(100 * data["categories"]["performance"]["score"]),
                "lcp": audits["largest-contentful-paint"]["displayValue"],
                "cls": audits["cumulative-layout-shift"]["displayValue"],
                "tbt": audits["total-blocking-time"]["displayValue"],
            }
            print(f"  lighthouse {name}: {scores[name]['score']}", flush=True)
    return scores


def fmt(value):
    if not value:
        return "-"
    return f"{value['median']:.1f} ({value['min']:.1f}-{value['max']:.1f})"


def verdict(value, budget):
    if budget is None or not value:
        return ""
    return "pass" if value["median"] <= budget else "FAIL"


def main():
    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as tmp:
        database = Path(tmp) / "bench.sqlite3"
        uncached_env = environment(database, page_cache=False)
        cached_env = environment(database, page_cache=True)
        print("Building the demo site...", flush=True)
        manage(uncached_env, "migrate", "--noinput", "-v0")
        manage(uncached_env, "load_demo_content", "-v0")
        manage(uncached_env, "collectstatic", "--noinput", "-v0")
        paths = public_paths(uncached_env)
        form_path = paths.pop("ConsultationFormPage", None)
        with GunicornServer(uncached_env) as server:
            part = sitemap_part(server.base_url)
        if part:
            paths["sitemap index"] = paths.pop("sitemap")
            paths["sitemap part"] = part
        else:
            paths["sitemap part"] = paths.pop("sitemap")  # one document: its only part

        queries = {
            "uncached": django_script(uncached_env, QUERY_COUNTS, json.dumps(paths)),
            "hit": django_script(cached_env, QUERY_COUNTS, json.dumps(paths)),
        }
        print("Measuring without the page cache...", flush=True)
        uncached = measure_server(uncached_env, paths, PAGE_REQUESTS, "uncached")
        print("Measuring cache hits...", flush=True)
        hits = measure_server(cached_env, paths, CHEAP_REQUESTS, "hits")
        consultation = None
        if form_path:
            print("Measuring consultation requests...", flush=True)
            consultation = measure_consultation(cached_env, form_path)
        print("Lighthouse (mobile)...", flush=True)
        html_pages = {k: v for k, v in paths.items() if not k.startswith("sitemap")}
        html_pages["ConsultationFormPage"] = form_path
        scores = lighthouse(cached_env, html_pages)

    failures = report(paths, queries, uncached, hits, consultation, scores)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps(
            {
                "rounds": ROUNDS,
                "paths": paths,
                "queries": queries,
                "uncached": uncached,
                "hits": hits,
                "consultation": consultation,
                "lighthouse": scores,
                "failures": failures,
            },
            indent=2,
        )
    )
    return 1 if failures else 0


def report(paths, queries, uncached, hits, consultation, scores):
    failures = []
    base_u, base_h = uncached["/healthz/ cpu_ms"], hits["/healthz/ cpu_ms"]
    print()
    print(
        f"/healthz/ CPU per request: {base_u['median']:.2f} ms (uncached run), "
        f"{base_h['median']:.2f} ms (cached run); {ROUNDS} rounds, median (range)"
    )
    header = (
        f"{'page type':<19}{'path':<30}{'uncached x':>18}{'budget':>7}"
        f"{'SQL':>5}{'hit x':>16}{'SQL':>5}{'LH':>5}  result"
    )
    print(header)
    print("-" * len(header))
    for name, path in paths.items():
        u, h = uncached[name]["multiple"], hits[name]["multiple"]
        budget = UNCACHED_BUDGETS.get(name)
        hit_queries = queries["hit"][name]["queries"]
        is_hit = queries["hit"][name]["cache"] == "hit" and hits[name]["cache"] == "hit"
        score = scores.get(name, {}) if isinstance(scores, dict) else {}
        checks = [verdict(u, budget)]
        if name not in NEVER_CACHED:
            checks.append(verdict(h, HIT_BUDGET))
            checks.append("pass" if hit_queries == 0 and is_hit else "FAIL")
        if "score" in score:
            checks.append("pass" if score["score"] >= LIGHTHOUSE_BUDGET else "FAIL")
        errors = uncached[name]["errors"] or hits[name]["errors"]
        if errors or set(uncached[name]["statuses"]) - {200}:
            checks.append("FAIL")
        result = "FAIL" if "FAIL" in checks else "pass"
        if result == "FAIL":
            failures.append(name)
        hit_column, hit_queries_column = fmt(h), hit_queries
        if name in NEVER_CACHED:
            hit_column, hit_queries_column = "not cached", "-"
        print(
            f"{name:<19}{path[:29]:<30}{fmt(u):>18}{budget or '-':>7}"
            f"{queries['uncached'][name]['queries']:>5}{hit_column:>16}"
            f"{hit_queries_column:>5}{score.get('score', '-'):>5}  {result}"
        )
    if consultation:
        form_score = {}
        if isinstance(scores, dict):
            form_score = scores.get("ConsultationFormPage", {})
        budgets = (("form GET", FORM_GET_BUDGET), ("POST", FORM_POST_BUDGET))
        for label, budget in budgets:
            result = verdict(consultation[label], budget)
            low_score = form_score.get("score", 100) < LIGHTHOUSE_BUDGET
            if label == "form GET" and low_score:
                result = "FAIL"
            if result == "FAIL":
                failures.append(f"consultation {label}")
            print(
                f"{'consultation ' + label:<19}{'':<30}{fmt(consultation[label]):>18}"
                f"{budget:>7}{'':>5}{'':>16}{'':>5}"
                f"{form_score.get('score', '-') if label == 'form GET' else '':>5}"
                f"  {result}"
            )
        print(
            f"  {consultation['posted']} requests posted, "
            f"{consultation['thank-you pages']} thank-you pages shown"
        )
        if consultation["thank-you pages"] < consultation["posted"]:
            failures.append("consultation thank-you")
    if not isinstance(scores, dict):
        print(f"Lighthouse: {scores}")
    else:
        for name, score in scores.items():
            if "error" in score:
                print(f"Lighthouse {name}: error {score['error']}")
                failures.append(f"lighthouse {name}")
    print(
        f"Budgets: uncached as listed; every hit <= {HIT_BUDGET}x with 0 queries; "
        f"Lighthouse mobile >= {LIGHTHOUSE_BUDGET}; consultation form GET <= "
        f"{FORM_GET_BUDGET}x, POST <= {FORM_POST_BUDGET}x."
    )
    if failures:
        print(f"Over budget: {', '.join(failures)}")
    else:
        print("All budgets hold.")
    return failures


if __name__ == "__main__":
    sys.exit(main())
