"""Reads about people and organisations."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.db.models import QuerySet

from meetmalmo.accounts.models import (
    ApprovedDomain,
    CalendarFeed,
    ContactProfile,
    MembershipRequest,
    Organisation,
    User,
)


def listed_contacts() -> QuerySet[ContactProfile]:
    """The process managers shown on the public contact page, in the office's chosen order."""
    return ContactProfile.objects.filter(
        listed=True, user__is_process_manager=True, user__is_active=True
    ).select_related("user")


def has_two_factor(user) -> bool:
    """Whether signing in asks this person for a code from their authenticator app."""
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def organisations(*, unconfirmed: bool = False):
    """The organisations people pick theirs from, by name: those the office has confirmed
    (with `unconfirmed`, for staff, every one)."""
    found = Organisation.objects.order_by("name")
    return found if unconfirmed else found.filter(confirmed=True)


def organisations_to_confirm():
    """Organisations typed at sign-up that the office has not confirmed yet, oldest first."""
    return (
        Organisation.objects.filter(confirmed=False)
        .select_related("created_by")
        .order_by("created_at", "pk")
    )


def organisation_to_confirm(pk: int) -> Organisation | None:
    return Organisation.objects.filter(pk=pk, confirmed=False).first()


def organisation_name_taken(name: str) -> bool:
    return Organisation.objects.filter(name__iexact=name.strip()).exists()


def person_by_email(email: str) -> User | None:
    """The account with this address, in any case of letters, whether it was used or not."""
    return User.objects.filter(email__iexact=email.strip()).first() if email else None


def active_person_by_email(email: str) -> User | None:
    """Someone who can be asked to join a group or take over its work: an open account."""
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()


def active_person(pk) -> User | None:
    if not str(pk).isdigit():
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def calendar_feed(user) -> CalendarFeed | None:
    """The person's calendar address, if they have made one."""
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_owner(token: str) -> User | None:
    """Whose calendar a secret opens: an active process manager's, or nobody's."""
    if not token or len(token) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(
            digest=CalendarFeed.digest_of(token),
            user__is_active=True,
            user__is_process_manager=True,
        )
        .first()
    )
    return feed.user if feed else None


def waiting_membership_request(user):
    """The person's own request to join an organisation that nobody has decided yet. Someone
    who belongs to an organisation has none (approving or a domain closes it), so for them
    nothing is asked of the database."""
    if not getattr(user, "is_authenticated", False) or user.organisation_id is not None:
        return None
    return (
        MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.WAITING)
        .select_related("organisation")
        .first()
    )


def membership_requests_to_decide(user):
    """The waiting requests this person may decide: every one for staff, those for their own
    confirmed organisation for its members (never a public body's, never their own). One query,
    with the organisation's checks in it, since My page asks it for everyone."""
    from meetmalmo.accounts.permissions import is_member, is_process_manager
    from meetmalmo.core.models import Sphere

    waiting = (
        MembershipRequest.objects.filter(status=MembershipRequest.Status.WAITING)
        .exclude(user=user)
        .select_related("user", "organisation")
        .order_by("created_at", "pk")
    )
    if is_process_manager(user):
        return waiting
    if not is_member(user) or user.organisation_id is None:
        return waiting.none()
    return waiting.filter(organisation=user.organisation_id, organisation__confirmed=True).exclude(
        organisation__sphere__in=[Sphere.CITY, Sphere.PUBLIC_AUTHORITY]
    )


def membership_request(pk) -> MembershipRequest | None:
    if not str(pk).isdigit():
        return None
    return (
        MembershipRequest.objects.filter(pk=pk, status=MembershipRequest.Status.WAITING)
        .select_related("user", "organisation")
        .first()
    )


def deciders_of(organisation) -> QuerySet[User]:
    """Who decides a request to join `organisation` besides the office: its members, when it is
    confirmed and not a public body. None means the office alone decides."""
    from meetmalmo.core.models import Sphere

    if not organisation.confirmed or organisation.sphere in (
        Sphere.CITY,
        Sphere.PUBLIC_AUTHORITY,
    ):
        return User.objects.none()
    return User.objects.filter(organisation=organisation, is_active=True).order_by("name", "pk")


def organisation_for_address(email: str) -> Organisation | None:
    """The confirmed organisation whose approved domain this address is at."""
    domain = (email or "").rpartition("@")[2].strip().lower()
    if not domain:
        return None
    found = (
        ApprovedDomain.objects.filter(domain=domain, organisation__confirmed=True)
        .select_related("organisation")
        .first()
    )
    return found.organisation if found else None


def approved_domains():
    return ApprovedDomain.objects.select_related("organisation").order_by("domain")
