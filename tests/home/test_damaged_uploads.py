"""A damaged or incomplete upload (a JPEG cut in half, a PDF or Word file cut short)
is a form error in the admin, for a marketing editor, in the single and the
multiple-upload views; nothing is stored."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.uploads import DAMAGED_IMAGE_MESSAGE
from tests.factories import make_user

pytestmark = pytest.mark.django_db

DAMAGED_DOCUMENT = "is damaged or incomplete"


@pytest.fixture
def editor_client(client, home_page):
    client.force_login(make_user("marketer", groups=["Marketing editors"]))
    return client


def jpeg(size=(800, 600)):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def half(data):
    return data[: len(data) // 2]


def upload(name, data, content_type):
    return SimpleUploadedFile(name, data, content_type)


def pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
        b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n"
        + b"%" * 2000
        + b"\n%%EOF\n"
    )


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 200)
        archive.writestr("word/document.xml", "<w:document/>" * 500)
    return buffer.getvalue()


def test_a_jpeg_cut_in_half_is_a_form_error(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Waiting room",
            "file": upload("room.jpg", half(jpeg()), "image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert DAMAGED_IMAGE_MESSAGE in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_jpeg_cut_in_half_is_refused_by_the_multiple_upload(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("room.jpg", half(jpeg()), "image/jpeg")},
    )

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert DAMAGED_IMAGE_MESSAGE in answer["error_message"]
    assert not get_image_model().objects.exists()


def test_a_whole_jpeg_is_accepted(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {"title": "Waiting room", "file": upload("room.jpg", jpeg(), "image/jpeg")},
    )

    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Waiting room"


@pytest.mark.parametrize(
    ("name", "data"),
    [("brochure.pdf", half(pdf())), ("consent.docx", half(docx()))],
    ids=["pdf", "docx"],
)
def test_a_document_cut_short_is_a_form_error(editor_client, name, data):
    single = editor_client.post(
        "/admin/documents/add/",
        {"title": "Brochure", "file": upload(name, data, "application/octet-stream")},
    )
    multiple = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(name, data, "application/octet-stream")},
    )

    assert single.status_code == 200
    assert DAMAGED_DOCUMENT in single.content.decode()
    assert multiple.json()["success"] is False
    assert DAMAGED_DOCUMENT in multiple.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [("brochure.pdf", pdf()), ("consent.docx", docx()), ("hours.csv", b"a,b\n1,")],
    ids=["pdf", "docx", "csv"],
)
def test_whole_documents_are_accepted(editor_client, name, data):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Brochure", "file": upload(name, data, "application/octet-stream")},
    )

    assert response.status_code == 302
    assert get_document_model().objects.count() == 1
