"""Builders for test data: small factories, one per model, with sane defaults."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page, Site

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticleReference,
    Boilerplate,
    MediaContact,
    NewsroomPage,
    PressReleasePage,
    Topic,
)
from home.models import HomePage, StandardPage, Treatment
from locations.models import LocationIndexPage, LocationOpeningHours, LocationPage
from providers.models import Condition, ProviderIndexPage, ProviderPage, Specialty


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Test image {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Care close to home"
    intro = "A welcoming introduction for the home page."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short lead paragraph for this page."

    class Meta:
        model = StandardPage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Learn"
    slug = "learn"

    class Meta:
        model = ArticleIndexPage


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = LocationIndexPage


class ProviderIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our providers"
    slug = "providers"

    class Meta:
        model = ProviderIndexPage


class TreatmentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Treatment {n}")

    class Meta:
        model = Treatment


class SpecialtyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Specialty {n}")

    class Meta:
        model = Specialty


class ConditionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Condition {n}")

    class Meta:
        model = Condition


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Clinic {n}")
    street_address = "100 Congress Ave"
    city = "Austin"
    state = "TX"
    postal_code = "78701"
    phone = "+15125550142"
    latitude = "30.267153"
    longitude = "-97.743061"
    time_zone = "America/Chicago"
    intro = "A calm clinic in the middle of town."

    class Meta:
        model = LocationPage


class ProviderPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Provider {n}")
    credentials = "MD"
    job_title = "Psychiatrist"
    summary = "Cares for adults with depression and anxiety."

    class Meta:
        model = ProviderPage


WEEKDAY_HOURS = [(day, datetime.time(9), datetime.time(17)) for day in range(5)]


def add_opening_hours(location, rows=WEEKDAY_HOURS):
    """Opening-hours rows (weekday, opens, closes) saved on a location."""
    for sort_order, (weekday, opens, closes) in enumerate(rows):
        LocationOpeningHours.objects.create(
            page=location,
            weekday=weekday,
            opens=opens,
            closes=closes,
            sort_order=sort_order,
        )
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


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = Topic


class BoilerplateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Boilerplate {n}")
    text = "<p>Test Clinic Group runs clinics across Texas.</p>"

    class Meta:
        model = Boilerplate


class MediaContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Press Officer {n}")
    job_title = "Communications manager"
    email = factory.Sequence(lambda n: f"press{n}@example.com")
    phone = "+15125550199"

    class Meta:
        model = MediaContact


class NewsroomPageFactory(wagtail_factories.PageFactory):
    title = "Newsroom"
    slug = "newsroom"

    class Meta:
        model = NewsroomPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "What readers will learn from this article."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Plain words about a health topic.</p>")]
    )
    last_reviewed = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )

    class Meta:
        model = ArticlePage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Press release {n}")
    summary = "What the announcement is about."
    dateline_city = "Austin"
    dateline_state = "Texas"
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>The clinic group announced news today.</p>")]
    )

    class Meta:
        model = PressReleasePage


def make_article(index, reviewer, authors=(), topics=(), references=(), **kwargs):
    """A published article by `authors` (providers, in byline order), medically
    reviewed by `reviewer`, with `references` as (title, source, url) triples."""
    article = ArticlePageFactory.build(medical_reviewer=reviewer, **kwargs)
    article.authors = [
        ArticlePageAuthor(provider=provider, sort_order=position)
        for position, provider in enumerate(authors)
    ]
    article.references = [
        ArticleReference(title=title, source=source, url=url, sort_order=position)
        for position, (title, source, url) in enumerate(references)
    ]
    article.topics = list(topics)
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
    from locations.models import ConsultationFormField, ConsultationFormPage

    page = ConsultationFormPage(
        title=kwargs.pop("title", "Request a consultation"),
        slug=kwargs.pop("slug", "request-a-consultation"),
        to_address=kwargs.pop("to_address", "frontdesk@clinic.example"),
        from_address=kwargs.pop("from_address", "hello@clinic.example"),
        **kwargs,
    )
    parent.add_child(instance=page)
    for order, spec in enumerate(fields):
        ConsultationFormField.objects.create(
            page=page,
            sort_order=order,
            label=spec["label"],
            field_type=spec["field_type"],
            required=spec.get("required", True),
            choices=spec.get("choices", ""),
        )
    page.save_revision().publish()
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
    location.save()
    return user
