"""Builders for test data. The factories live beside the models they build (each
app's factories.py, shared with the demo content); this module re-exports them and
adds the tests' own helpers (a fresh site, published pages, users)."""

import datetime

from wagtail.models import Page, Site

from articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    BoilerplateFactory,
    MediaContactFactory,
    NewsroomPageFactory,
    PressReleasePageFactory,
    TopicFactory,
    build_article,
)
from home.factories import (
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
    TreatmentFactory,
)
from locations.factories import (
    ConsultationFormPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    consultation_form_fields,
    opening_hours,
)
from providers.factories import (
    ConditionFactory,
    ProviderIndexPageFactory,
    ProviderPageFactory,
    SpecialtyFactory,
)

__all__ = [
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "BoilerplateFactory",
    "ConditionFactory",
    "ConsultationFormPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "LocationIndexPageFactory",
    "LocationPageFactory",
    "MediaContactFactory",
    "NewsroomPageFactory",
    "PressReleasePageFactory",
    "ProviderIndexPageFactory",
    "ProviderPageFactory",
    "SpecialtyFactory",
    "StandardPageFactory",
    "TopicFactory",
    "TreatmentFactory",
    "add_opening_hours",
    "make_article",
    "make_consultation_page",
    "make_location",
    "make_location_manager",
    "make_press_release",
    "make_provider",
    "make_second_site",
    "make_site",
    "make_user",
    "root_page",
]

WEEKDAY_HOURS = [(day, datetime.time(9), datetime.time(17)) for day in range(5)]


def add_opening_hours(location, rows=WEEKDAY_HOURS):
    """Opening-hours rows (weekday, opens, closes) saved on a location."""
    for row in opening_hours(rows):
        row.page = location
        row.save()
    return location


def make_location(index, **kwargs):
    """A published location with Monday to Friday 9 to 5 hours."""
    return add_opening_hours(LocationPageFactory(parent=index, **kwargs))


def make_provider(index, locations=(), **kwargs):
    """A published provider practising at `locations`."""
    provider = ProviderPageFactory(parent=index, **kwargs)
    provider.locations.set(locations)
    provider.save()
    return provider


def root_page():
    """The tree's root, recreated when a transactional test has flushed it."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def make_site(**home_kwargs):
    """A default site for http://testserver whose root is a fresh HomePage."""
    root = root_page()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Test Clinic Group",
    )
    return home


SECOND_SITE_HOST = "sister.clinic.example"


def make_second_site(
    hostname=SECOND_SITE_HOST, site_name="Sister Clinic", **home_kwargs
):
    """A second site, for http://<hostname>, rooted at its own HomePage beside the
    default site's (built here directly: the page-tree rules let editors make only one
    HomePage). Returns the home page. Tests that request it must allow the host."""
    home = HomePageFactory(
        parent=root_page(), slug=hostname.split(".")[0], **home_kwargs
    )
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=site_name)
    return home


def make_article(index, reviewer, authors=(), topics=(), references=(), **kwargs):
    """A published article by `authors` (providers, in byline order), medically
    reviewed by `reviewer`, with `references` as (title, source, url) triples."""
    article = build_article(reviewer, authors, topics, references, **kwargs)
    index.add_child(instance=article)
    article.save_revision().publish()
    return article


def make_press_release(newsroom, **kwargs):
    """A published press release in `newsroom`."""
    release = PressReleasePageFactory.build(**kwargs)
    newsroom.add_child(instance=release)
    release.save_revision().publish()
    return release


# Consultation requests (locations app).

CONSULTATION_FIELDS = [
    {"label": "First name", "field_type": "singleline"},
    {"label": "Last name", "field_type": "singleline"},
    {"label": "Email", "field_type": "email"},
    {"label": "Phone", "field_type": "phone"},
    {
        "label": "Preferred contact method",
        "field_type": "radio",
        "choices": "Phone call\nText message\nEmail",
    },
    {"label": "Preferred time of day", "field_type": "preferred_time"},
    {
        "label": "What would you like help with?",
        "field_type": "multiline",
        "required": False,
    },
    {
        "label": "How did you hear about us?",
        "field_type": "dropdown",
        "required": False,
        "choices": "Search engine\nFriend or family member\nSomewhere else",
    },
]


def make_consultation_page(parent, fields=CONSULTATION_FIELDS, **kwargs):
    """A published consultation form page under `parent` with the given fields."""
    page = ConsultationFormPageFactory.build(**kwargs)
    page.form_fields = consultation_form_fields(fields)
    parent.add_child(instance=page)
    page.save_revision(clean=False).publish()
    return page


def make_user(username, *, groups=(), permissions=(), **kwargs):
    """An active user in the named groups, with the named permissions."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user(
        username,
        email=kwargs.pop("email", f"{username}@clinic.example"),
        password=kwargs.pop("password", "a-test-password"),
        **kwargs,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def make_location_manager(location, username, **kwargs):
    """A user in the "Location managers" group, chosen as `location`'s manager."""
    user = make_user(username, groups=["Location managers"], **kwargs)
    location.managers.add(user)
    # Writes the relation alone (modelcluster keeps it in memory until then): saving
    # the whole page would validate and save every field again for nothing.
    location.managers.commit()
    return user
