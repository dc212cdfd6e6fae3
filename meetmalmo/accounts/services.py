"""Writes about people and organisations, including deleting an account."""

import logging
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.accounts import personal_data, selectors
from meetmalmo.accounts.models import (
    ApprovedDomain,
    CalendarFeed,
    ContactProfile,
    MembershipRequest,
    Organisation,
    User,
)
from meetmalmo.accounts.permissions import (
    can_approve_domains,
    can_confirm_organisations,
    can_decide_membership_request,
    can_delete_own_account,
)
from meetmalmo.core import limits
from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import link_for, send_notice

logger = logging.getLogger(__name__)


def organisation_create(
    *,
    name: str,
    sphere: str,
    org_number: str = "",
    website: str = "",
    confirmed: bool = False,
    created_by: User | None = None,
) -> Organisation:
    """A new organisation; one typed at sign-up waits for the office to confirm it, one the
    office adds is confirmed at once."""
    organisation = Organisation(
        name=name.strip(),
        sphere=sphere,
        org_number=org_number.strip(),
        website=website.strip(),
        confirmed=confirmed,
        created_by=created_by,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def organisation_confirm(*, organisation: Organisation, actor: User) -> Organisation:
    """The office vouches for the organisation: from now on everyone may pick it."""
    if not can_confirm_organisations(actor):
        raise Refused(_("Only process managers confirm organisations."))
    organisation.confirmed = True
    organisation.save(update_fields=["confirmed"])
    logger.info("Organisation %s confirmed by %s", organisation.pk, actor.pk)
    return organisation


@transaction.atomic
def organisations_merge(*, keep: Organisation, duplicates) -> int:
    """Merge duplicates into `keep`: every person, initiative, effort, handover and whatever
    else names one of them is moved to `keep` first, so nothing is lost; then they go. Reached
    through the model's own relations, so accounts needs to know no app above it. Returns how
    many were merged."""
    others = [org for org in duplicates if org.pk != keep.pk]
    for relation in Organisation._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and (relation.one_to_many or relation.one_to_one)):
            continue
        relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": others}
        ).update(**{relation.field.name: keep})
    if any(org.confirmed for org in others) and not keep.confirmed:
        keep.confirmed = True
        keep.save(update_fields=["confirmed"])
    Organisation.objects.filter(pk__in=[org.pk for org in others]).delete()
    logger.info("Organisations %s merged into %s", [org.pk for org in others], keep.pk)
    return len(others)


@transaction.atomic
def make_process_manager(
    *, user: User, title_sv: str = "", title_en: str = "", phone: str = "", listed: bool = True
) -> ContactProfile:
    """Give someone the process manager role and a public contact card."""
    user.is_process_manager = True
    user.save(update_fields=["is_process_manager"])
    profile, _ = ContactProfile.objects.get_or_create(
        user=user,
        defaults={
            "title_sv": title_sv or "Processledare",
            "title_en": title_en or "Process manager",
            "phone": phone,
            "listed": listed,
        },
    )
    changed = {
        field: value
        for field, value in {"title_sv": title_sv, "title_en": title_en, "phone": phone}.items()
        if value and getattr(profile, field) != value
    }
    if changed:
        for field, value in changed.items():
            setattr(profile, field, value)
        profile.save(update_fields=list(changed))
    return profile


@transaction.atomic
def remove_process_manager(*, user: User) -> None:
    user.is_process_manager = False
    user.save(update_fields=["is_process_manager"])
    ContactProfile.objects.filter(user=user).update(listed=False)
    CalendarFeed.objects.filter(user=user).delete()  # the feed is a process manager's


@transaction.atomic
def contact_get_or_create(
    *,
    email: str,
    name: str,
    organisation: Organisation | None,
    new_organisation: dict | None,
    language: str | None = None,
) -> User:
    """The person an initiative came from: their account, or a new unverified contact who can
    claim it later by resetting the password for that address. A new contact is written to in
    `language`, the one they spoke or wrote in."""
    existing = User.objects.filter(email__iexact=email.strip()).first()
    if existing:
        return existing
    user = User(
        email=email.strip().lower(),
        name=name.strip(),
        # The office records this person itself, so the organisation it types is confirmed.
        organisation=organisation or organisation_create(**new_organisation, confirmed=True),
        **({"language": language} if language else {}),
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete a member's account and what is only theirs, all or nothing (GDPR art. 17).

    Gone: the account, its e-mail addresses and sessions, group memberships, invitations,
    handovers still waiting for them, the resource profile, drafts never sent, and the e-mail
    queue's messages to them. Kept with the organisation, the person shown as a former member:
    submitted initiatives and their case history (public records), accepted handovers, updates
    and reports. Comments sent from a verified address of theirs stay with name and address
    blanked."""
    if not can_delete_own_account(user):
        raise Refused(
            _(
                "Accounts of process managers and administrators are removed by an "
                "administrator, once their cases and groups have been handed over. "
                "Write to %(email)s."
            )
            % {"email": settings.CONTACT_EMAIL}
        )
    user = User.objects.select_for_update().get(pk=user.pk)
    personal_data.erase(user)
    _delete_sessions(user)
    try:
        user.delete()
    except (ProtectedError, RestrictedError) as error:
        # Something that must not lose its person; the transaction undoes everything above.
        logger.error("Account %s could not be deleted: %s", user.pk, error)
        raise Refused(
            _("Your account could not be deleted. Nothing was removed. Write to %(email)s.")
            % {"email": settings.CONTACT_EMAIL}
        ) from error


def _delete_sessions(user: User) -> None:
    """End every session the person is signed in with, on every device: allauth records each
    one when they sign in."""
    from allauth.usersessions.adapter import get_adapter
    from allauth.usersessions.models import UserSession

    get_adapter().end_sessions(UserSession.objects.filter(user=user))


def unverified_accounts(*, days: int = 30):
    """Accounts nobody has ever used: no verified address, never signed in, created more than
    `days` ago, not staff, and with nothing the portal keeps (an initiative recorded for a
    contact by a process manager keeps its contact)."""
    candidates = User.objects.filter(
        date_joined__lt=timezone.now() - timedelta(days=days),
        last_login=None,
        is_staff=False,
        is_superuser=False,
        is_process_manager=False,
    ).exclude(Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)))
    for model, field in personal_data.ties():
        candidates = candidates.exclude(Exists(model.objects.filter(**{field: OuterRef("pk")})))
    return candidates


@transaction.atomic
def prune_unverified(*, days: int = 30, dry_run: bool = False) -> int:
    """Delete the accounts of `unverified_accounts`; returns how many there were."""
    ids = list(unverified_accounts(days=days).values_list("pk", flat=True))
    if not dry_run and ids:
        User.objects.filter(pk__in=ids).delete()
    return len(ids)


@transaction.atomic
def calendar_feed_create(*, user: User) -> str:
    """Make the person's private calendar address, replacing any earlier one, which stops
    working. Returns the secret of the address; only its digest is kept."""
    if not user.is_process_manager:
        raise Refused(_("Only process managers have a calendar feed."))
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user, defaults={"digest": CalendarFeed.digest_of(token), "created_at": timezone.now()}
    )
    return token


def calendar_feed_revoke(*, user: User) -> bool:
    """Stop the person's calendar address. Returns whether there was one."""
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


# Once in this many seconds per account and place at most: the attempts that go on after the
# first refusal are refused too, and the owner needs to hear of them once.
WRONG_PASSWORDS_NOTICE_SECONDS = 60 * 60


def tell_of_wrong_passwords(*, user: User, place: str) -> bool:
    """Tell the owner that signing in to their account was paused after wrong passwords from
    `place` (an IP address), with the way back in: a new password, which also ends the pause.
    Whether a notice was sent (not if one already was within the hour)."""
    count = limits.hit(
        "wrong-passwords-notice",
        f"{user.pk}|{place}",
        limit=1,
        window=WRONG_PASSWORDS_NOTICE_SECONDS,
    )
    if count.exceeded:
        return False
    send_notice(
        "accounts/email/wrong_passwords",
        user,
        {
            "place": place,
            "when": timezone.localtime(),
            "reset_link": link_for(user, "account_reset_password"),
            "login_link": link_for(user, "account_login"),
        },
    )
    return True


@transaction.atomic
def membership_request_create(*, user: User, organisation: Organisation) -> MembershipRequest:
    """The person asks to belong to an existing organisation and belongs to none until someone
    who may decides (`permissions.can_decide_membership_request`). Those who decide are told."""
    if not organisation.confirmed:
        raise Refused(_("This organisation is not confirmed by the office yet."))
    if user.organisation_id is not None:
        raise Refused(_("You already belong to an organisation."))
    if selectors.waiting_membership_request(user) is not None:
        raise Refused(_("You already have a request waiting."))
    request = MembershipRequest.objects.create(user=user, organisation=organisation)
    transaction.on_commit(lambda: _tell_deciders(request))
    logger.info("Person %s asks to join organisation %s", user.pk, organisation.pk)
    return request


def _tell_deciders(request: MembershipRequest) -> None:
    deciders = list(selectors.deciders_of(request.organisation).exclude(pk=request.user_id))
    if not deciders:
        # Nobody in the organisation may vouch yet: the office decides, on its own page.
        deciders = list(User.objects.filter(is_process_manager=True, is_active=True).order_by("pk"))
        page = "accounts:organisations_to_confirm"
    else:
        page = "accounts:organisation"
    for decider in deciders:
        send_notice(
            "accounts/email/membership_requested",
            decider,
            {
                "person": request.user,
                "organisation": request.organisation,
                "link": link_for(decider, page),
            },
        )


@transaction.atomic
def membership_request_decide(
    *, membership_request: MembershipRequest, actor: User, approve: bool
) -> MembershipRequest:
    """Approve or decline a waiting request; approved, the person is the organisation's member.
    The person is told either way, with a link to their organisation page."""
    request = MembershipRequest.objects.select_for_update().get(pk=membership_request.pk)
    if request.status != MembershipRequest.Status.WAITING:
        raise Refused(_("This request has already been decided."))
    if not can_decide_membership_request(actor, request):
        raise Refused(_("You may not decide this request."))
    request.status = (
        MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.DECLINED
    )
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        User.objects.filter(pk=request.user_id).update(organisation=request.organisation)
    person = request.user
    transaction.on_commit(
        lambda: send_notice(
            "accounts/email/membership_approved"
            if approve
            else "accounts/email/membership_declined",
            person,
            {
                "organisation": request.organisation,
                "link": link_for(person, "accounts:organisation"),
            },
        )
    )
    logger.info(
        "Request %s to join %s %s by %s",
        request.pk,
        request.organisation_id,
        request.status,
        actor.pk,
    )
    return request


@transaction.atomic
def join_by_approved_domain(*, user: User) -> Organisation | None:
    """Someone with a verified address at a domain the office approved for an organisation,
    and no organisation yet, becomes its member at once; a request they had waiting is then
    closed. Asked when an address is verified and at each sign-in."""
    if user.organisation_id is not None:
        return None
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    for address in addresses:
        organisation = selectors.organisation_for_address(address)
        if organisation is not None:
            break
    else:
        return None
    User.objects.filter(pk=user.pk, organisation=None).update(organisation=organisation)
    user.organisation = organisation
    # The address settles the question the request asked: the same organisation is approved,
    # another one is closed (a person belongs to one organisation).
    waiting = MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.WAITING)
    waiting.filter(organisation=organisation).update(
        status=MembershipRequest.Status.APPROVED, decided_at=timezone.now()
    )
    waiting.update(status=MembershipRequest.Status.DECLINED, decided_at=timezone.now())
    logger.info("Person %s joins organisation %s by domain", user.pk, organisation.pk)
    return organisation


def approved_domain_add(*, organisation: Organisation, domain: str, actor: User) -> ApprovedDomain:
    """The office approves an e-mail domain for a confirmed organisation."""
    if not can_approve_domains(actor):
        raise Refused(_("Only process managers approve e-mail domains."))
    approved = ApprovedDomain(organisation=organisation, domain=domain)
    approved.full_clean()
    approved.save()
    logger.info(
        "Domain %s approved for organisation %s by %s", approved.domain, organisation.pk, actor.pk
    )
    return approved
