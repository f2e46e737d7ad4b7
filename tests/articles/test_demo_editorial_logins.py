import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from articles.models import ArticlePage
from articles.roles import MARKETING_EDITORS, MEDICAL_REVIEWERS

pytestmark = pytest.mark.django_db


def printed_password(out, username):
    return out.split(f"username '{username}', password '")[1].split("'")[0]


def test_the_demo_has_an_editor_and_a_reviewer_who_can_sign_in(
    demo_site, settings, tmp_path, capsys
):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_editorial_logins")

    settings.DEBUG = True
    settings.BASE_DIR = tmp_path  # keep .dev-logins.json out of the project
    call_command("demo_editorial_logins")

    out = capsys.readouterr().out
    users = get_user_model().objects
    editor, reviewer = users.get(username="editor"), users.get(username="reviewer")
    assert editor.check_password(printed_password(out, "editor"))
    assert reviewer.check_password(printed_password(out, "reviewer"))
    assert [g.name for g in editor.groups.all()] == [MARKETING_EDITORS]
    assert [g.name for g in reviewer.groups.all()] == [MEDICAL_REVIEWERS]
    assert not editor.is_superuser and not reviewer.is_superuser
    # The editor's role, not a superuser's: health articles go live through review.
    article = ArticlePage.objects.live().first()
    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(editor).can_edit()


def test_running_it_again_keeps_the_printed_passwords(
    demo_site, settings, tmp_path, capsys
):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    call_command("demo_editorial_logins")
    first = printed_password(capsys.readouterr().out, "editor")

    call_command("demo_editorial_logins")

    assert printed_password(capsys.readouterr().out, "editor") == first
