"""One person submitting an initiative through the portal's own form, as a process of its own
(a web server runs several): `python -m meetmalmo.initiatives.tests.submitter EMAIL GO_FILE`
signs in, says it is ready (a file ready-EMAIL beside GO_FILE), waits until GO_FILE exists, so
that all submitters post at the same moment, and submits. `... submitter --members N` first
creates N members to submit as."""

import sys
import time
from pathlib import Path

import django


def create_members(count: int) -> None:
    from meetmalmo.accounts.tests.factories import UserFactory
    from meetmalmo.core.models import FocusArea

    # A test that empties the database before this one takes the migrations' focus areas along.
    FocusArea.objects.get_or_create(
        code="youth-employment",
        defaults={"name_sv": "Ungas sysselsättning", "name_en": "Youth employment"},
    )
    for n in range(count):
        UserFactory(email=f"submitter{n}@example.se")


def submit(email: str, go: Path) -> None:
    from django.test import Client

    from meetmalmo.accounts.models import User
    from meetmalmo.core.models import FocusArea

    client = Client()
    client.force_login(User.objects.get(email=email))
    data = {
        "title": f"Sommarjobb i hamnen från {email}",
        "summary": "Unga får sitt första jobb i hamnen.",
        "description": "Företagen i hamnen och staden ordnar sommarjobb för unga.",
        "challenge": "Unga saknar kontakter.",
        "benefit_city": "Fler unga i arbete.",
        "benefit_business": "Framtidens medarbetare.",
        "focus_areas": [FocusArea.objects.filter(active=True).first().pk],
        "language": "sv",
        "action": "submit",
    }
    (go.parent / f"ready-{email}").touch()
    while not go.exists():
        time.sleep(0.005)
    response = client.post("/en/initiatives/new/", data)
    assert response.status_code == 302, response.status_code


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "--members":
        create_members(int(sys.argv[2]))
    else:
        submit(sys.argv[1], Path(sys.argv[2]))
