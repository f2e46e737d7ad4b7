"""Development logins: created with generated passwords that `make run` prints.

Passwords are kept in a git-ignored file so that the same login keeps working from one
`make run` to the next. Production never uses this: it refuses to run without DEBUG
unless the password is given explicitly."""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured


def logins_file():
    return Path(settings.BASE_DIR) / ".dev-logins.json"


def _read_saved():
    try:
        return json.loads(logins_file().read_text())
    except (FileNotFoundError, ValueError):
        return {}


def _save(saved):
    path = logins_file()
    path.write_text(json.dumps(saved, indent=2))
    os.chmod(path, 0o600)


def ensure_login(username, *, email, password=None, superuser=False, groups=()):
    """Make sure `username` can log in; return the password that works now.

    An explicit password is always set. Otherwise the saved development password is
    kept while it still works, and a new one is generated when it does not."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    saved = _read_saved()
    if password is None:
        if not settings.DEBUG:
            raise ImproperlyConfigured(
                f"Refusing to generate a password for {username!r} outside "
                "development; give the password explicitly."
            )
        password = saved.get(username)
        if not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
    if not user.check_password(password):
        user.set_password(password)
    user.is_active = True
    user.is_staff = user.is_staff or superuser
    user.is_superuser = user.is_superuser or superuser
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if settings.DEBUG:
        saved[username] = password
        _save(saved)
    return password
