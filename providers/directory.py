"""The provider directory: filters a visitor would use, as plain GET parameters."""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from home.cache import cached_until_content_changes
from home.listings import attach_listing_images
from home.query_params import page_number
from home.visibility import public_pages

PROVIDERS_PER_PAGE = 12
# Must match the {% picture %} filters of templates/includes/provider_card.html.
HEADSHOT_FILTERS = "fill-{160x200,320x400}-c80|format-{webp,jpeg}"


class ProviderFilterForm(forms.Form):
    location = forms.ChoiceField(required=False, label="Location")
    need = forms.ChoiceField(required=False, label="Specialty or condition")
    accepting = forms.BooleanField(required=False, label="Accepting new patients")
    telehealth = forms.BooleanField(required=False, label="Offers telehealth")

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = [("", "Any location"), *choices["locations"]]
        self.fields["need"].choices = [
            ("", "Anything"),
            ("Specialties", choices["specialties"]),
            ("Conditions", choices["conditions"]),
        ]


def filter_choices(providers):
    """(slug, name) pairs of the locations, specialties and conditions that the
    directory's live providers (a ProviderPage queryset) have: only filters that can
    match are offered."""
    field = providers.model._meta.get_field
    location_model = field("locations").related_model
    specialty_model = field("specialties").related_model
    condition_model = field("conditions").related_model
    locations = (
        public_pages(location_model.objects.filter(providers__in=providers))
        .distinct()
        .order_by("title")
    )
    return {
        "locations": list(locations.values_list("slug", "title")),
        "specialties": list(
            specialty_model.objects.filter(providers__in=providers)
            .distinct()
            .values_list("slug", "name")
        ),
        "conditions": list(
            condition_model.objects.filter(providers__in=providers)
            .distinct()
            .values_list("slug", "name")
        ),
    }


def directory_context(index_page, request, provider_model):
    """The directory's context: the filter form, and the listing it selects
    (`provider_model` pages under `index_page`), computed only when the template's
    cached fragment is missing.

    `directory_cache_key` is what the listing fragment varies on: the cleaned filters
    and the page number, so that odd query strings cannot fill the cache; None when the
    filters are not valid (the form then shows the visitor's input, never cached)."""
    filters = request.GET.copy()
    filters.pop("page", None)
    providers = (
        public_pages(provider_model.objects.child_of(index_page))
        .defer_streamfields()
        .order_by("title")
    )
    choices = cached_until_content_changes(
        f"provider-filter-choices:{index_page.pk}", lambda: filter_choices(providers)
    )
    form = ProviderFilterForm(filters or None, choices=choices)
    number = page_number(request)
    valid = not form.is_bound or form.is_valid()
    applied = {}
    if form.is_bound and valid:
        applied = {name: value for name, value in form.cleaned_data.items() if value}
    # Booleans as a ticked checkbox sends them.
    query = urlencode({k: "on" if v is True else v for k, v in applied.items()})
    cache_key = f"{form.is_bound:d}|{query}|{number}" if valid else None
    return {
        "filter_form": form,
        "directory": SimpleLazyObject(
            lambda: directory_listing(providers, applied, valid, number)
        ),
        "directory_cache_key": cache_key,
        "query_prefix": f"{query}&" if query else "",
        "filtered": form.is_bound,
    }


def directory_listing(providers, applied, valid, number):
    """One page (`number`) of the `providers` that match the `applied` filters (cleaned
    data, only those set), and how many match; nothing when the filters were not
    `valid`."""
    if not valid:
        providers = providers.none()
    if applied.get("location"):
        providers = providers.filter(locations__slug=applied["location"])
    if applied.get("need"):
        providers = providers.filter(
            Q(specialties__slug=applied["need"]) | Q(conditions__slug=applied["need"])
        ).distinct()
    if applied.get("accepting"):
        providers = providers.filter(accepting_new_patients=True)
    if applied.get("telehealth"):
        providers = providers.filter(telehealth=True)

    paginator = Paginator(providers.prefetch_related("locations"), PROVIDERS_PER_PAGE)
    page_obj = paginator.get_page(number)
    page_obj.object_list = attach_listing_images(
        list(page_obj.object_list), HEADSHOT_FILTERS
    )
    return {"providers_page": page_obj, "provider_count": paginator.count}
