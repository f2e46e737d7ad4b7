"""Every JSON-LD block of every demo page type validates against the schema.org
vocabulary (release 30.0, tests/schemaorg/vocabulary.json) and Google's rich-result
rules, with no error and no warning."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.database import stock_welcome_page
from tests.helpers import json_ld
from tests.schemaorg import validate_json_ld
from tests.schemaorg.google import check_google
from tests.schemaorg.vocabulary import check_vocabulary

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def demo_site(db):
    stock_welcome_page()
    call_command("load_demo_content", verbosity=0)


def test_every_json_ld_block_of_the_demo_site_validates(client, demo_site):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    paths = [page.url for page in pages] + ["/search/?q=ketamine", "/no-such-page/"]
    problems, types_seen = {}, set()

    for path in paths:
        for data in json_ld(client.get(path)):
            types_seen.add(data["@type"])
            errors, warnings = validate_json_ld(data)
            if errors or warnings:
                problems[f"{path} {data['@type']}"] = errors + warnings

    assert problems == {}
    assert types_seen >= {
        "MedicalOrganization",
        "MedicalWebPage",
        "Article",
        "NewsArticle",
        "IndividualPhysician",
        "Person",
        "MedicalClinic",
        "FAQPage",
        "BreadcrumbList",
    }


def test_the_vocabulary_check_finds_unknown_types_and_misplaced_properties():
    errors, _ = check_vocabulary(
        {
            "@context": "https://schema.org",
            "@type": "Physician",
            "name": "Maya Torres",
            "honorificSuffix": "MD",
            "practicesAt": {"@id": "https://example.org/#clinic"},
            "author": {"@type": "Doctor", "name": "X"},
            "colour": "green",
        }
    )

    text = " | ".join(errors)
    assert "'honorificSuffix' is not a property of Physician" in text
    assert "'practicesAt' is not a property of Physician" in text
    assert "'Doctor' is not a schema.org type" in text
    assert "'colour' is not a schema.org property" in text


def test_the_vocabulary_check_finds_values_of_the_wrong_kind():
    errors, _ = check_vocabulary(
        {
            "@context": "https://schema.org",
            "@type": "MedicalClinic",
            "url": "not a url",
            "medicalSpecialty": "Psychiatric",
            "geo": {"@type": "GeoCoordinates", "latitude": True},
            "openingHoursSpecification": {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": "https://schema.org/Funday",
                "opens": "nine",
            },
            "address": {"@type": "Person", "name": "Not an address"},
        }
    )

    text = " | ".join(errors)
    assert "'not a url': not an absolute URL" in text
    assert "'Psychiatric': text where a MedicalSpecialty is expected" in text
    assert "true/false where Number or Text is expected" in text
    assert "not a member of DayOfWeek" in text
    assert "'nine': not a time" in text
    assert "a Person where PostalAddress or Text is expected" in text


def test_the_vocabulary_check_accepts_subtypes_enumerations_and_references():
    errors, warnings = check_vocabulary(
        {
            "@context": "https://schema.org",
            "@type": "IndividualPhysician",
            "name": "Maya Torres",
            "medicalSpecialty": "https://schema.org/Psychiatric",
            "practicesAt": [{"@id": "https://example.org/#clinic"}],
            "knowsLanguage": ["English"],
            "parentOrganization": {"@type": "MedicalOrganization", "name": "Group"},
        }
    )

    assert (errors, warnings) == ([], [])


def test_dates_and_times_need_a_time_zone():
    errors, _ = check_vocabulary(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "datePublished": "2026-10-15T09:00:00",
            "dateModified": "15/10/2026",
        }
    )
    _, warnings = check_google(
        {"@type": "NewsArticle", "headline": "H", "datePublished": "2026-10-15"}
    )

    assert "a date and time without a time zone" in " | ".join(errors)
    assert "'15/10/2026': not an ISO 8601 date; not an ISO 8601 date and time" in (
        " | ".join(errors)
    )
    assert "datePublished '2026-10-15' lacks a time and zone" in " | ".join(warnings)


def test_google_rules_ask_for_what_rich_results_need():
    errors, warnings = [], []
    for data in (
        {"@type": "MedicalClinic", "name": "Clinic", "geo": {"latitude": 30.2672}},
        {"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Q?"}]},
        {"@type": "BreadcrumbList", "itemListElement": [{"name": "Home"}, {}]},
        {"@type": "MedicalOrganization", "name": "Group", "url": "https://x.org/"},
        {"@type": "Article", "headline": "H" * 111},
    ):
        found_errors, found_warnings = check_google(data)
        errors += found_errors
        warnings += found_warnings

    errors, warnings = " | ".join(errors), " | ".join(warnings)
    assert "MedicalClinic: address is required" in errors
    assert "latitude 30.2672 has fewer than 5 decimal places" in errors
    assert "Question.acceptedAnswer: acceptedAnswer is required" not in errors
    assert "FAQPage.Question: acceptedAnswer is required" in errors
    assert "ListItem 1: position is required" in errors
    assert "MedicalOrganization: logo is recommended" in warnings
    assert "Article: author is recommended" in warnings
    assert "headline longer than 110" in warnings
