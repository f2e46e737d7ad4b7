from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.demo import DEMO_HOOK
from providers.models import Condition, Specialty


class SpecialtyViewSet(SnippetViewSet):
    """Specialties visitors filter the provider directory by."""

    model = Specialty
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ConditionViewSet(SnippetViewSet):
    """Conditions treated, which visitors filter the provider directory by."""

    model = Condition
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(SpecialtyViewSet)
register_snippet(ConditionViewSet)


@hooks.register(DEMO_HOOK, order=20)
def register_providers_demo(builder):
    # The demo and its factories load only when demo content is built.
    from providers.demo import load_providers_demo

    load_providers_demo(builder)
