"""Writes on working groups: opening one, invitations and their answers, the workspace's
milestones, updates and links, and the handover of ownership. Each is all or nothing, and
e-mail leaves once the change is committed."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.accounts.permissions import is_process_manager
from meetmalmo.core.errors import Refused
from meetmalmo.groups import notices
from meetmalmo.groups.models import (
    Handover,
    Invitation,
    Link,
    Membership,
    Milestone,
    Role,
    Update,
    WorkingGroup,
)
from meetmalmo.groups.permissions import (
    can_accept_handover,
    can_change_update,
    can_edit_group,
    can_post_update,
    is_invited,
)
from meetmalmo.groups.signals import work_moved_on
from meetmalmo.initiatives.models import CaseEvent


def group_open(initiative, event) -> WorkingGroup:
    """Follows the workflow's move "form_group" (see apps.py): the submitter owns the work until
    ownership is handed over, and the process manager gives process support."""
    group, _created = WorkingGroup.objects.get_or_create(initiative=initiative)
    if initiative.submitter_id:  # empty when the submitter has deleted their account
        Membership.objects.get_or_create(
            group=group, user=initiative.submitter, defaults={"role": Role.OWNER}
        )
    if event.actor_id and event.actor_id != initiative.submitter_id:
        Membership.objects.get_or_create(
            group=group, user_id=event.actor_id, defaults={"role": Role.PROCESS_SUPPORT}
        )
    return group


def tell_members(initiative, event) -> None:
    """Follows the workflow's moves "complete" and "discontinue" (see apps.py)."""
    group = WorkingGroup.objects.filter(initiative=initiative).first()
    if group is not None:
        transaction.on_commit(lambda: notices.send_ending(group.pk, event.pk))


def _require_staff(actor) -> None:
    if not is_process_manager(actor):
        raise Refused(_("Only process managers do this."))


@transaction.atomic
def invite(*, group: WorkingGroup, invitee, actor, role: str = Role.MEMBER, message: str = ""):
    _require_staff(actor)
    if not invitee.is_active:
        raise Refused(_("This account is closed."), field="email")
    if group.memberships.filter(user=invitee).exists():
        raise Refused(
            _("%(name)s is already in the group.") % {"name": invitee.name}, field="email"
        )
    if group.invitations.filter(invitee=invitee, state=Invitation.State.PENDING).exists():
        raise Refused(
            _("%(name)s already has an invitation.") % {"name": invitee.name}, field="email"
        )
    invitation = Invitation.objects.create(
        group=group, invitee=invitee, role=role, message=message.strip(), invited_by=actor
    )
    transaction.on_commit(lambda: notices.send_invitation(invitation.pk))
    return invitation


def check_invitation(invitation: Invitation, user) -> None:
    """Why this person cannot answer this invitation now, or nothing."""
    if not is_invited(user, invitation):
        raise Refused(
            _("This invitation was sent to someone else. Sign in with the account it was sent to.")
        )
    if invitation.state != Invitation.State.PENDING:
        raise Refused(
            _("This invitation has already been answered: %(state)s.")
            % {"state": invitation.get_state_display().lower()}
        )
    if invitation.expires_at <= timezone.now():
        raise Refused(_("This invitation has expired. Ask the process manager for a new one."))


@transaction.atomic
def answer_invitation(*, invitation: Invitation, user, accept: bool, answer: str = ""):
    """Accept (and join the group) or decline, once, by the person invited, before expiry."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_invitation(invitation, user)
    invitation.state = Invitation.State.ACCEPTED if accept else Invitation.State.DECLINED
    invitation.answered_at = timezone.now()
    invitation.answer = answer.strip()
    invitation.save(update_fields=["state", "answered_at", "answer"])
    if accept:
        Membership.objects.get_or_create(
            group=invitation.group, user=user, defaults={"role": invitation.role}
        )
    transaction.on_commit(lambda: notices.send_answer(invitation.pk))
    return invitation


def expire_invitations(now=None) -> int:
    now = now or timezone.now()
    return Invitation.objects.filter(state=Invitation.State.PENDING, expires_at__lte=now).update(
        state=Invitation.State.EXPIRED
    )


def remind_invitations(now=None, days_before: int = 3) -> int:
    """Remind each invitee once, a few days before the invitation expires."""
    now = now or timezone.now()
    due = Invitation.objects.filter(
        state=Invitation.State.PENDING,
        reminded_at=None,
        expires_at__gt=now,
        expires_at__lte=now + timezone.timedelta(days=days_before),
    )
    sent = 0
    for invitation in due:
        # The update claims the reminder, so two runs at once cannot both send it.
        if Invitation.objects.filter(pk=invitation.pk, reminded_at=None).update(reminded_at=now):
            notices.send_invitation(invitation.pk, reminder=True)
            sent += 1
    return sent


def hourly(now) -> str:
    """The invitations' part of `send_reminders` (registered in apps.py)."""
    reminded = remind_invitations(now)
    return f"{reminded} invitations reminded, {expire_invitations(now)} invitations expired"


def hourly_handovers(now) -> str:
    """The handovers' part of `send_reminders` (registered in apps.py): ownership passes on
    the agreed date of a handover accepted before it."""
    return f"{apply_due_handovers(now)} handovers took effect"


@transaction.atomic
def milestone_add(*, group, actor, title: str, due) -> Milestone:
    if not can_edit_group(actor, group):
        raise Refused(_("Only the owner and process support change milestones."))
    work_moved_on.send(sender=WorkingGroup, initiative_id=group.initiative_id)
    return Milestone.objects.create(group=group, title=title, due=due)


@transaction.atomic
def milestone_toggle(*, milestone: Milestone, actor) -> Milestone:
    if not can_edit_group(actor, milestone.group):
        raise Refused(_("Only the owner and process support change milestones."))
    milestone.done = not milestone.done
    milestone.save(update_fields=["done"])
    return milestone


@transaction.atomic
def update_post(*, group, actor, body: str) -> Update:
    if not can_post_update(actor, group):
        raise Refused(_("Only the group's members post updates."))
    work_moved_on.send(sender=WorkingGroup, initiative_id=group.initiative_id)
    update = Update.objects.create(group=group, author=actor, body=body)
    transaction.on_commit(lambda: notices.send_update(update.pk))
    return update


@transaction.atomic
def update_edit(*, update: Update, actor, body: str) -> Update:
    if not can_change_update(actor, update):
        raise Refused(_("Only the writer of an update changes it."))
    update.body = body
    update.edited_at = timezone.now()
    update.save(update_fields=["body", "edited_at"])
    return update


@transaction.atomic
def update_delete(*, update: Update, actor) -> None:
    if not can_change_update(actor, update):
        raise Refused(_("Only the writer of an update deletes it."))
    update.delete()


@transaction.atomic
def link_add(*, group, actor, title: str, url: str) -> Link:
    if not can_edit_group(actor, group):
        raise Refused(_("Only the owner and process support add documents and links."))
    return Link.objects.create(group=group, title=title, url=url)


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


@transaction.atomic
def handover_record(*, group, actor, organisation, person, date, note: str = "") -> Handover:
    """Propose that ownership passes to an organisation and a named person from a date. It is
    a case event at once; it takes effect once that person accepts and the date has come."""
    _require_staff(actor)
    if group.handovers.filter(accepted_at=None).exists():
        raise Refused(_("A handover is already waiting for its new owner to accept."))
    handover = Handover.objects.create(
        group=group,
        organisation=organisation,
        person=person,
        date=_as_date(date),
        note=note.strip(),
        recorded_by=actor,
    )
    CaseEvent.objects.create(
        initiative_id=group.initiative_id,
        kind=CaseEvent.Kind.HANDOVER,
        actor=actor,
        reason=_(
            "%(proposer)s proposes that ownership passes to %(organisation)s (%(person)s) "
            "from %(date)s."
        )
        % {
            "proposer": actor.name,
            "organisation": organisation.name,
            "person": person.name,
            "date": handover.date.isoformat(),
        },
    )
    transaction.on_commit(lambda: notices.send_handover(handover.pk))
    return handover


@transaction.atomic
def handover_accept(*, handover: Handover, user) -> Handover:
    """The named person accepts. Ownership passes now if the agreed date has come, else on that
    date (`apply_due_handovers`); the case event names both dates, and the process managers
    who proposed and support the work are told."""
    handover = Handover.objects.select_for_update().select_related("group").get(pk=handover.pk)
    if not can_accept_handover(user, handover):
        raise Refused(_("Only the named new owner accepts the handover."))
    if handover.accepted_at is not None:
        raise Refused(_("The handover has already been accepted."))
    now = timezone.now()
    handover.accepted_at = now
    handover.save(update_fields=["accepted_at"])
    if handover.in_effect(timezone.localdate(now)):
        _pass_ownership(handover, now)
    else:
        # The new owner joins the group now, to work towards the day it becomes theirs.
        Membership.objects.get_or_create(
            group=handover.group, user=user, defaults={"role": Role.MEMBER}
        )
    CaseEvent.objects.create(
        initiative_id=handover.group.initiative_id,
        kind=CaseEvent.Kind.OWNERSHIP,
        actor=user,
        reason=_(
            "Ownership passes to %(organisation)s (%(person)s) from %(date)s, accepted on "
            "%(accepted)s."
        )
        % {
            "organisation": handover.organisation.name,
            "person": user.name,
            "date": handover.date.isoformat(),
            "accepted": timezone.localdate(now).isoformat(),
        }
        + (f"\n{handover.note}" if handover.note else ""),
    )
    transaction.on_commit(lambda: notices.send_handover_accepted(handover.pk))
    return handover


def _pass_ownership(handover: Handover, now) -> None:
    group, person = handover.group, handover.person
    group.memberships.filter(role=Role.OWNER).exclude(user=person).update(role=Role.MEMBER)
    if person is not None:
        Membership.objects.update_or_create(group=group, user=person, defaults={"role": Role.OWNER})
    Handover.objects.filter(pk=handover.pk).update(applied_at=now)


def apply_due_handovers(now=None) -> int:
    """Pass ownership on the agreed date for handovers accepted before it. Returns how many."""
    now = now or timezone.now()
    applied = 0
    for pk in Handover.objects.due(timezone.localdate(now)).values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and read again, so two runs at once cannot both pass it.
            handover = (
                # Only the handover's row: PostgreSQL locks no nullable side of a join.
                Handover.objects.select_for_update(of=("self",))
                .select_related("group", "person")
                .filter(pk=pk, applied_at=None)
                .first()
            )
            if handover is not None:
                _pass_ownership(handover, now)
                applied += 1
    return applied


def current_owner(group, today=None) -> Handover | None:
    """The handover in effect: accepted, with its date come, the latest such date winning
    (from the prefetched handovers). Before that date the previous owner stays."""
    today = today or timezone.localdate()
    in_effect = [h for h in group.handovers.all() if h.in_effect(today)]
    return max(in_effect, key=lambda h: (h.date, h.created_at, h.pk), default=None)


def incoming_owner(group, today=None) -> Handover | None:
    """An accepted handover whose date is still to come (from the prefetched handovers)."""
    today = today or timezone.localdate()
    waiting = [h for h in group.handovers.all() if h.accepted_at and h.date > today]
    return min(waiting, key=lambda h: (h.date, h.pk), default=None)
