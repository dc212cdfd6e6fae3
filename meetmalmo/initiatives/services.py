"""Writes on initiatives. Every change of state goes through `perform_transition`."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.accounts.permissions import has_process_manager_role, is_process_manager
from meetmalmo.accounts.services import contact_get_or_create
from meetmalmo.core.errors import Refused
from meetmalmo.initiatives import notices, origins
from meetmalmo.initiatives.files import stored_name
from meetmalmo.initiatives.indexing import index_initiatives, suggestable
from meetmalmo.initiatives.models import (
    EARLIEST_RECEIVED_ON,
    CaseEvent,
    CaseRead,
    EffortVerdict,
    Initiative,
    InventoryEntry,
)
from meetmalmo.initiatives.permissions import is_submitter
from meetmalmo.initiatives.workflow import (
    ACTORS,
    OPEN_STATES,
    REASON,
    REFERRED_TO,
    TRANSITIONS,
    State,
    Transition,
    follow_ups,
)
from meetmalmo.inventory.models import Effort, Kind
from meetmalmo.inventory.permissions import can_keep_inventory


@transaction.atomic
def perform_transition(
    *,
    initiative: Initiative,
    name: str,
    actor,
    reason: str = "",
    referred_to: Initiative | None = None,
    referred_to_effort=None,
    expected_state: str | None = None,
    received_at: datetime | None = None,
) -> CaseEvent:
    """Make one move of the workflow: check it, change the case, write the case event, and
    send the notice the move implies once the change is committed. `expected_state` is the
    state the process manager saw when confirming the move; `received_at` starts the clock of
    a move that starts it at the time the initiative reached the office rather than now."""
    _lock(initiative)
    if expected_state is not None and initiative.state != expected_state:
        raise Refused(
            _(
                "The case has moved on since you looked at it: it is now %(state)s. "
                "Nothing was changed."
            )
            % {"state": initiative.get_state_display().lower()}
        )
    transition = check_transition(
        initiative=initiative,
        name=name,
        actor=actor,
        reason=reason,
        referred_to=referred_to,
        referred_to_effort=referred_to_effort,
    )
    reason = reason.strip()
    if REFERRED_TO in transition.requires:
        initiative.referred_to = referred_to
        initiative.referred_to_effort = referred_to_effort

    now = timezone.now()
    from_state = initiative.state
    initiative.state = transition.target
    if transition.starts_clock:
        initiative.start_clock(min(received_at or now, now))
    if transition.decides:
        initiative.decided_at = now
    if transition.assigns_actor and initiative.assigned_to_id is None:
        initiative.assigned_to = actor
    initiative.save()

    event = CaseEvent.objects.create(
        initiative=initiative,
        kind=CaseEvent.Kind.TRANSITION,
        actor=actor,
        from_state=from_state,
        to_state=transition.target,
        transition=transition.name,
        reason=reason,
        assigned_to=initiative.assigned_to if transition.assigns_actor else None,
    )
    index_initiatives([initiative.pk])
    for then in follow_ups(transition.name):
        then(initiative, event)
    if transition.notice:
        transaction.on_commit(lambda: notices.send_decision_notice(event.pk, transition.notice))
    return event


def check_transition(
    *,
    initiative: Initiative,
    name: str,
    actor,
    reason: str = "",
    referred_to: Initiative | None = None,
    referred_to_effort=None,
) -> Transition:
    """Refuse a move that could not be made now, without making it: `perform_transition` asks
    this, and so does the page that shows a move for confirmation before it is made."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise Refused(_("There is no such step."))
    if initiative.state not in transition.sources:
        raise Refused(
            _("This step is not possible while the initiative is %(state)s.")
            % {"state": initiative.get_state_display().lower()}
        )
    if not any(ACTORS[role](actor, initiative) for role in transition.actors):
        raise Refused(_("You may not take this step on this initiative."))
    if REASON in transition.requires and not reason.strip():
        raise Refused(_("Give a reason: the submitter will read it."), field="reason")
    if REFERRED_TO in transition.requires:
        _check_referral(initiative, referred_to, referred_to_effort)
    return transition


def _lock(initiative: Initiative) -> None:
    """Lock the case's row and read it afresh, so that two process managers acting at once
    cannot both succeed, and the caller's object shows the state after the change."""
    Initiative.objects.select_for_update().filter(pk=initiative.pk).exists()
    initiative.refresh_from_db()


def _check_referral(initiative: Initiative, referred_to, referred_to_effort) -> None:
    """A referral names one piece of existing work: an earlier submitted initiative or an
    existing effort that is not archived."""
    if (referred_to is None) == (referred_to_effort is None):
        raise Refused(
            _("Choose the existing work this initiative is referred to."), field="referred_to"
        )
    if referred_to_effort is not None:
        if referred_to_effort.archived:
            raise Refused(
                _("The effort is archived; choose work that is under way."), field="referred_to"
            )
        return
    current_state = Initiative.objects.filter(pk=referred_to.pk).values_list("state", flat=True)
    if referred_to.pk == initiative.pk or current_state.first() in (None, State.DRAFT):
        raise Refused(
            _("An initiative can only be referred to another initiative that was submitted."),
            field="referred_to",
        )


@transaction.atomic
def assign(*, initiative: Initiative, assignee, actor) -> CaseEvent:
    """Give an open case to a process manager; reassignment is recorded like the first."""
    if not is_process_manager(actor):
        raise Refused(_("Only process managers assign cases."))
    if not has_process_manager_role(assignee):
        raise Refused(_("Cases can only be assigned to a process manager."))
    _lock(initiative)
    previous = initiative.assigned_to_id
    initiative.assigned_to = assignee
    initiative.save(update_fields=["assigned_to", "updated_at"])
    event = CaseEvent.objects.create(
        initiative=initiative,
        kind=CaseEvent.Kind.ASSIGNMENT,
        actor=actor,
        assigned_to=assignee,
        internal=True,
    )
    if previous not in (None, assignee.pk) or assignee.pk != actor.pk:
        transaction.on_commit(lambda: notices.send_assignment_notice(event.pk))
    return event


def add_note(*, initiative: Initiative, actor, text: str) -> CaseEvent:
    """An internal note: staff only, never shown to the submitter."""
    if not is_process_manager(actor):
        raise Refused(_("Only process managers write internal notes."))
    return CaseEvent.objects.create(
        initiative=initiative,
        kind=CaseEvent.Kind.NOTE,
        actor=actor,
        reason=_required_text(text),
        internal=True,
    )


def _keep_latest(initiative: Initiative, field: str, event: CaseEvent) -> None:
    """The case remembers its latest question or answer, for the desk; only that column is
    written, so nothing else of a case read earlier is saved over."""
    setattr(initiative, field, event.created_at)
    Initiative.objects.filter(pk=initiative.pk).update(**{field: event.created_at})


@transaction.atomic
def request_information(*, initiative: Initiative, actor, text: str) -> CaseEvent:
    """Ask the submitter for more; they answer on their own page. The clock keeps running."""
    if not is_process_manager(actor):
        raise Refused(_("Only process managers ask submitters for information."))
    if initiative.state not in OPEN_STATES:
        raise Refused(_("Information can only be requested before the decision."))
    if initiative.submitter_id is None:
        raise Refused(
            _("The submitter has deleted their account; nobody can answer."), field="text"
        )
    text = _required_text(text)
    event = CaseEvent.objects.create(
        initiative=initiative, kind=CaseEvent.Kind.QUESTION, actor=actor, reason=text
    )
    _keep_latest(initiative, "last_question_at", event)
    transaction.on_commit(lambda: notices.send_decision_notice(event.pk, "question"))
    return event


@transaction.atomic
def answer_request(*, initiative: Initiative, actor, text: str) -> CaseEvent:
    """The submitter's answer to a request for information, passed on to the process manager."""
    if not is_submitter(actor, initiative):
        raise Refused(_("Only the submitter answers requests about the initiative."))
    if not initiative.events.filter(kind=CaseEvent.Kind.QUESTION).exists():
        raise Refused(_("There is no request for information to answer."))
    text = _required_text(text)
    event = CaseEvent.objects.create(
        initiative=initiative, kind=CaseEvent.Kind.ANSWER, actor=actor, reason=text
    )
    _keep_latest(initiative, "last_answer_at", event)
    if initiative.assigned_to_id:
        transaction.on_commit(lambda: notices.send_answer_notice(event.pk))
    return event


@transaction.atomic
def message_send(*, initiative: Initiative, actor, text: str, attachments: list) -> CaseEvent:
    """A message in the case's conversation between the submitter and the office, with files
    checked like the initiative's own (`files.validate_attachments`). The other side is told:
    the submitter hears from the office, the process manager of the case from the submitter."""
    from_submitter = is_submitter(actor, initiative)
    if not (from_submitter or is_process_manager(actor)) or initiative.is_draft:
        raise Refused(_("Only the submitter and the office write in the case's conversation."))
    event = CaseEvent.objects.create(
        initiative=initiative, kind=CaseEvent.Kind.MESSAGE, actor=actor, reason=_required_text(text)
    )
    _attach(initiative, attachments, actor, event=event)
    if from_submitter and initiative.assigned_to_id and initiative.assigned_to_id != actor.pk:
        transaction.on_commit(lambda: notices.send_message_notice(event.pk, to_office=True))
    elif not from_submitter and initiative.submitter_id:
        transaction.on_commit(lambda: notices.send_message_notice(event.pk, to_office=False))
    return event


def _attach(initiative: Initiative, attachments: list, actor, event=None) -> None:
    for upload, content_type in attachments:
        name = upload.name[:200]
        upload.name = stored_name(upload.name, content_type)
        initiative.attachments.create(
            file=upload,
            name=name,
            content_type=content_type,
            size=upload.size,
            uploaded_by=actor,
            event=event,
        )


def _required_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise Refused(_("Write the message before sending it."), field="text")
    return text


def assign_many(*, initiatives, assignee, actor) -> int:
    """Give several cases to one process manager at once; returns how many."""
    for initiative in initiatives:
        assign(initiative=initiative, assignee=assignee, actor=actor)
    return len(initiatives)


def request_information_many(*, initiatives, template, actor) -> int:
    """Send a template's question to several submitters, each in their own language. A case
    whose submitter deleted their account has nobody to answer, so it is left out; returns how
    many were asked."""
    asked = [initiative for initiative in initiatives if initiative.submitter_id]
    for initiative in asked:
        request_information(
            initiative=initiative,
            actor=actor,
            text=template.body_for(initiative.submitter.language),
        )
    return len(asked)


def reply_template_save(*, form):
    return form.save()


def focus_area_save(*, form):
    return form.save()


@transaction.atomic
def initiative_record(
    *,
    person_form,
    data: dict,
    focus_areas,
    attachments: list,
    actor,
    received_on: date,
    assign_to_actor: bool,
) -> Initiative:
    """Record an initiative that came in at a meeting, by e-mail or by phone, for the person it
    came from: their account, or a new contact made from the form (all or nothing). The 21 days
    run from the day it was received; the person has a receipt written for someone who met the
    office, and the process manager who recorded it may take the case at once."""
    if received_on > timezone.localdate() or received_on < EARLIEST_RECEIVED_ON:
        raise Refused(_("Give a date between 2015 and today."), field="received_on")
    existing = person_form.existing_person()
    if existing is not None and existing.organisation_id is None:
        raise Refused(
            _(
                "This person's account has no organisation yet. They add it on their account "
                "page; then the initiative can be recorded for them."
            ),
            field="email",
        )
    person = existing or contact_get_or_create(
        email=person_form.cleaned_data["email"],
        name=person_form.cleaned_data["name"],
        organisation=person_form.cleaned_data.get("organisation"),
        new_organisation=person_form.new_organisation_data(),
        language=data.get("language"),
    )
    initiative = initiative_save(
        submitter=person,
        actor=actor,
        channel=person_form.cleaned_data["channel"],
        data={**data, "received_on": received_on},
        focus_areas=focus_areas,
        attachments=attachments,
        submit=False,
    )
    origins.save(initiative, person_form.cleaned_data)
    perform_transition(
        initiative=initiative,
        name="submit",
        actor=actor,
        received_at=received_at(received_on),
    )
    if assign_to_actor:
        assign(initiative=initiative, assignee=actor, actor=actor)
    return initiative


def received_at(received_on: date) -> datetime:
    """When the clock of a case received on that day starts: that day at the present time of
    day, so that a case received today starts now and one received 20 days ago is due tomorrow."""
    now = timezone.localtime()
    return min(datetime.combine(received_on, now.time(), tzinfo=now.tzinfo), now)


@transaction.atomic
def initiative_save(
    *,
    submitter,
    data: dict,
    focus_areas,
    attachments: list,
    submit: bool,
    initiative: Initiative | None = None,
    actor=None,
    channel: str = "portal",
) -> Initiative:
    """Create or update a draft with its focus areas and attachments, and submit it when asked:
    all of it or none of it. `actor` is a process manager recording it on someone's behalf."""
    actor = actor or submitter
    if submitter.organisation_id is None:
        # Someone whose request to join is waiting speaks for no organisation yet.
        raise Refused(
            _(
                "You belong to no organisation yet: an initiative is sent once your request "
                "to join yours is approved."
            )
        )
    if initiative is None:
        initiative = Initiative(
            submitter=submitter,
            organisation=submitter.organisation,
            channel=channel,
            recorded_by=actor if actor != submitter else None,
        )
    elif initiative.state != State.DRAFT:
        raise Refused(_("Only a draft can be changed."))
    for field, value in data.items():
        setattr(initiative, field, value)
    initiative.save()
    initiative.focus_areas.set(focus_areas)
    _attach(initiative, attachments, actor)
    if submit:
        perform_transition(initiative=initiative, name="submit", actor=actor)
    return initiative


# The case's inventory -------------------------------------------------------------------


def _target(kind: str, pk: int, initiative: Initiative):
    if kind == Kind.EFFORT:
        target = Effort.objects.filter(pk=pk).first()
    elif kind == Kind.INITIATIVE and pk != initiative.pk:
        target = suggestable().filter(pk=pk).first()
    else:
        target = None
    if target is None:
        raise Refused(_("That effort or initiative does not exist."))
    return target


@transaction.atomic
def inventory_add(
    *, initiative: Initiative, kind: str, pk: int, actor, note: str = "", dismissed: bool = False
) -> InventoryEntry:
    """Link an effort or an earlier initiative to a case with a note, or dismiss it as not
    related; either way it is written in the case history (staff only)."""
    if not can_keep_inventory(actor):
        raise Refused(_("Only process managers keep the inventory."))
    target = _target(kind, pk, initiative)
    key = {"effort": target} if kind == Kind.EFFORT else {"related_initiative": target}
    entry, _created = InventoryEntry.objects.update_or_create(
        initiative=initiative,
        **key,
        defaults={"note": note.strip(), "dismissed": dismissed, "added_by": actor},
    )
    if dismissed:
        text = _("Not related: %(title)s") % {"title": target.title}
    else:
        text = _("Added to the inventory: %(title)s") % {"title": target.title}
        if entry.note:
            text += f"\n{entry.note}"
    CaseEvent.objects.create(
        initiative=initiative,
        kind=CaseEvent.Kind.INVENTORY,
        actor=actor,
        reason=text,
        internal=True,
    )
    return entry


@transaction.atomic
def inventory_remove(*, entry: InventoryEntry, actor) -> None:
    """Take an entry off the inventory, so that it may be suggested again."""
    if not can_keep_inventory(actor):
        raise Refused(_("Only process managers keep the inventory."))
    if entry.initiative.state == State.REFERRED and entry.target in (
        entry.initiative.referred_to,
        entry.initiative.referred_to_effort,
    ):
        raise Refused(_("The case is referred to this work, so it stays."))
    CaseEvent.objects.create(
        initiative=entry.initiative,
        kind=CaseEvent.Kind.INVENTORY,
        actor=actor,
        reason=_("Taken off the inventory: %(title)s") % {"title": entry.target.title},
        internal=True,
    )
    entry.delete()


def mark_read(*, initiative: Initiative, user, at=None) -> None:
    """Remember that a process manager has the case in front of them now: the desk no longer
    counts its submitter's earlier answers as unread."""
    if not is_process_manager(user):
        return
    # One statement, first time or not, so the case page's queries stay the same.
    CaseRead.objects.bulk_create(
        [CaseRead(initiative=initiative, user=user, read_at=at or timezone.now())],
        update_conflicts=True,
        unique_fields=["initiative", "user"],
        update_fields=["read_at"],
    )


@transaction.atomic
def reassign_open_cases(*, from_user, to_user, actor, initiatives=None) -> int:
    """Move a process manager's open cases to a colleague (before a holiday, say): all of them,
    or those chosen among them. Each move is an assignment in the case history, as one by one;
    a case that is no longer theirs or no longer open is left where it is. Returns how many."""
    if not is_process_manager(actor):
        raise Refused(_("Only process managers assign cases."))
    if to_user is None or not has_process_manager_role(to_user):
        raise Refused(_("Cases can only be assigned to a process manager."), field="to_user")
    if from_user is not None and to_user.pk == from_user.pk:
        raise Refused(_("Choose someone else to take the cases over."), field="to_user")
    cases = Initiative.objects.open().filter(assigned_to=from_user).order_by("decision_due", "id")
    if initiatives is not None:
        cases = cases.filter(pk__in=[initiative.pk for initiative in initiatives])
    moved = list(cases)
    for initiative in moved:
        assign(initiative=initiative, assignee=to_user, actor=actor)
    return len(moved)


def effort_verdict(*, initiative: Initiative, effort, actor, verdict: str) -> EffortVerdict:
    """The submitter marks a suggested effort as close to their idea or not related; saying
    it again changes it."""
    _check_own_open(initiative, actor)
    found, _created = EffortVerdict.objects.update_or_create(
        initiative=initiative, effort=effort, defaults={"verdict": verdict}
    )
    return found


def effort_contact(*, initiative: Initiative, effort, actor, text: str) -> CaseEvent:
    """The submitter asks the office to put them in touch with the people behind an effort: a
    message on the case, since the register keeps contact details for staff only."""
    _check_own_open(initiative, actor)
    if initiative.is_draft:
        raise Refused(
            _("Send your initiative first: the office answers on its case."), field="initiative"
        )
    asked = _("Please put me in touch with the people behind “%(title)s” (%(owner)s).") % {
        "title": effort.title,
        "owner": effort.owner_org,
    }
    written = text.strip()
    return message_send(
        initiative=initiative,
        actor=actor,
        text=f"{asked}\n\n{written}" if written else asked,
        attachments=[],
    )


def _check_own_open(initiative: Initiative, actor) -> None:
    if not is_submitter(actor, initiative) or initiative.state == State.WITHDRAWN:
        raise Refused(_("Choose one of your own initiatives."), field="initiative")
