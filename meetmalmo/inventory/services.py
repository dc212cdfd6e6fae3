"""Writes on the register of efforts, the glossary and a case's inventory. Each keeps the
related-work index current in the same transaction."""

from django.db import transaction
from django.utils.translation import gettext as _

from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory import related
from meetmalmo.inventory.models import Effort, GlossaryEntry, InventoryEntry, Kind
from meetmalmo.inventory.permissions import can_keep_inventory


class InventoryRefused(Exception):
    """A change of the inventory that is not possible; the message is for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def effort_save(*, form) -> Effort:
    """Save an effort from its form, with its focus areas, and re-index it."""
    effort = form.save()
    related.index_efforts([effort.pk])
    return effort


@transaction.atomic
def effort_set_archived(*, effort: Effort, archived: bool) -> Effort:
    effort.archived = archived
    effort.save(update_fields=["archived", "updated_at"])
    related.index_efforts([effort.pk])
    return effort


def glossary_entry_save(*, form) -> GlossaryEntry:
    """Save a glossary entry from its form; the next search reads the changed glossary."""
    return form.save()


def glossary_entry_delete(*, entry: GlossaryEntry) -> None:
    entry.delete()


def _target(kind: str, pk: int, initiative: Initiative):
    if kind == Kind.EFFORT:
        target = Effort.objects.filter(pk=pk).first()
    elif kind == Kind.INITIATIVE and pk != initiative.pk:
        target = Initiative.objects.exclude(state__in=related.HIDDEN_STATES).filter(pk=pk).first()
    else:
        target = None
    if target is None:
        raise InventoryRefused(_("That effort or initiative does not exist."))
    return target


@transaction.atomic
def inventory_add(
    *, initiative: Initiative, kind: str, pk: int, actor, note: str = "", dismissed: bool = False
) -> InventoryEntry:
    """Link an effort or an earlier initiative to a case with a note, or dismiss it as not
    related; either way it is written in the case history (staff only)."""
    if not can_keep_inventory(actor):
        raise InventoryRefused(_("Only process managers keep the inventory."))
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
        raise InventoryRefused(_("Only process managers keep the inventory."))
    if entry.initiative.state == State.REFERRED and entry.target in (
        entry.initiative.referred_to,
        entry.initiative.referred_to_effort,
    ):
        raise InventoryRefused(_("The case is referred to this work, so it stays."))
    CaseEvent.objects.create(
        initiative=entry.initiative,
        kind=CaseEvent.Kind.INVENTORY,
        actor=actor,
        reason=_("Taken off the inventory: %(title)s") % {"title": entry.target.title},
        internal=True,
    )
    entry.delete()
