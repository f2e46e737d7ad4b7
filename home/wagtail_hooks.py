from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.menus import include_items_chosen_by_editors
from home.models import Treatment
from home.page_cache import is_request_cacheable
from home.visibility import public_pages


class TreatmentViewSet(SnippetViewSet):
    """The treatments and services that locations and providers offer."""

    model = Treatment
    icon = "pick"
    list_display = ["name", "slug", "description"]
    search_fields = ["name"]


register_snippet(TreatmentViewSet)
hooks.register("is_request_cacheable", is_request_cacheable)
# First, so that hooks narrowing what menus show (privacy, sites) apply after it.
hooks.register(
    "menus_modify_base_page_queryset", include_items_chosen_by_editors, order=-100
)


@hooks.register("menus_modify_base_page_queryset")
def public_pages_only_in_menus(queryset, current_site=None, **kwargs):
    """wagtailmenus offers live pages; visitors' menus hold only public ones
    (a password-protected page or section is left out)."""
    return public_pages(queryset, current_site)


@hooks.register("insert_editor_js")
def submit_after_autosave_js():
    """A Publish or Submit clicked while Wagtail's autosave is creating the page
    waits for it (home/static/home/submit-after-autosave.js)."""
    return format_html(
        '<script src="{}" defer></script>', static("home/submit-after-autosave.js")
    )
