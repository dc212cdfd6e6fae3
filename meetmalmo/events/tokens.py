"""The links in the meetings' e-mail: a visitor's confirmation and cancellation, and a
resource's one-click registration. Each is signed, so it cannot be made up or changed, and
names what it is for, so a cancel link confirms nothing."""

from django.core import signing

SALT = "meeting-links"


def make(purpose: str, *ids: int) -> str:
    return signing.dumps([purpose, *ids], salt=SALT, compress=False)


def read(purpose: str, token: str, count: int = 1) -> tuple[int, ...] | None:
    """The ids the token was made for, or None for a token made up, changed or for another
    purpose."""
    try:
        found, *ids = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if found != purpose or len(ids) != count or not all(isinstance(i, int) for i in ids):
        return None
    return tuple(ids)
