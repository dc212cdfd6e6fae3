"""The signed part of an unsubscribe link: whose e-mail and which kind (or which digest). It
names one person only, so a link forwarded or guessed at stops nobody else's e-mail."""

from django.core import signing

SALT = "notifications.unsubscribe"


def make(user, what: str) -> str:
    return signing.dumps({"u": user.pk, "w": what}, salt=SALT, compress=True)


def read(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token[:500], salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data["u"], str(data.get("w", ""))
