from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.dashboard import MedicalReviewsDuePanel
from articles.models import Boilerplate, MediaContact, Topic
from articles.provider_sections import provider_articles_section
from home.demo import DEMO_HOOK


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class BoilerplateViewSet(SnippetViewSet):
    model = Boilerplate
    icon = "doc-full"
    list_display = ["name", "heading", BooleanColumn("is_default", label="Default")]
    list_filter = ["is_default"]
    search_fields = ["name"]


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "user"
    list_display = ["name", "job_title", "email", "phone"]
    search_fields = ["name"]


class ArticleSnippetsGroup(SnippetViewSetGroup):
    """Topics, boilerplates and media contacts, together under one menu item."""

    menu_label = "Topics & press"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (TopicViewSet, BoilerplateViewSet, MediaContactViewSet)


register_snippet(ArticleSnippetsGroup)


@hooks.register(DEMO_HOOK, order=40)
def register_articles_demo(builder):
    # The demo and its factories load only when demo content is built.
    from articles.demo import load_articles_demo

    load_articles_demo(builder)


@hooks.register("provider_page_sections")
def articles_on_provider_page(provider, request):
    return provider_articles_section(provider, request)


@hooks.register("construct_homepage_panels")
def add_medical_reviews_due_panel(request, panels):
    panels.append(MedicalReviewsDuePanel(request))
