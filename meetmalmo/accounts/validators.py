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


# Addresses anyone can have: a domain like these says nothing about where someone works.
PUBLIC_WEBMAIL = frozenset(
    {
        "aol.com",
        "bredband.net",
        "comhem.se",
        "gmail.com",
        "gmx.com",
        "gmx.net",
        "googlemail.com",
        "hotmail.com",
        "hotmail.se",
        "icloud.com",
        "live.com",
        "live.se",
        "mac.com",
        "me.com",
        "msn.com",
        "outlook.com",
        "outlook.se",
        "proton.me",
        "protonmail.com",
        "spray.se",
        "telia.com",
        "tutanota.com",
        "yahoo.com",
        "yahoo.se",
        "yandex.com",
        "zoho.com",
    }
)

DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def normalize_domain(value: str) -> str:
    """A domain as it is compared: lower case, without a leading @ or surrounding spaces."""
    return (value or "").strip().lower().removeprefix("@").rstrip(".")


def validate_approved_domain(value: str) -> None:
    if not DOMAIN_RE.fullmatch(value):
        raise ValidationError(
            _("Write the part of the address after @, for example malmo.se."), code="format"
        )
    if value in PUBLIC_WEBMAIL:
        raise ValidationError(
            _("%(domain)s is public webmail: anyone can have an address there."),
            params={"domain": value},
            code="webmail",
        )
