"""The people of the roles every permission test asks about, by their fixtures' names."""

from django.contrib.auth.models import AnonymousUser


def person(request, role: str):
    """The user of a role's fixture (`member`, `process_manager`, …); a visitor is nobody."""
    return AnonymousUser() if role == "visitor" else request.getfixturevalue(role)
