"""The file email backend is usable in development: its folder comes from
EMAIL_FILE_PATH."""

from tests.home.test_commands_and_settings import run_manage


def test_the_file_backend_writes_mail_to_the_folder_the_environment_names(tmp_path):
    folder = tmp_path / "outbox"
    result = run_manage(
        "sendtestemail",
        "someone@clinic.example",
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(folder),
        },
    )

    assert result.returncode == 0, result.stderr
    (message,) = folder.iterdir()
    assert "To: someone@clinic.example" in message.read_text()
