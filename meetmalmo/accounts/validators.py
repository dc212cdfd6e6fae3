"""Validators for Swedish identifiers and safe links."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_RE = re.compile(r"^\d{6}-\d{4}$")


def normalize_org_number(value: str) -> str:
    """An organisation number as the portal shows it, NNNNNN-NNNN, from ten digits written
    with or without the hyphen (and spaces); anything else is left for the validator."""
    compact = re.sub(r"\s", "", value or "")
    if re.fullmatch(r"\d{10}", compact):
        return f"{compact[:6]}-{compact[6:]}"
    return compact


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by Swedish organisation numbers (weights 2,1,2,1… from the left)."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def validate_org_number(value: str) -> None:
    if not ORG_NUMBER_RE.fullmatch(value):
        raise ValidationError(
            _(
                "Write the organisation number as ten digits, with or without the hyphen, "
                "for example 212000-1124."
            ),
            code="format",
        )
    if not luhn_ok(value.replace("-", "")):
        raise ValidationError(
            _("This organisation number is not valid: its last digit does not match."),
            code="checksum",
        )


validate_http_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


def validate_photo_size(file) -> None:
    limit = settings.PHOTO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The photo is too large: at most %(megabytes)s MB is allowed."),
            params={"megabytes": round(limit / 1024 / 1024, 1)},
            code="too_large",
        )
