"""make bench-scale: the demo site grown to a clinic group's size (10,000 articles,
1,000 providers, 100 locations) on PostgreSQL, and what its pages cost next to
`make bench`.

Usage: make bench-scale   [BENCH_SCALE_DATABASE_URL=postgres://.../clinic_bench_scale
                           BENCH_ROUNDS=3 BENCH_SCALE_REUSE=1 (measure the last build)]

1. Empties the PostgreSQL database BENCH_SCALE_DATABASE_URL names (default
   postgres://postgres@127.0.0.1:5432/clinic_bench_scale; it must exist and hold
   nothing you want: every table is dropped), migrates it and loads the demo content.
2. Adds the pages in bulk (generate_content below): rows inserted a thousand at a time
   with treebeard paths computed here, relations with bulk_create, and the search
   index filled with the backend's own add_bulk(), as `update_index` does it.
3. Builds the demo content alone in a second database beside it (the same name with
   `_demo` added, created when missing), so that both sizes are measured on the same
   engine, and serves both with gunicorn like `make bench` (page cache off: the
   uncached cost, with fragments warm). Each round measures /healthz/ and every page
   on one server, then on the other; each page's CPU per request is a multiple of
   that server's /healthz/ in the same round. Pages: every page type, listings' first
   and a deep page, the sitemap index and a part, and the provider directory with
   filters, each compared with the same page type at demo size (the median over
   BENCH_ROUNDS rounds of each; the budget is 1.5x).
4. Times search for 50 different words (server response time, one request at a time),
   twice: the first pass ranks every match; the second finds the hits cached, as a
   repeated search does. p50 and p95 of each (goals: 50 ms and 150 ms, both passes).

Results go to bench/results/scale.json; the exit status is 1 if a budget fails.
"""

import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpu import ROOT, GunicornServer, fetch, measure_cpu  # noqa: E402
from run import public_paths  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/clinic_bench_scale"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
ARTICLES, PROVIDERS, LOCATIONS = 10_000, 1_000, 100
BATCH = 1_000
PAGE_REQUESTS = 60
CHEAP_REQUESTS = 600
SCALE_LIMIT = 1.5  # scale multiple / demo multiple
SEARCH_P50_GOAL_MS, SEARCH_P95_GOAL_MS = 50, 150

# Topic words: each article is about two or three of them (chosen with a skew, so some
# are common and some rare, as on a real site), written in filler words otherwise.
# The first 50 are the search benchmark's queries.
WORDS = (  # noqa: SIM905 reads as prose
    "ketamine depression anxiety sleep insomnia trauma ptsd therapy psychiatry "
    "medication dosage infusion esketamine nasal spray mood bipolar adolescent "
    "perinatal postpartum grief stress panic phobia obsessive compulsive attention "
    "hyperactivity eating disorder substance recovery relapse mindfulness "
    "meditation exercise nutrition telehealth insurance referral consultation "
    "screening diagnosis remission side effects safety dissociation blood pressure "
    "monitoring integration psychotherapy counseling family caregiver school work "
    "veterans seniors children teens coping resilience suicide prevention crisis "
    "hotline support group research study trial evidence outcomes"
).split()
SEARCH_WORDS = WORDS[:50]


def environment(database_url, page_cache=False):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "PAGE_CACHE": "true" if page_cache else "false",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
        env["CACHE_KEY_PREFIX"] = "bench-scale"
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def reset_database(env):
    """Drop every table of the benchmark's database (it is the benchmark's own)."""
    subprocess.run([sys.executable, __file__, "reset"], cwd=ROOT, env=env, check=True)


def demo_database_url(database_url):
    """The demo-size twin of the scale database: its name with `_demo` added."""
    parts = urllib.parse.urlsplit(database_url)
    return parts._replace(path=parts.path.rstrip("/") + "_demo").geturl()


def create_database_if_missing(database_url):
    """CREATE DATABASE for `database_url` unless it exists (on the same server);
    True when it was created."""
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return not exists


# --- Generation: runs inside Django (python bench/scale.py generate) ---------------


SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "ha",
    "je",
    "ki",
    "lo",
    "mu",
    "na",
    "pe",
    "ri",
    "so",
    "tu",
    "va",
    "we",
    "xi",
    "yo",
    "zu",
]
# 2,000 made-up filler words (never one of WORDS).
FILLER = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:5]]


def _topics(rng):
    weights = [1 / (i + 1) for i in range(len(WORDS))]
    return rng.choices(WORDS, weights=weights, k=rng.randint(2, 3))


def _sentence(rng, count, topics=()):
    words = rng.choices(FILLER, k=count)
    for topic in topics:
        words[rng.randrange(count)] = topic
    return " ".join(words).capitalize() + "."


def bulk_add_children(parent, pages):
    """Insert `pages` (unsaved instances of one specific page type, with title and
    slug set) as live children of `parent`, a thousand rows at a time: the Page row
    with its treebeard path, then the type's own row. Returns the pages, saved."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type_id = ContentType.objects.get_for_model(model).pk
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, start + offset)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live, page.has_unpublished_changes = True, False
        page.draft_title = page.title
        page.content_type_id = content_type_id
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
        page.latest_revision_created_at = page.first_published_at
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    table = model._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in own_fields)
    placeholders = ", ".join(["%s"] * len(own_fields))
    for first in range(0, len(pages), BATCH):
        chunk = pages[first : first + BATCH]
        rows = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(p, f.attname) for f in base_fields})
                for p in chunk
            ]
        )
        for page, row in zip(chunk, rows, strict=True):
            page.pk = page.page_ptr_id = page.id = row.pk
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                [
                    [
                        f.get_db_prep_save(getattr(p, f.attname), connection)
                        for f in own_fields
                    ]
                    for p in chunk
                ],
            )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def index_for_search(model, ids, *related):
    """The search backend's bulk path (what `update_index` uses), BATCH at a time."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for first in range(0, len(ids), BATCH):
        objects = model.objects.filter(pk__in=ids[first : first + BATCH])
        backend.add_bulk(model, list(objects.prefetch_related(*related)))


def generate_content():
    """10,000 articles, 1,000 providers, 100 locations in the demo site's sections."""
    from django.db import connection
    from django.utils import timezone

    from articles.models import ArticleIndexPage, ArticlePage, ArticlePageAuthor, Topic
    from locations.models import LocationIndexPage, LocationOpeningHours, LocationPage
    from providers.models import Condition, ProviderIndexPage, ProviderPage, Specialty

    rng = random.Random(10)  # noqa: S311 content, not secrets
    started = time.monotonic()

    location_index = LocationIndexPage.objects.get()
    existing = LocationPage.objects.count()
    locations = bulk_add_children(
        location_index,
        [
            LocationPage(
                title=f"Clinic {number:03d}",
                slug=f"clinic-{number:03d}",
                street_address=f"{100 + number} Main Street",
                city=rng.choice(["Austin", "Dallas", "Houston", "El Paso", "Waco"]),
                state="TX",
                postal_code=f"7{rng.randrange(5000, 9999):04d}",
                phone=f"+1512555{number:04d}",
                intro=_sentence(rng, 12),
            )
            for number in range(LOCATIONS - existing)
        ],
    )
    LocationOpeningHours.objects.bulk_create(
        [
            LocationOpeningHours(
                page_id=location.pk,
                weekday=day,
                opens=datetime.time(8),
                closes=datetime.time(17),
                closed=day >= 5,
                sort_order=day,
            )
            for location in locations
            for day in range(7)
        ]
    )
    index_for_search(LocationPage, [location.pk for location in locations])
    all_locations = list(LocationPage.objects.values_list("pk", flat=True))
    print(f"  {len(locations)} locations", flush=True)

    provider_index = ProviderIndexPage.objects.get()
    providers = bulk_add_children(
        provider_index,
        [
            ProviderPage(
                title=f"Provider {number:04d}",
                slug=f"provider-{number:04d}",
                credentials=rng.choice(["MD", "DO", "PMHNP-BC", "LCSW"]),
                job_title="Psychiatrist",
                summary=_sentence(rng, 20, _topics(rng)),
                accepting_new_patients=rng.random() < 0.7,
                telehealth=rng.random() < 0.5,
            )
            for number in range(PROVIDERS)
        ],
    )
    specialties = list(Specialty.objects.values_list("pk", flat=True))
    conditions = list(Condition.objects.values_list("pk", flat=True))
    through = ProviderPage.locations.through
    through.objects.bulk_create(
        [
            through(providerpage_id=p.pk, locationpage_id=loc)
            for p in providers
            for loc in rng.sample(all_locations, 2)
        ]
    )
    for field, target, choices in (
        ("specialties", "specialty_id", specialties),
        ("conditions", "condition_id", conditions),
    ):
        m2m = getattr(ProviderPage, field).through
        m2m.objects.bulk_create(
            [
                m2m(**{"providerpage_id": p.pk, target: choice})
                for p in providers
                for choice in rng.sample(choices, min(2, len(choices)))
            ]
        )
    index_for_search(ProviderPage, [p.pk for p in providers])
    print(f"  {len(providers)} providers", flush=True)

    learn = ArticleIndexPage.objects.get()
    now = timezone.now()
    topics_of = [_topics(rng) for _ in range(ARTICLES)]
    articles = bulk_add_children(
        learn,
        [
            ArticlePage(
                title=_sentence(rng, 5, topics_of[number][:1])[:-1],
                slug=f"article-{number:05d}",
                summary=_sentence(rng, 25, topics_of[number]),
                body=[("paragraph", f"<p>{_sentence(rng, 60, topics_of[number])}</p>")],
                medical_reviewer_id=rng.choice(providers).pk,
                last_reviewed=now.date(),
                first_published_at=now - datetime.timedelta(minutes=number),
            )
            for number in range(ARTICLES)
        ],
    )
    prolific = providers[0]
    ArticlePageAuthor.objects.bulk_create(
        [
            ArticlePageAuthor(
                page_id=article.pk,
                provider_id=prolific.pk
                if number % 20 == 0
                else rng.choice(providers).pk,
                sort_order=0,
            )
            for number, article in enumerate(articles)
        ]
    )
    topics = list(Topic.objects.values_list("pk", flat=True))
    if topics:
        m2m = ArticlePage.topics.through
        m2m.objects.bulk_create(
            [m2m(articlepage_id=a.pk, topic_id=rng.choice(topics)) for a in articles]
        )
    index_for_search(ArticlePage, [a.pk for a in articles], "topics")
    with connection.cursor() as cursor:  # as autovacuum would, for the planner
        cursor.execute("ANALYZE")
    print(
        f"  {len(articles)} articles; generated in {time.monotonic() - started:.0f} s",
        flush=True,
    )


def run_in_django(command):
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    if command == "reset":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    elif command == "generate":
        generate_content()


# --- Measuring ---------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_searches(server):
    """Search timings in ms, one request at a time, one search per word: the first
    pass (nothing cached for these words: every match is ranked) and the second (as
    a visitor repeating a word finds it: hits and cards cached until content
    changes). Returns {"first": (p50, p95), "repeated": (p50, p95)}."""
    passes = {}
    for name in ("first", "repeated"):
        timings = []
        for word in SEARCH_WORDS:
            started = time.perf_counter()
            status, _headers, _body = fetch(f"{server.base_url}/search/?q={word}")
            timings.append((time.perf_counter() - started) * 1000)
            assert status == 200, word
        passes[name] = (percentile(timings, 0.5), percentile(timings, 0.95))
    return passes


def measure(sites):
    """CPU multiples of /healthz/ for each site's pages, a round at a time, the sites
    one after the other within a round. `sites` maps a name to (env, {page: path}).
    Returns ({site: {page: {"multiple": median, "rounds": [...], "statuses": [...]}}},
    {"first"|"repeated": {"p50_ms", "p95_ms"}} of search on the first site)."""
    rounds = {name: {page: [] for page in paths} for name, (_, paths) in sites.items()}
    statuses = {name: {} for name in sites}
    servers = {name: GunicornServer(env) for name, (env, _) in sites.items()}
    try:
        for server in servers.values():
            server.start()
        for name, (_, paths) in sites.items():
            for path in paths.values():
                measure_cpu(servers[name], path, requests=5)
        for number in range(ROUNDS):
            for name, (_, paths) in sites.items():
                server = servers[name]
                baseline = measure_cpu(server, "/healthz/", requests=CHEAP_REQUESTS)
                for page, path in paths.items():
                    sample = measure_cpu(server, path, requests=PAGE_REQUESTS)
                    rounds[name][page].append(sample.multiple_of(baseline))
                    statuses[name][page] = sorted(set(sample.statuses))
            print(f"  round {number + 1}/{ROUNDS} done", flush=True)
        searches = time_searches(servers[next(iter(sites))])
    finally:
        for server in servers.values():
            server.stop()
    results = {
        name: {
            page: {
                "multiple": statistics.median(values),
                "rounds": values,
                "statuses": statuses[name][page],
            }
            for page, values in pages.items()
        }
        for name, pages in rounds.items()
    }
    return results, {
        name: {"p50_ms": p50, "p95_ms": p95} for name, (p50, p95) in searches.items()
    }


def demo_page(name):
    """The demo-size page `name` ("ProviderIndexPage deep", say) is compared with: a
    listing's deep page and filters with its first page (the demo has one page of
    each listing)."""
    return name.removesuffix(" deep").removesuffix(" filtered")


def demo_paths(demo_env, names):
    """{name: path} on the demo-size site for each demo_page() of `names`: a live page
    of each type as `make bench` finds them (bench/run.py's public_paths()), search,
    the sitemap index and its one part."""
    found = public_paths(demo_env)
    found["sitemap index"] = found.pop("sitemap")
    found["sitemap part"] = "/sitemap-pages.xml"
    return {demo_page(name): found[demo_page(name)] for name in names}


def main():
    database_url = os.environ.get("BENCH_SCALE_DATABASE_URL", DEFAULT_DATABASE)
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("make bench-scale needs PostgreSQL: set BENCH_SCALE_DATABASE_URL.")
    env = environment(database_url)
    # With BENCH_REDIS_URL both servers share one Redis: each keeps its own keys.
    demo_env = {
        **environment(demo_database_url(database_url)),
        "CACHE_KEY_PREFIX": "bench-demo",
    }
    started = time.monotonic()
    build_seconds = None
    reuse = os.environ.get("BENCH_SCALE_REUSE") == "1"
    if reuse:
        print("Measuring the sites built by the last run (BENCH_SCALE_REUSE=1)...")
    else:
        print(f"Building the site in {database_url.rsplit('/', 1)[-1]}...", flush=True)
        reset_database(env)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        subprocess.run(
            [sys.executable, __file__, "generate"], cwd=ROOT, env=env, check=True
        )
        build_seconds = time.monotonic() - started
        print(f"Built in {build_seconds:.0f} s.", flush=True)
    if create_database_if_missing(demo_database_url(database_url)) or not reuse:
        print("Building the demo-size site beside it...", flush=True)
        reset_database(demo_env)
        manage(demo_env, "migrate", "--noinput", "-v0")
        manage(demo_env, "load_demo_content", "-v0")
    print("Measuring...", flush=True)

    with GunicornServer(env) as server:
        _status, _headers, index = fetch(server.base_url + "/sitemap.xml")
    part_urls = [
        chunk.split("</loc>", 1)[0] for chunk in index.decode().split("<loc>")[1:]
    ]
    part = urllib.parse.urlsplit(part_urls[len(part_urls) // 2])
    paths = {
        "HomePage": "/",
        "ArticleIndexPage": "/learn/",
        "ArticleIndexPage deep": "/learn/?page=500",
        "ArticlePage": "/learn/article-05000/",
        "ProviderIndexPage": "/providers/",
        "ProviderIndexPage deep": "/providers/?page=50",
        "ProviderIndexPage filtered": "/providers/?telehealth=on&accepting=on",
        "ProviderPage": "/providers/provider-0000/",  # wrote 500 articles
        "LocationIndexPage": "/locations/",
        "LocationIndexPage deep": "/locations/?page=4",
        "LocationPage": f"/locations/clinic-{LOCATIONS - 4:03d}/",
        "search": "/search/?q=ketamine",
        "sitemap index": "/sitemap.xml",
        "sitemap part": f"{part.path}?{part.query}" if part.query else part.path,
    }
    demo_site = demo_paths(demo_env, paths)
    results, search = measure({"scale": (env, paths), "demo": (demo_env, demo_site)})
    scale, demo = results["scale"], results["demo"]
    failures = []
    print()
    print(
        f"Multiples of /healthz/ CPU, median of {ROUNDS} rounds, both sizes on "
        "PostgreSQL in the same run:"
    )
    print(f"{'page':<28}{'path':<42}{'scale x':>9}{'demo x':>8}{'ratio':>7}  result")
    for name, path in paths.items():
        value = scale[name]["multiple"]
        base = demo[demo_page(name)]["multiple"]
        ratio = value / base
        statuses_ok = scale[name]["statuses"] == [200] and demo[demo_page(name)][
            "statuses"
        ] == [200]
        verdict = "pass" if statuses_ok and ratio <= SCALE_LIMIT else "FAIL"
        if verdict == "FAIL":
            failures.append(name)
        print(
            f"{name:<28}{path[:41]:<42}{value:>9.1f}{base:>8.1f}{ratio:>7.2f}  "
            f"{verdict}"
        )
    for name, timing in search.items():
        ok = (
            timing["p50_ms"] < SEARCH_P50_GOAL_MS
            and timing["p95_ms"] < SEARCH_P95_GOAL_MS
        )
        if not ok:
            failures.append(f"search timing ({name} pass)")
        print(
            f"Search over {len(SEARCH_WORDS)} words, {name} pass: p50 "
            f"{timing['p50_ms']:.0f} ms, p95 {timing['p95_ms']:.0f} ms (goals "
            f"{SEARCH_P50_GOAL_MS} / {SEARCH_P95_GOAL_MS} ms): "
            f"{'pass' if ok else 'FAIL'}"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(
        json.dumps(
            {
                "build_seconds": build_seconds,
                "rounds": ROUNDS,
                "paths": paths,
                "demo_paths": demo_site,
                "scale": scale,
                "demo": demo,
                "search": search,
                "failures": failures,
            },
            indent=2,
        )
    )
    if failures:
        print("Over budget: " + ", ".join(failures))
    else:
        print("All budgets hold.")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run_in_django(sys.argv[1])
    else:
        sys.exit(main())
