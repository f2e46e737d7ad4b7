from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticFilesRunserver,
)

from home.logins import database_identity, saved_logins


class Command(StaticFilesRunserver):
    help = (
        "Django's development server (serving static files). Once it listens it "
        "prints the site's address and the development logins kept for this "
        "database, so that they are the last lines on the screen."
    )

    def on_bind(self, server_port):
        """Replaces Django's banner (called once the socket is bound, again after
        each reload)."""
        host = f"[{self.addr}]" if self.use_ipv6 else self.addr
        if host == "0":
            host = "0.0.0.0"  # noqa: S104 - only names what Django bound
        url = f"{self.protocol}://{host}:{server_port}/"
        lines = [
            f"Development server (Django {self.get_version()}, not for production); "
            "stop it with CONTROL-C.",
            f"Site:  {url}",
            f"Admin: {url}admin/",
        ]
        logins = saved_logins() if settings.DEBUG else {}
        if logins:
            lines.append(f"Logins for this database ({database_identity()}):")
            width = max(len(name) for name in logins)
            for username, login in logins.items():
                role = f"  {login['role']}" if login.get("role") else ""
                lines.append(f"  {username:<{width}}  {login['password']}{role}")
                if settings.TWO_FACTOR_ENABLED and login.get("totp_secret"):
                    lines.append(f"  {'':<{width}}  TOTP secret {login['totp_secret']}")
            if settings.TWO_FACTOR_ENABLED:
                lines.append(
                    "Two-factor code now: .venv/bin/python manage.py two_factor_code "
                    "USERNAME (or add the TOTP secret to an authenticator app)"
                )
        self.stdout.write("\n".join(lines))
