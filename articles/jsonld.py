"""Structured data for articles (MedicalWebPage with an Article) and press releases
(NewsArticle)."""

import datetime

from django.utils import timezone

from home.jsonld import SCHEMA_CONTEXT, organization_id

HEADLINE_LENGTH = 110  # Google's Article guidelines cut longer headlines


def provider_reference(provider):
    """A provider as author or reviewer: the IndividualPhysician or Person node of
    their profile (same @id), with their name, profile address and clinics."""
    return provider.json_ld_node()


def _isoformat(value):
    """ISO 8601 text for a date, or for a moment in the site's time zone with its
    offset (search engines want a time zone on every date and time)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def article_json_ld(page, request):
    """A health article's two nodes: the MedicalWebPage (who reviewed it and when, what
    it is about) and, as its main entity, the Article that Google's article rich
    results read (headline, authors, dates, image, publisher)."""
    url = page.get_full_url(request)
    reviewer = page.medical_reviewer
    publisher = {"@id": organization_id(page.site_root_url)}
    web_page = _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "MedicalWebPage",
            "@id": f"{url}#webpage",
            "url": url,
            "name": page.title,
            "description": page.seo_description,
            "inLanguage": "en-US",
            "reviewedBy": provider_reference(reviewer) if reviewer else None,
            "lastReviewed": _isoformat(page.last_reviewed),
            "about": [{"@type": "Thing", "name": t.name} for t in page.topic_list],
            "publisher": publisher,
            "mainEntity": {"@id": f"{url}#article"},
        }
    )
    article = _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Article",
            "@id": f"{url}#article",
            "mainEntityOfPage": {"@id": f"{url}#webpage"},
            "headline": page.title[:HEADLINE_LENGTH],
            "description": page.seo_description,
            "image": page.seo_image_url,
            "inLanguage": "en-US",
            "datePublished": _isoformat(page.first_published_at),
            "dateModified": _isoformat(page.last_published_at),
            "author": [provider_reference(p) for p in page.author_providers],
            "publisher": publisher,
            "citation": [
                _without_empty(
                    {"@type": "CreativeWork", "name": ref.title, "url": ref.url}
                )
                for ref in page.reference_list
            ],
        }
    )
    return [web_page, article]


def release_moment(page):
    """When a press release came out, as a moment: the release date at the time it
    was first published (or its scheduled go-live time) that day, else at midnight, in
    the site's time zone."""
    published = page.go_live_at or page.first_published_at
    if published is not None:
        published = timezone.localtime(published)
        if page.release_date is None or published.date() == page.release_date:
            return published
    if page.release_date is None:
        return None
    return timezone.make_aware(
        datetime.datetime.combine(page.release_date, datetime.time())
    )


def press_release_json_ld(page, request):
    """NewsArticle for a press release, published by the clinic group."""
    url = page.get_full_url(request)
    organization = {"@id": organization_id(page.site_root_url)}
    return _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "url": url,
            "mainEntityOfPage": page.seo_canonical_url,
            "headline": page.title[:HEADLINE_LENGTH],
            "alternativeHeadline": page.subheadline,
            "description": page.seo_description,
            "image": page.seo_image_url,
            "inLanguage": "en-US",
            "dateline": page.dateline_place,
            "datePublished": _isoformat(release_moment(page)),
            "dateModified": _isoformat(page.last_published_at),
            "author": organization,
            "publisher": organization,
            "sameAs": page.newswire_url,
        }
    )
