"""Images made to exhaust the server: a PNG of a quarter megabyte whose pixels decode to
256 MB (within Pillow's own ceiling of 89 million pixels, so it used to be decoded whole, about
780 MB in all) is refused before anything decodes it; a phone's largest photo is still taken,
decoded at a fraction of its size (35 MB, where decoding it whole took 400 MB). Each is checked
and resized in a process of its own, as a worker would, and the memory that adds is measured."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from meetmalmo.core.images import resized, validate_image
from meetmalmo.core.tests import bombs
from meetmalmo.core.tests.memory import peak_memory

MEMORY_BOUND_MB = 32
PHOTO_MEMORY_BOUND_MB = 64


def checked_and_resized(path):
    return peak_memory(
        path,
        imports="from meetmalmo.core.images import resized, validate_image",
        call="validate_image(upload); resized(upload)",
    )


def test_a_png_bomb_is_refused_within_the_memory_bound(tmp_path, settings):
    path = bombs.png_bomb(tmp_path / "bomb.png", 8000, 8000)
    assert path.stat().st_size <= settings.IMAGE_MAX_BYTES
    megabytes, answer = checked_and_resized(path)
    assert megabytes < MEMORY_BOUND_MB, f"{megabytes:.0f} MB"
    assert answer.startswith("ValidationError") and "för många pixlar" in answer


def test_a_large_phone_photo_is_resized_within_its_memory_bound(tmp_path):
    path = tmp_path / "telefon.jpg"
    Image.new("RGB", (8000, 6000), (200, 30, 30)).save(path, format="JPEG", quality=70)
    megabytes, answer = checked_and_resized(path)
    assert answer == "accepted"
    assert megabytes < PHOTO_MEMORY_BOUND_MB, f"{megabytes:.0f} MB"


def test_a_lossless_image_past_its_own_limit_is_refused_with_a_message():
    out = io.BytesIO()
    Image.new("L", (6000, 5000)).save(out, format="PNG")  # 30 million pixels, a JPEG may have
    upload = SimpleUploadedFile("karta.png", out.getvalue(), content_type="image/png")
    with translation.override("en"), pytest.raises(ValidationError, match="at most 26 million"):
        validate_image(upload)


def test_resizing_refuses_what_the_check_would_have_refused(tmp_path):
    path = bombs.png_bomb(tmp_path / "bomb.png", 6000, 6000)
    upload = SimpleUploadedFile("bomb.png", path.read_bytes())
    with pytest.raises(ValidationError):
        resized(upload)
