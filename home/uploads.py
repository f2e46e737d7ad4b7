"""The admin's image and document upload forms (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): a damaged or incomplete file, such as a JPEG cut in
half by an interrupted copy, is a form error next to the file field, never a 500 or a
stored file that later breaks pages. Used by the add, edit, chooser and
multiple-upload views alike."""

import zipfile

from django import forms
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_MESSAGE = (
    "This image file is damaged or incomplete (the upload or an earlier copy may "
    "have been cut off). Please save or export it again and upload the new file."
)
DAMAGED_DOCUMENT_MESSAGE = (
    "This .%(extension)s file is damaged or incomplete (the upload or an earlier "
    "copy may have been cut off). Please save it again and upload the new file."
)
# Formats Pillow can decode; SVG (if allowed) is text and not decoded here.
DECODED_FORMATS = {"jpeg", "png", "gif", "webp", "bmp", "tiff", "avif", "heic", "ico"}
# Document formats that are ZIP containers (Office Open XML, OpenDocument).
ZIP_DOCUMENTS = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}


def decode_image(file):
    """Decode the whole image once (a JPEG at 1/8 scale: every byte is still read),
    so that a truncated or corrupt file raises OSError now rather than when the first
    rendition is made. Leaves the file at its start."""
    file.seek(0)
    with PILImage.open(file) as image:
        if image.format == "JPEG":
            image.draft("RGB", (max(image.width // 8, 1), max(image.height // 8, 1)))
        image.load()
    file.seek(0)


class CheckedImageField(WagtailImageField):
    """Wagtail's image upload field, which also refuses files that cannot be decoded
    to the end (Wagtail 7.4's raises OSError from Pillow for some of them)."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
            if uploaded is not None and uploaded.image.format_name in DECODED_FORMATS:
                decode_image(uploaded)
        except (OSError, SyntaxError, PILImage.DecompressionBombError) as error:
            raise ValidationError(
                DAMAGED_IMAGE_MESSAGE, code="damaged_image"
            ) from error
        return uploaded


class ImageForm(BaseImageForm):
    """Wagtail's image form with CheckedImageField as its file field."""

    file = CheckedImageField(label="File", widget=BaseImageForm.Meta.widgets["file"])


def document_is_complete(file, extension):
    """Whether a document of a format with a known structure is whole: a PDF starts
    with its header and ends with %%EOF (ISO 32000-1, 7.5); a ZIP container (Office,
    OpenDocument) reads back with every checksum right. Other formats (csv, txt)
    have no structure to check and are taken as they are."""
    file.seek(0)
    try:
        if extension == "pdf":
            head = file.read(1024)
            file.seek(max(file.size - 1024, 0))
            return head.startswith(b"%PDF-") and b"%%EOF" in file.read()
        if extension in ZIP_DOCUMENTS:
            with zipfile.ZipFile(file) as archive:
                return archive.testzip() is None
        if extension == "rtf":
            return file.read(5) == b"{\\rtf"
        return True
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False
    finally:
        file.seek(0)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a damaged or incomplete PDF or Office
    document."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
            if not document_is_complete(file, extension):
                raise forms.ValidationError(
                    DAMAGED_DOCUMENT_MESSAGE,
                    code="damaged_document",
                    params={"extension": extension},
                )
        return file
