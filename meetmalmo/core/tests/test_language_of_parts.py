"""Text shown in the other language than the page's is marked with `lang`, taken from the data
(WCAG 3.1.2), so that a screen reader reads a Swedish initiative on an English page with a
Swedish voice: on the staff queue and case page, My page, the related-work panel, a project's
page and the public figures."""

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from meetmalmo.groups import services as groups
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.services import project_open

pytestmark = pytest.mark.django_db


def marked(page: str, text: str) -> str | None:
    """The `lang` of the first element in the body that holds `text` itself, or None."""
    body = page[page.find("<body") :] if "<body" in page else page  # a fragment has no body
    match = re.search(r"<(\w+)((?:\s[^>]*)?)>\s*" + re.escape(text), body)
    assert match, f"{text!r} is not on the page"
    lang = re.search(r'\blang="(\w+)"', match[2])
    return lang[1] if lang else None


@pytest.mark.parametrize(
    ("page_language", "value", "attribute"),
    [("sv", "en", ' lang="en"'), ("en", "sv", ' lang="sv"'), ("sv", "sv", ""), ("en", "", "")],
)
def test_the_filter_marks_only_the_other_language(page_language, value, attribute):
    with translation.override(page_language):
        shown = Template("{% load bilingual %}<p{{ value|lang }}>").render(
            Context({"value": value})
        )
    assert shown == f"<p{attribute}>"


def test_the_queue_and_the_case_mark_an_english_initiative_on_a_swedish_page(
    client, process_manager
):
    case = InitiativeFactory(
        state=State.SUBMITTED, language="en", title="Summer jobs in hotels", summary="Young people."
    )
    client.force_login(process_manager)
    assert marked(client.get("/sv/staff/queue/").content.decode(), case.title) == "en"
    page = client.get(f"/sv/staff/cases/{case.pk}/").content.decode()
    assert marked(page, case.title) == "en"  # the heading
    assert marked(page, "Young people.") == "en"
    assert marked(page, "Sammanfattning") is None  # the page's own words


def test_my_page_marks_a_swedish_initiative_on_the_english_page(client, member):
    case = InitiativeFactory(submitter=member, language="sv", title="Sommarjobb på hotell")
    english = InitiativeFactory(submitter=member, language="en", title="Summer jobs")
    client.force_login(member)
    page = client.get("/en/my/").content.decode()
    assert marked(page, case.title) == "sv"
    assert marked(page, english.title) is None


def test_the_related_panel_marks_a_swedish_effort_for_an_english_writer(client, member):
    EffortFactory(
        title="Sommarjobb för unga", description="Unga får sommarjobb i staden.", language="sv"
    )
    client.force_login(member)
    page = client.get("/en/initiatives/related/?title=Sommarjobb+unga").content.decode()
    assert marked(page, "Sommarjobb för unga") == "sv"
    assert marked(page, "Unga får sommarjobb i staden.") == "sv"
    assert marked(page, "1 similar effort") is None


def test_a_swedish_project_on_the_english_site_marks_its_milestones_report_and_outcomes(
    client, process_manager
):
    group = forming_group(process_manager, title="Sommarjobb på hotell", language="sv")
    groups.milestone_add(
        group=group, actor=process_manager, title="Första mötet", due=timezone.localdate()
    )
    group.milestones.update(done=True)
    report = Report.objects.create(
        initiative=group.initiative,
        summary="Tusen unga mötte hotellen.",
        lessons="Börja tidigt.",
        state=Report.State.PUBLISHED,
        published_at=timezone.now(),
    )
    Outcome.objects.create(report=report, label="unga som nåddes", number=1000, unit="personer")
    project = project_open(group.initiative, None)
    project.published_at = timezone.now() - timedelta(hours=1)
    project.save()

    page = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert marked(page, "Första mötet") == "sv"
    assert re.search(r'<div class="markdown" lang="sv">\s*<p>Tusen unga', page)
    assert re.search(r'<div class="markdown" lang="sv">\s*<p>Börja tidigt', page)
    assert re.search(r'<tr lang="sv"><td>unga som nåddes</td>', page)

    figures = client.get("/en/figures/").content.decode()
    assert re.search(r'<tr lang="sv"><th scope="row">unga som nåddes</th>', figures)
    swedish = client.get("/sv/figures/").content.decode()
    assert re.search(r'<tr><th scope="row">unga som nåddes</th>', swedish)
