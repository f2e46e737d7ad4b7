from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem

from accounts import views
from accounts.audit import register_sign_in_log_actions
from accounts.devices import has_app_device


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/setup/", views.setup, name="accounts_two_factor_setup"),
        path(
            "two-factor/recovery-codes/",
            views.recovery_codes,
            name="accounts_recovery_codes",
        ),
        path(
            "two-factor/reset/<int:user_id>/",
            views.reset,
            name="accounts_two_factor_reset",
        ),
    ]


@hooks.register("register_log_actions")
def register_sign_in_actions(actions):
    register_sign_in_log_actions(actions)


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    if has_app_device(request.user):
        return {
            "url": reverse("accounts_recovery_codes"),
            "label": "Two-factor recovery codes",
            "help_text": "Make a new set of single-use recovery codes.",
        }
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": "Set up two-factor sign-in",
        "help_text": "Sign in with a code from an authenticator app as well as your "
        "password.",
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if request_user.is_superuser:
        yield MenuItem(
            "Reset two-factor sign-in",
            reverse("accounts_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
