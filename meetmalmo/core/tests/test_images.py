"""Uploaded images: stored upright and resized, and refused with a clear message when they are
not what the pages can show."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageOps

from meetmalmo.core.images import resized, validate_image

ORIENTATION = 0x0112  # the EXIF tag a camera writes instead of turning the pixels
RED, BLUE, GREEN, WHITE = (200, 0, 0), (0, 0, 200), (0, 160, 0), (250, 250, 250)


def phone_photo(width=2400, height=1200, orientation=6, name="telefon.jpg"):
    """A JPEG as a phone stores a portrait photo: the pixels lying on their side (red, blue,
    green and white quarters from the top left) and an orientation tag saying how to turn them
    upright."""
    image = Image.new("RGB", (width, height), WHITE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    image.paste(BLUE, (width // 2, 0, width, height // 2))
    image.paste(GREEN, (0, height // 2, width // 2, height))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def close_to(pixel, colour) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True))


def test_a_phone_photo_is_turned_upright_before_it_is_resized():
    # Orientation 6: turned a quarter clockwise to be shown, the left edge ends up on top.
    stored = resized(phone_photo())
    with Image.open(stored) as image:
        assert image.size == (1200, 2400)
        corners = [(10, 10), (1190, 10), (10, 2390), (1190, 2390)]
        seen = [image.getpixel(corner) for corner in corners]
        for pixel, colour in zip(seen, [GREEN, RED, WHITE, BLUE], strict=True):
            assert close_to(pixel, colour), seen
        # Upright now: no tag left to make a viewer turn it a second time.
        assert image.getexif().get(ORIENTATION) in (None, 1)


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_every_orientation_is_shown_as_the_camera_meant(orientation):
    upload = phone_photo(400, 200, orientation)
    with Image.open(upload) as original:
        expected = ImageOps.exif_transpose(original).convert("RGB")
    with Image.open(resized(upload)) as image:
        assert image.size == expected.size
        right, bottom = expected.width - 5, expected.height - 5
        for point in [(5, 5), (right, 5), (5, bottom), (right, bottom)]:
            assert close_to(image.getpixel(point), expected.getpixel(point))


def test_a_photo_without_orientation_is_kept_as_it_is():
    out = io.BytesIO()
    Image.new("RGB", (1600, 800), RED).save(out, format="JPEG")
    upload = SimpleUploadedFile("liggande.jpg", out.getvalue())
    with Image.open(resized(upload)) as image:
        assert image.size == (1200, 600)


def _chunk(kind: bytes, content: bytes) -> bytes:
    crc = zlib.crc32(kind + content)
    return struct.pack(">I", len(content)) + kind + content + struct.pack(">I", crc)


def png_claiming(width: int, height: int, name: str = "bomb.png") -> SimpleUploadedFile:
    """A PNG of a few hundred bytes whose header claims width × height black-and-white
    pixels: what someone sends to make a server decode far more than it received."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress((b"\0" * (1 + (width + 7) // 8)) * 16, 9)
    content = b"".join([b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header), _chunk(b"IDAT", rows)])
    return SimpleUploadedFile(name, content + _chunk(b"IEND", b""), content_type="image/png")


def test_the_image_check_answers_a_decompression_bomb_with_a_message_not_an_error():
    with translation.override("en"), pytest.raises(ValidationError, match="too many pixels"):
        validate_image(png_claiming(20_000, 20_000))
