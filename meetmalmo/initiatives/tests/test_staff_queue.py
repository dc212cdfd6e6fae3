from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def case(title, state=State.SUBMITTED, days_ago=1, **extra):
    initiative = InitiativeFactory(title=title, state=state, **extra)
    initiative.start_clock(timezone.now() - timedelta(days=days_ago))
    if state in (State.ADOPTED, State.DECLINED):
        initiative.decided_at = timezone.now()
    initiative.save()
    return initiative


def page(client, **params):
    return client.get("/en/staff/", {"tab": "new", **params}).content.decode()


def test_the_tabs_sort_cases_for_the_office(client, process_manager):
    other = ProcessManagerFactory()
    case("Ny och otagen")
    case("Mitt ärende", State.IN_REVIEW, assigned_to=process_manager)
    case("Kollegans", State.IN_REVIEW, assigned_to=other)
    case("Beslutad", State.ADOPTED)
    client.force_login(process_manager)

    new = page(client)
    assert "Ny och otagen" in new and "Mitt ärende" not in new and "Beslutad" not in new
    mine = page(client, tab="mine")
    assert "Mitt ärende" in mine and "Kollegans" not in mine
    everything = page(client, tab="open")
    assert all(t in everything for t in ["Ny och otagen", "Mitt ärende", "Kollegans"])
    decided = page(client, tab="decided")
    assert "Beslutad" in decided and "Kollegans" not in decided


def test_the_most_urgent_case_comes_first_with_its_days(client, process_manager):
    case("Nyare", days_ago=2)
    case("Försenad", days_ago=25)
    client.force_login(process_manager)
    content = page(client)
    assert content.index("Försenad") < content.index("Nyare")
    assert "4 days overdue" in content and "19 days left" in content


def test_filters_and_search_narrow_the_queue(client, process_manager):
    area = FocusArea.objects.get(code="investment")
    hamn = case("Hamnens investeringar", channel="meeting")
    hamn.focus_areas.add(area)
    case("Sommarjobb", channel="portal")
    case("Gammal", days_ago=30)
    client.force_login(process_manager)
    assert "Sommarjobb" not in page(client, q="hamnens")
    assert "Hamnens investeringar" in page(client, q="HAMNENS")
    assert "Sommarjobb" not in page(client, focus_area=area.pk)
    assert "Sommarjobb" not in page(client, channel="meeting")
    overdue = page(client, overdue="on")
    assert "Gammal" in overdue and "Sommarjobb" not in overdue


def test_search_finds_other_forms_of_a_word_and_needs_every_word(client, process_manager):
    from meetmalmo.initiatives.indexing import index_initiatives

    young = case("Jobb för ungdomar i hamnen")
    skills = case("Restaurangernas kompetens")
    index_initiatives([young.pk, skills.pk])
    client.force_login(process_manager)
    assert "Jobb för ungdomar" in page(client, q="ungdomarna")  # not a substring, the same stem
    assert "Jobb för ungdomar" in page(client, q="hamn ungdomarna")
    assert "Jobb för ungdomar" not in page(client, q="ungdomarna kompetensen")
    assert "Restaurangernas" in page(client, q="restaurangen")
    for hostile in ["x" * 200, "%", "'; DROP TABLE x;--", "مرحبا"]:
        assert "Jobb för ungdomar" not in page(client, q=hostile)


def test_bad_filters_are_ignored_not_an_error(client, process_manager):
    case("Sommarjobb")
    client.force_login(process_manager)
    response = client.get("/en/staff/", {"tab": "<script>", "focus_area": "x", "page": "-1"})
    assert response.status_code == 200
    assert "Sommarjobb" in response.content.decode()


def test_several_cases_are_assigned_at_once_and_recorded(client, process_manager):
    colleague = ProcessManagerFactory()
    first, second = case("Ett"), case("Två")
    client.force_login(process_manager)
    response = client.post(
        "/en/staff/assign/", {"cases": [first.pk, second.pk], "assignee": colleague.pk}, follow=True
    )
    assert "2 cases assigned." in response.content.decode()
    assert set(Initiative.objects.filter(assigned_to=colleague)) == {first, second}
    assert CaseEvent.objects.filter(kind="assignment", assigned_to=colleague).count() == 2


def test_bulk_assigning_nothing_explains_why(client, process_manager):
    client.force_login(process_manager)
    response = client.post("/en/staff/assign/", {"assignee": process_manager.pk}, follow=True)
    assert "Choose at least one case." in response.content.decode()


def _bulk_cases(count):
    organisation = Organisation.objects.create(name=f"Bulk {count}", sphere="business")
    submitter = User.objects.create(
        email=f"bulk{count}@example.se", name="Bulk", organisation=organisation
    )
    now = timezone.now()
    Initiative.objects.bulk_create(
        [
            Initiative(
                title=f"Fall {i}",
                summary="s",
                description="d",
                challenge="c",
                benefit_city="b",
                benefit_business="b",
                submitter=submitter,
                organisation=organisation,
                state=State.SUBMITTED,
                submitted_at=now,
                decision_due=now + timedelta(days=21),
            )
            for i in range(count)
        ]
    )
    area = FocusArea.objects.first()
    for initiative in Initiative.objects.filter(organisation=organisation):
        initiative.focus_areas.add(area)


@pytest.mark.parametrize("tab", ["new", "open", "decided"])
def test_the_queue_answers_in_the_same_number_of_queries_at_10_and_500_cases(
    client, process_manager, django_assert_num_queries, django_assert_max_num_queries, tab
):
    client.force_login(process_manager)
    _bulk_cases(10)
    with django_assert_max_num_queries(100) as small:
        client.get("/en/staff/", {"tab": tab})
    _bulk_cases(490)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/en/staff/", {"tab": tab})


def test_a_templated_question_goes_to_several_submitters_in_their_language(
    client, process_manager, django_capture_on_commit_callbacks
):
    from meetmalmo.accounts.tests.factories import UserFactory
    from meetmalmo.initiatives.models import ReplyTemplate

    template = ReplyTemplate.objects.create(
        kind="question", name="Partner", body_sv="Vilka partner?", body_en="Which partners?"
    )
    swedish = case("Ett", submitter=UserFactory(language="sv"))
    english = case("Två", submitter=UserFactory(language="en"))
    client.force_login(process_manager)
    assert "Ask the chosen submitters" in page(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/staff/reply/",
            {"cases": [swedish.pk, english.pk], "template": template.pk},
            follow=True,
        )
    assert "2 questions sent." in response.content.decode()
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "Vilka partner?" in bodies[swedish.submitter.email]
    assert "Which partners?" in bodies[english.submitter.email]


def test_a_templated_question_needs_a_template(client, process_manager):
    first = case("Ett")
    client.force_login(process_manager)
    response = client.post("/en/staff/reply/", {"cases": [first.pk]}, follow=True)
    assert "Choose the template to send." in response.content.decode()
    assert not first.events.exists()
