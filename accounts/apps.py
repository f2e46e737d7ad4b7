from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Admin sign-in fit for health information: two factors, lockout, idle logoff
    and the audit of every sign-in event."""

    name = "accounts"
    verbose_name = "Sign-in"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts import audit, middleware

        audit.connect_signal_receivers()
        user_logged_in.connect(
            middleware.start_session_clock, dispatch_uid="accounts.session_clock"
        )
