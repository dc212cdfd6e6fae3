"""An initiative recorded by the office names the meeting it came in at; the meeting's pages and
the figures count them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.events.models import EventInitiative
from meetmalmo.events.selectors import initiatives_per_kind
from meetmalmo.events.tests.factories import EventFactory
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.tests.test_initiative_form import good
from meetmalmo.initiatives.tests.test_staff_record import URL, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def breakfast():
    return EventFactory(
        kind="breakfast",
        title_sv="Frukost i Stadshuset",
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )


def test_an_initiative_recorded_from_a_meeting_is_counted_there(client, process_manager, breakfast):
    client.force_login(process_manager)
    form = client.get(URL).content.decode()
    assert "Frukost i Stadshuset" in form
    response = client.post(URL, {**good(), **person(**{"person-event": breakfast.pk})})
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert EventInitiative.objects.get().initiative == initiative
    staff_page = client.get(f"/sv/staff/events/{breakfast.pk}/").content.decode()
    assert initiative.title in staff_page
    client.logout()
    public = client.get(f"/sv/events/{breakfast.slug}/").content.decode()
    assert "1 initiativ lämnades in på mötet." in public
    assert initiative.title not in public
    assert ("Frukostmöte", 1) in [(str(k), n) for k, n in initiatives_per_kind()]
    client.force_login(process_manager)
    figures = client.get("/sv/staff/figures/").content.decode()
    assert "Initiativ per typ av möte" in figures


def test_a_meeting_with_another_channel_is_refused_beside_the_field(
    client, process_manager, breakfast
):
    client.force_login(process_manager)
    response = client.post(
        URL, {**good(), **person(**{"person-event": breakfast.pk, "person-channel": "email"})}
    )
    assert 'id="id_person-event_error"' in response.content.decode()
    assert not Initiative.objects.exists()


def test_a_made_up_meeting_is_refused(client, process_manager):
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person(**{"person-event": "999999"})})
    assert 'id="id_person-event_error"' in response.content.decode()
    assert not Initiative.objects.exists()
