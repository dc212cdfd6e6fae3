"""The office keeps track of the reports in the administration."""

import pytest

from meetmalmo.accessibility.models import AccessibilityReport

pytestmark = pytest.mark.django_db
LIST = "/en/admin/accessibility/accessibilityreport/"


@pytest.fixture
def report():
    return AccessibilityReport.objects.create(
        email="karin@example.se", description="The chart has no table.", language="sv"
    )


def test_an_administrator_sees_the_reports_and_marks_one_handled(client, administrator, report):
    client.force_login(administrator)
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "karin@example.se" in listing.content.decode()

    change = f"{LIST}{report.pk}/change/"
    page = client.get(change)
    assert "The chart has no table." in page.content.decode()
    response = client.post(change, {"spam": "", "handled": "on"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled is True
    assert report.description == "The chart has no table."  # what was sent stays as sent


def test_reports_are_not_made_up_in_the_administration(client, administrator):
    client.force_login(administrator)
    assert client.get(f"{LIST}add/").status_code == 403


def test_a_member_cannot_read_the_reports(client, member, report):
    client.force_login(member)
    response = client.get(LIST)
    assert response.status_code == 302
    assert "karin@example.se" not in response.content.decode()
