import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from meetmalmo.accounts.validators import luhn_ok, validate_http_url, validate_org_number


@pytest.mark.parametrize("number", ["212000-1124", "556677-8899", "202100-5489"])
def test_it_accepts_valid_organisation_numbers(number):
    validate_org_number(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("212000-1125", "checksum"),
        ("2120001124", "format"),
        ("21200-01124", "format"),
        ("abcdef-ghij", "format"),
        ("", "format"),
        ("212000-1124\n", "format"),
    ],
)
def test_it_rejects_bad_organisation_numbers(number, code):
    with pytest.raises(ValidationError) as error:
        validate_org_number(number)
    assert error.value.code == code


def test_luhn_matches_the_known_check_digit():
    assert luhn_ok("2120001124")
    assert not luhn_ok("2120001123")


@pytest.mark.parametrize("url", ["https://malmo.se", "http://example.se/path?q=1"])
def test_it_accepts_web_addresses(url):
    validate_http_url(url)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.se", "data:text/html,hi", "//example.se"]
)
def test_it_rejects_other_schemes(url):
    with pytest.raises(ValidationError):
        validate_http_url(url)


def test_a_photo_over_the_limit_is_refused(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetmalmo.accounts.validators import validate_photo_size

    settings.PHOTO_MAX_BYTES = 1024
    validate_photo_size(SimpleUploadedFile("ok.png", b"x" * 1024))
    with translation.override("en"), pytest.raises(ValidationError, match="too large"):
        validate_photo_size(SimpleUploadedFile("big.png", b"x" * 1025))
