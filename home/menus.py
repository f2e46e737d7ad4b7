"""The main and footer menus (wagtailmenus 4.2) as the editor arranges them.

- A page the editor puts in a menu shows there, even when its "Show in menus" box
  (Promote tab) is unticked: that box decides which *child* pages the menus list by
  themselves, and the editor's explicit choice wins over it.
- Every item keeps the position it has in the menu editor. modelcluster saves only the
  rows whose form changed, so untouched rows kept their old sort orders and a new row
  (numbered by its position) could jump ahead of them.
- The main menu's index view checks permissions before it redirects to the editor
  (wagtailmenus' own answered 500 to users who may not edit the menu).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import Page
from wagtailmenus import menuadmin

from home.cache import bump_content_generation


def include_items_chosen_by_editors(queryset, **kwargs):
    """Hook `menus_modify_base_page_queryset` (registered first): the pages a menu
    may show are live, unexpired pages that are either ticked "Show in menus" or
    chosen as one of this menu's items. Later hooks narrow this further."""
    menu = kwargs.get("original_menu_instance") or kwargs.get("menu_instance")
    if not hasattr(menu, "get_menu_items_manager"):
        return queryset
    chosen = menu.get_menu_items_manager().exclude(link_page=None).values("link_page")
    return Page.objects.filter(live=True, expired=False).filter(
        Q(show_in_menus=True) | Q(pk__in=chosen)
    )


class KeepShownOrderMixin:
    """Saves every menu item's position as shown in the editor, changed or not."""

    def save_instance(self):
        instance = super().save_instance()
        formset = self.form.formsets.get("menu_items")
        if formset is None:
            return instance
        moved = 0
        for position, form in enumerate(formset.ordered_forms):
            if form.instance.pk is not None:
                moved += (
                    formset.model.objects.filter(pk=form.instance.pk)
                    .exclude(sort_order=position)
                    .update(sort_order=position)
                )
        if moved:
            bump_content_generation()  # update() sends no signal: purge pages again
        return instance


class MainMenuIndexView(menuadmin.MainMenuIndexView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied  # Wagtail's "no permission" message, not a 500
        return super().dispatch(request, *args, **kwargs)


class MainMenuEditView(KeepShownOrderMixin, menuadmin.MainMenuEditView):
    pass


class FlatMenuCreateView(KeepShownOrderMixin, menuadmin.FlatMenuCreateView):
    pass


class FlatMenuEditView(KeepShownOrderMixin, menuadmin.EditView):
    pass


class MainMenuAdmin(menuadmin.MainMenuAdmin):
    """wagtailmenus' main menu editor (WAGTAILMENUS_MAIN_MENUS_ADMIN_CLASS)."""

    index_view_class = MainMenuIndexView
    edit_view_class = MainMenuEditView


class FlatMenuAdmin(menuadmin.FlatMenuAdmin):
    """wagtailmenus' flat menu editor (WAGTAILMENUS_FLAT_MENUS_ADMIN_CLASS)."""

    add_view_class = FlatMenuCreateView
    edit_view_class = FlatMenuEditView
