"""Development logins: created with generated passwords that `make run` prints.

Passwords are kept in the git-ignored `.dev-logins.json`, one set per database (keyed
by `database_identity()`), so that the same login keeps working from one `make run` to
the next, and switching `DATABASE_URL` between SQLite and PostgreSQL and back leaves
each database's logins as they were. Production never uses this: it refuses to run
without DEBUG unless the password is given explicitly."""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

FILE_FORMAT = 2


def logins_file():
    return Path(settings.BASE_DIR) / ".dev-logins.json"


def database_identity(alias=DEFAULT_DB_ALIAS):
    """Which database a login belongs to, without its password: for example
    `sqlite:/home/me/clinic/db.sqlite3` or `postgresql://postgres@127.0.0.1:5432/clinic`."""
    connection = connections[alias]
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:{Path(str(params['NAME'])).resolve()}"
    host = params.get("HOST") or "localhost"
    port = params.get("PORT") or ""
    user = params.get("USER") or ""
    address = f"{user}@{host}" if user else host
    return (
        f"{connection.vendor}://{address}{f':{port}' if port else ''}/{params['NAME']}"
    )


def _read_file():
    """The file's contents as {database identity: {username: {password, role}}}.

    The first format kept one flat {username: password} map whatever the database;
    those passwords are offered to the current database (ensure_login keeps one only
    if it works there) and the file is rewritten in the new format."""
    try:
        content = json.loads(logins_file().read_text())
    except (FileNotFoundError, ValueError):
        return {}, {}
    if not isinstance(content, dict):
        return {}, {}
    if content.get("format") == FILE_FORMAT:
        return content.get("databases", {}), {}
    legacy = {name: {"password": value} for name, value in content.items()}
    return {}, legacy


def _write_file(databases):
    path = logins_file()
    payload = {"format": FILE_FORMAT, "databases": databases}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    os.chmod(path, 0o600)


def saved_logins(alias=DEFAULT_DB_ALIAS):
    """The logins kept for this database: {username: {"password", "role"}}, in the
    order they were first made."""
    databases, _ = _read_file()
    return databases.get(database_identity(alias), {})


def ensure_login(
    username, *, email, password=None, superuser=False, groups=(), role=""
):
    """Make sure `username` can log in; return the password that works now.

    An explicit password is always set. Otherwise the password kept for this database
    is kept while it still works, and a new one is generated when it does not. `role`
    says who the login is for when `make run` prints it."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    databases, legacy = _read_file()
    identity = database_identity()
    saved = databases.setdefault(identity, {})
    if password is None:
        if not settings.DEBUG:
            raise ImproperlyConfigured(
                f"Refusing to generate a password for {username!r} outside "
                "development; give the password explicitly."
            )
        kept = saved.get(username) or legacy.get(username) or {}
        password = kept.get("password")
        if not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
    else:
        # A chosen password meets the same rules as any other (12 characters,
        # not a common one: AUTH_PASSWORD_VALIDATORS).
        validate_password(password, user)
    if not user.check_password(password):
        user.set_password(password)
    user.is_active = True
    user.is_staff = user.is_staff or superuser
    user.is_superuser = user.is_superuser or superuser
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if settings.DEBUG:
        saved[username] = {
            **saved.get(username, {}),
            "password": password,
            "role": role,
        }
        _write_file(databases)
    return password


def remember_login_details(username, **details):
    """Development only: keep more about a saved login (e.g. its demo TOTP secret)
    beside its password in `.dev-logins.json`, for this database."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Development logins are kept in DEBUG only.")
    databases, _ = _read_file()
    saved = databases.setdefault(database_identity(), {})
    saved.setdefault(username, {}).update(details)
    _write_file(databases)
