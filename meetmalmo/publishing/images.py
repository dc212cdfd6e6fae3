"""Images for published pages: checked by content and size, and resized to the width the pages
use, so a visitor never downloads a camera's original."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

WIDTH = 1200  # the widest the pages show an image
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def validate_image(upload) -> None:
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(size)s.")
            % {"size": filesizeformat(settings.IMAGE_MAX_BYTES)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(_("This is not an image: use JPEG, PNG or WebP.")) from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(_("Use a JPEG, PNG or WebP image."))


def resized(upload) -> ContentFile:
    """The image upright, at most WIDTH wide, in its own format, without its metadata (camera,
    place)."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format
        # A phone stores a portrait photo lying on its side with a tag that says how to turn
        # it; the tag goes with the rest of the metadata, so the pixels are turned first.
        image = ImageOps.exif_transpose(original)
        image.thumbnail((WIDTH, WIDTH * 3))
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, format=image_format, quality=85)
    name = upload.name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "image"
    return ContentFile(out.getvalue(), name=f"{name}.{FORMATS[image_format]}")
