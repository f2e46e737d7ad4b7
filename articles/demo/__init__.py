"""Demo content: the Learn section with five articles by the demo providers, and the
newsroom with two press releases. Idempotent, like every demo loader."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from articles.demo import content as demo_content
from articles.factories import (
    ArticleIndexPageFactory,
    NewsroomPageFactory,
    PressReleasePageFactory,
    build_article,
)
from articles.models import ArticlePageAuthor, Boilerplate, MediaContact, Topic
from articles.workflow import attach_medical_review, let_editors_publish_press_releases
from home.demo import GROUP_NAME

MEDIA_CONTACT = {
    "name": "Dana Ortiz",
    "job_title": "Communications manager",
    "email": "press@liveoakmindhealth.example",
    "phone": "+15125550199",
}


def providers_by_slug():
    provider_model = ArticlePageAuthor._meta.get_field("provider").related_model
    return {provider.slug: provider for provider in provider_model.objects.all()}


def days_ago(days, hour=9):
    """A moment `days` days ago, at `hour` o'clock local time."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def resolve_quotes(body, providers):
    """The body with each expert quote's provider slug replaced by the provider (a
    quote whose provider is missing is left out)."""
    resolved = []
    for block_type, value in body:
        if block_type == "expert_quote":
            provider = providers.get(value["provider"])
            if provider is None:
                continue
            value = {**value, "provider": provider}
        resolved.append((block_type, value))
    return resolved


def ensure_topics(builder):
    topics = {}
    for name in demo_content.TOPICS:
        topics[name], created = Topic.objects.get_or_create(name=name)
        if created:
            builder.log(f"topic '{name}'")
    return topics


def add_article(builder, index, spec, number, providers, topics):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return None
    reviewer = providers.get(spec["reviewer"])
    authors = [providers[slug] for slug in spec["authors"] if slug in providers]
    if reviewer is None or not authors:
        builder.log(f"nothing for article '{spec['title']}' (its providers are gone)")
        return None
    article = build_article(
        reviewer,
        authors=authors,
        topics=[topics[name] for name in spec["topics"]],
        references=[demo_content.REFERENCES[key] for key in spec["references"]],
        title=spec["title"],
        slug=spec["slug"],
        seo_title=spec.get("seo_title", ""),
        search_description=spec.get("search_description", ""),
        summary=spec["summary"],
        hero_image=builder.image(spec["title"], seed=100 + number),
        body=resolve_quotes(spec["body"], providers),
        last_reviewed=timezone.localdate()
        - datetime.timedelta(days=spec["reviewed_days_ago"]),
        first_published_at=days_ago(spec["published_days_ago"]),
    )
    return builder.child_page(index, article)


def load_learn_section(builder):
    index = builder.section(
        ArticleIndexPageFactory.build(
            seo_title=f"Mental health articles | {GROUP_NAME}",
            show_in_menus=True,
            intro="Plain-language articles on depression, anxiety, PTSD and the "
            "treatments we offer, each reviewed by one of our clinicians.",
        ),
        menu_order=2,
    )
    attach_medical_review(index)

    providers = providers_by_slug()
    topics = ensure_topics(builder)
    for number, spec in enumerate(demo_content.ARTICLES, start=1):
        article = add_article(builder, index, spec, number, providers, topics)
        if article is not None and spec.get("featured"):
            index.featured_article = article
            index.save_revision().publish()


def ensure_press_kit(builder):
    boilerplate = Boilerplate.objects.filter(is_default=True).first()
    if boilerplate is None:
        boilerplate, created = Boilerplate.objects.get_or_create(
            name="Standard",
            defaults={
                "text": demo_content.BOILERPLATE.format(group=GROUP_NAME),
                "is_default": True,
            },
        )
        if created:
            builder.log("boilerplate 'Standard'")
    contact, created = MediaContact.objects.get_or_create(
        email=MEDIA_CONTACT["email"], defaults=MEDIA_CONTACT
    )
    if created:
        builder.log(f"media contact '{contact.name}'")
    return contact


def add_press_release(builder, newsroom, spec, number, providers, contact):
    if newsroom.get_children().filter(slug=spec["slug"]).exists():
        return
    body = resolve_quotes(spec["body"], providers)
    location = Page.objects.filter(slug=spec.get("location_slug") or "").first()
    if location is not None:
        body.append(
            (
                "call_to_action",
                {
                    "label": f"Visit {location.title}",
                    "page": location,
                    "url": "",
                    "style": "secondary",
                },
            )
        )
    released = days_ago(spec["released_days_ago"])
    builder.child_page(
        newsroom,
        PressReleasePageFactory.build(
            title=spec["title"],
            slug=spec["slug"],
            seo_title=spec.get("seo_title", ""),
            subheadline=spec["subheadline"],
            dateline_city=spec["dateline_city"],
            dateline_state="Texas",
            release_date=timezone.localtime(released).date(),
            summary=spec["summary"],
            image=builder.image(spec["title"], seed=200 + number),
            body=body,
            media_contact=contact,
            newswire_name=spec.get("newswire_name", ""),
            newswire_url=spec.get("newswire_url", ""),
            first_published_at=released,
        ),
    )


def load_newsroom(builder):
    contact = ensure_press_kit(builder)
    newsroom = builder.child_page(
        builder.home,
        NewsroomPageFactory.build(
            show_in_menus=True,
            intro=f"News and announcements from {GROUP_NAME}. Journalists can reach "
            "our communications team through the contact on this page.",
            media_contact=contact,
        ),
    )
    builder.main_menu_item(builder.site, newsroom, sort_order=3)
    let_editors_publish_press_releases(newsroom)
    providers = providers_by_slug()
    for number, spec in enumerate(demo_content.PRESS_RELEASES, start=1):
        add_press_release(builder, newsroom, spec, number, providers, contact)


def load_articles_demo(builder):
    load_learn_section(builder)
    load_newsroom(builder)
