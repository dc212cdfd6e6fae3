"""Who may do what: one named function per question, each tested for every role."""


def is_member(user) -> bool:
    """Signed in with a verified address (allauth only lets verified people log in)."""
    return bool(user and user.is_authenticated and user.is_active)


def is_process_manager(user) -> bool:
    """One of the office's staff. Every staff-only check in every app asks this, so someone who
    must use two-factor and has not set it up is not yet staff anywhere: not on the staff pages,
    not in a working group's contact details, not for a case's attachments."""
    return is_member(user) and user.is_process_manager and not must_set_up_two_factor(user)


def has_process_manager_role(user) -> bool:
    """One of the office's staff by role, whether or not they may act as staff yet: a case may
    be given to a colleague who has still to set up two-factor, and waits for them."""
    return is_member(user) and user.is_process_manager


def is_administrator(user) -> bool:
    return is_member(user) and user.is_superuser and not must_set_up_two_factor(user)


def must_use_two_factor(user) -> bool:
    """Process managers and administrators, where MFA_REQUIRED_FOR_STAFF is on: their accounts
    open personal data and the admin, so a stolen password alone must not be enough."""
    from django.conf import settings

    return (
        settings.MFA_REQUIRED_FOR_STAFF
        and is_member(user)
        and (user.is_process_manager or user.is_staff or user.is_superuser)
    )


def must_set_up_two_factor(user) -> bool:
    """Someone who must use two-factor and has no authenticator app yet."""
    from meetmalmo.accounts.selectors import has_two_factor

    return must_use_two_factor(user) and not has_two_factor(user)


def can_confirm_organisations(user) -> bool:
    """Whether an organisation typed at sign-up is real is the office's to say."""
    return is_process_manager(user)


def can_delete_own_account(user) -> bool:
    """Members delete their own account; staff accounts are removed by an administrator, who
    first hands their cases and groups to someone else."""
    return is_member(user) and not (user.is_process_manager or user.is_staff or user.is_superuser)


def is_confirmed_member_of(user, organisation) -> bool:
    """Someone the portal already counts as the organisation's, in a confirmed organisation."""
    return (
        is_member(user)
        and organisation is not None
        and organisation.confirmed
        and user.organisation_id == organisation.pk
    )


def can_decide_membership_request(user, membership_request) -> bool:
    """The office decides every request; a confirmed member decides for their own organisation,
    except for a City department or another public authority, which only the office vouches for.
    A request's own person never decides it."""
    from meetmalmo.core.models import Sphere

    if membership_request.user_id == getattr(user, "pk", None):
        return False
    if is_process_manager(user):
        return True
    organisation = membership_request.organisation
    if organisation.sphere in (Sphere.CITY, Sphere.PUBLIC_AUTHORITY):
        return False
    return is_confirmed_member_of(user, organisation)


def can_approve_domains(user) -> bool:
    """Which e-mail domains make someone an organisation's member is the office's to say."""
    return is_process_manager(user)
