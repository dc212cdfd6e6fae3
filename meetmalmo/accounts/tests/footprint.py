"""A person's whole footprint in the portal, built through the services as people leave it, for
the tests of downloading and deleting one's data."""

from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Handover, Invitation, Update, WorkingGroup
from meetmalmo.groups.services import (
    handover_accept,
    handover_record,
    invite,
    milestone_add,
    update_post,
)
from meetmalmo.initiatives.models import Attachment, Initiative
from meetmalmo.initiatives.services import (
    add_note,
    answer_request,
    initiative_save,
    perform_transition,
    request_information,
)
from meetmalmo.publishing.models import Comment, Outcome, Report
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory
from meetmalmo.resources.tests.factories import ResourceFactory

PDF = b"%PDF-1.7\n" + "Sommarjobb – plan för 2027".encode() + b"\n%%EOF\n"


@dataclass
class Footprint:
    initiative: Initiative
    draft: Initiative
    attachment: Attachment
    draft_attachment: Attachment
    group: WorkingGroup  # the group of the person's own initiative
    other_group: WorkingGroup  # someone else's group, which the person owns after a handover
    invitation: Invitation
    handover: Handover
    waiting_handover: Handover
    update: Update
    report: Report
    comment: Comment


def _text(title: str, words: str) -> dict:
    return {
        "title": title,
        "summary": f"{words}: en sammanfattning.",
        "description": f"{words} beskrivs här.",
        "challenge": "Unga saknar kontakter.",
        "benefit_city": "Fler i arbete.",
        "benefit_business": "Nya medarbetare.",
        "proposed_partners": "",
        "language": "sv",
        "criterion_strategic": True,
        "criterion_cooperation": True,
        "criterion_social": False,
    }


def submit(person, title: str, *, content: bytes = PDF, name: str = "plan.pdf", draft=False):
    return initiative_save(
        submitter=person,
        data=_text(title, title),
        focus_areas=FocusArea.objects.filter(code="youth-employment"),
        attachments=[(SimpleUploadedFile(name, content), "application/pdf")],
        submit=not draft,
    )


def adopt_into_group(initiative, manager) -> WorkingGroup:
    perform_transition(initiative=initiative, name="take", actor=manager)
    perform_transition(initiative=initiative, name="adopt", actor=manager)
    perform_transition(initiative=initiative, name="form_group", actor=manager)
    return WorkingGroup.objects.get(initiative=initiative)


def footprint(person, other, manager) -> Footprint:
    """Everything `person` can leave behind, next to `other`'s groups and cases, which they
    also take part in."""
    initiative = submit(person, "Sommarjobb på hotell")
    request_information(initiative=initiative, actor=manager, text="Vilka hotell är med?")
    answer_request(initiative=initiative, actor=person, text="Tre hotell vid Stortorget.")
    add_note(initiative=initiative, actor=manager, text="Internt: ring Visit Malmö först.")
    group = adopt_into_group(initiative, manager)
    milestone_add(group=group, actor=manager, title="Första träffen", due=date(2027, 3, 1))

    draft = submit(person, "Halvfärdig idé", name="utkast.pdf", draft=True)

    others_case = submit(other, "Kompetens för spelbranschen", name="annan.pdf")
    other_group = adopt_into_group(others_case, manager)
    taken = handover_record(
        group=other_group,
        actor=manager,
        organisation=person.organisation,
        person=person,
        date=date(2026, 1, 1),  # a date that has come: the person owns the work at acceptance
        note="Företaget driver vidare.",
    )
    handover_accept(handover=taken, user=person)
    update = update_post(group=other_group, actor=person, body="Vi har bokat lokal.")
    perform_transition(initiative=others_case, name="activate", actor=manager)
    report = Report.objects.create(
        initiative=others_case,
        summary="Sex studios var med.",
        lessons="Börja tidigt.",
        author=person,
    )
    Outcome.objects.create(report=report, label="studios", number=6, unit="företag")

    third_case = submit(other, "Evenemang i Västra hamnen", name="tredje.pdf")
    third_group = adopt_into_group(third_case, manager)
    invitation = invite(group=third_group, invitee=person, actor=manager, message="Välkommen!")
    waiting = handover_record(
        group=third_group,
        actor=manager,
        organisation=person.organisation,
        person=person,
        date=date(2027, 6, 1),
    )

    ResourceFactory(user=person, competences=["rekrytering"], focus_areas=["youth-employment"])
    article = ArticleFactory()
    comment = CommentFactory(article=article, name=person.name, email=person.email.upper())
    CommentFactory(article=article, name=other.name, email=other.email, text="Bra initiativ.")
    return Footprint(
        initiative=initiative,
        draft=draft,
        attachment=initiative.attachments.get(),
        draft_attachment=draft.attachments.get(),
        group=group,
        other_group=other_group,
        invitation=invitation,
        handover=taken,
        waiting_handover=waiting,
        update=update,
        report=report,
        comment=comment,
    )
