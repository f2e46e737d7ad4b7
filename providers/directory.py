"""The provider directory: filters a visitor would use, as plain GET parameters."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q

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
    """The filter form, one page of matching providers (`provider_model` pages under
    `index_page`), and how many matched."""
    providers = (
        public_pages(provider_model.objects.child_of(index_page))
        .defer_streamfields()
        .order_by("title")
    )
    filters = request.GET.copy()
    filters.pop("page", None)
    choices = cached_until_content_changes(
        f"provider-filter-choices:{index_page.pk}", lambda: filter_choices(providers)
    )
    form = ProviderFilterForm(filters or None, choices=choices)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["location"]:
            providers = providers.filter(locations__slug=data["location"])
        if data["need"]:
            providers = providers.filter(
                Q(specialties__slug=data["need"]) | Q(conditions__slug=data["need"])
            ).distinct()
        if data["accepting"]:
            providers = providers.filter(accepting_new_patients=True)
        if data["telehealth"]:
            providers = providers.filter(telehealth=True)
    elif form.is_bound:
        providers = providers.none()

    paginator = Paginator(providers.prefetch_related("locations"), PROVIDERS_PER_PAGE)
    page_obj = paginator.get_page(page_number(request))
    page_obj.object_list = attach_listing_images(
        list(page_obj.object_list), HEADSHOT_FILTERS
    )
    return {
        "filter_form": form,
        "providers_page": page_obj,
        "provider_count": paginator.count,
        "query_prefix": f"{filters.urlencode()}&" if filters else "",
        "filtered": form.is_bound,
    }
