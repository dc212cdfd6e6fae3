"""Reads about people and organisations."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.db.models import QuerySet

from meetmalmo.accounts.models import ContactProfile


def listed_contacts() -> QuerySet[ContactProfile]:
    """The process managers shown on the public contact page, in the office's chosen order."""
    return ContactProfile.objects.filter(
        listed=True, user__is_process_manager=True, user__is_active=True
    ).select_related("user")


def has_two_factor(user) -> bool:
    """Whether signing in asks this person for a code from their authenticator app."""
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])
