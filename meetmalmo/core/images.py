"""Uploaded images: checked by content and size, and resized to the width the pages use, so a
visitor never downloads a camera's original."""

import io
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

WIDTH = 1200  # the widest the pages show an image
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# A photo is decoded at a half, a quarter or an eighth of its size (JPEG allows it, `resized`),
# so a phone's largest (about 50 million pixels) costs a fraction of its full size in memory.
MAX_PIXELS = 60_000_000
# PNG and WebP are decoded whole, four bytes a pixel at most: a small file of one colour can
# claim tens of millions of pixels, so these are held to what fits in this much memory.
MAX_DECODED_BYTES = 100 * 1024 * 1024
MAX_PIXELS_DECODED_WHOLE = MAX_DECODED_BYTES // 4


def pixel_limit(image_format: str | None) -> int:
    return MAX_PIXELS if image_format == "JPEG" else MAX_PIXELS_DECODED_WHOLE


def validate_pixels(upload) -> None:
    """Refuse an image whose header claims more pixels than its format may decode, before
    anything decodes it. Other faults are left to the image checks that follow, which name
    them."""
    upload.seek(0)
    limit = MAX_PIXELS
    try:
        with Image.open(upload) as image:
            limit = pixel_limit(image.format)
            too_many = image.width * image.height > limit
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        too_many = True  # the warning is an error where warnings are turned into errors
    except Exception:  # what Pillow cannot read at all, the image checks that follow refuse
        too_many = False
    finally:
        upload.seek(0)
    if too_many:
        raise ValidationError(
            _(
                "The image has too many pixels: at most %(count)d million. Save it smaller and "
                "try again."
            )
            % {"count": limit // 1_000_000},
            code="too_many_pixels",
        )


def validate_image(upload) -> None:
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(size)s.")
            % {"size": filesizeformat(settings.IMAGE_MAX_BYTES)}
        )
    validate_pixels(upload)
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
        if original.width * original.height > pixel_limit(image_format):
            raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
        # A photo is decoded at the smallest scale that still leaves the width the pages show,
        # whichever way it is turned: a phone's largest then takes tens of megabytes, not
        # hundreds.
        original.draft(None, (WIDTH, WIDTH))
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


class ImageField(forms.ImageField):
    """Django's image field, which would call an image of too many pixels "not an image" (Pillow
    refuses to open it) or let it be decoded in full, says what is wrong with it first."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "seek"):
            validate_pixels(data)
        return super().to_python(data)


def require_description(form, *, fields=("image_alt_sv", "image_alt_en")) -> None:
    """A form's image needs a description, in one language at least, for those who cannot see
    it; the error goes beside the first description field."""
    cleaned = form.cleaned_data
    if cleaned.get("image") and not any(cleaned.get(name) for name in fields):
        form.add_error(fields[0], _("Describe the image for those who cannot see it."))


# "Foto: Malmö stad" typed into the credit would be shown as "Foto: Foto: Malmö stad".
CREDIT_PREFIX = re.compile(r"^\s*(?:foto|fotograf|photo|photograph|bild|image)\s*:\s*", re.I)


def bare_credit(credit: str) -> str:
    """The photographer's name without the "Photo:" the page puts before it."""
    while CREDIT_PREFIX.match(credit):
        credit = CREDIT_PREFIX.sub("", credit, count=1)
    return credit.strip()
