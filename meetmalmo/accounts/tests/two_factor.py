"""Test helpers for two-factor sign-in: codes computed as an authenticator app does (RFC 6238,
independently of allauth), and a person whose authenticator app is already set up."""

import base64
import hashlib
import hmac
import struct
import time

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from meetmalmo.accounts.tests.factories import PASSWORD


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for `secret` now (or at `at`)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def wrong_code(secret: str) -> str:
    return f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"


def give_two_factor(user) -> str:
    """Set up an authenticator app and recovery codes for `user`; returns the app's secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def recovery_codes(user) -> list[str]:
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return authenticator.wrap().get_unused_codes()


def sign_in(client, user, *, lang="en", next_url=None):
    """Sign in with the password through the login form, as a person does."""
    url = f"/{lang}/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


def confirm_password(client, response):
    """Changing two-factor settings asks for the password again first (allauth's
    reauthentication); give it, and return the answer to the request that asked."""
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{response.wsgi_request.LANGUAGE_CODE}/accounts/")
    assert "/reauthenticate/" in response["Location"]
    return client.post(response["Location"], {"password": PASSWORD})
