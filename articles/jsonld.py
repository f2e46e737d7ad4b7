"""Structured data for articles (MedicalWebPage) and press releases (NewsArticle)."""

from home.jsonld import SCHEMA_CONTEXT, organization_id

HEADLINE_LENGTH = 110  # search engines cut longer headlines


def provider_reference(provider):
    """A provider as author or reviewer: the @id of their own profile's Physician or
    Person node, with their name and profile address."""
    url = provider.full_url
    data = {
        "@type": "Physician" if provider.is_physician else "Person",
        "@id": f"{url}#provider",
        "name": provider.title,
        "url": url,
    }
    if provider.credentials:
        data["honorificSuffix"] = provider.credentials
    return data


def _isoformat(value):
    return value.isoformat() if value else None


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def article_json_ld(page, request):
    """MedicalWebPage for a health article: who wrote it, who reviewed it and when."""
    url = page.get_full_url(request)
    reviewer = page.medical_reviewer
    return _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "MedicalWebPage",
            "@id": f"{url}#article",
            "url": url,
            "name": page.title,
            "headline": page.title[:HEADLINE_LENGTH],
            "description": page.seo_description,
            "image": page.seo_image_url,
            "inLanguage": "en-US",
            "datePublished": _isoformat(page.first_published_at),
            "dateModified": _isoformat(page.last_published_at),
            "author": [provider_reference(p) for p in page.author_providers],
            "reviewedBy": provider_reference(reviewer) if reviewer else None,
            "lastReviewed": _isoformat(page.last_reviewed),
            "publisher": {"@id": organization_id(page.site_root_url)},
            "about": [{"@type": "Thing", "name": t.name} for t in page.topic_list],
            "citation": [
                _without_empty(
                    {"@type": "CreativeWork", "name": ref.title, "url": ref.url}
                )
                for ref in page.reference_list
            ],
        }
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
            "datePublished": _isoformat(page.release_date),
            "dateModified": _isoformat(page.last_published_at),
            "author": organization,
            "publisher": organization,
            "sameAs": page.newswire_url,
        }
    )
