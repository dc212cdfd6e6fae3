from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetmalmo.accounts.models import ContactProfile

pytestmark = pytest.mark.django_db


def test_it_makes_a_member_a_listed_process_manager(client, member):
    out = StringIO()
    call_command(
        "make_process_manager",
        member.email.upper(),
        "--title-en",
        "Process manager",
        "--title-sv",
        "Processledare",
        "--phone",
        "040-34 10 00",
        stdout=out,
    )
    member.refresh_from_db()
    assert member.is_process_manager
    assert "1 account changed" in out.getvalue()
    assert member.name in client.get("/en/contact/").content.decode()
    assert ContactProfile.objects.get(user=member).phone == "040-34 10 00"


def test_running_it_again_keeps_one_profile(member):
    call_command("make_process_manager", member.email, stdout=StringIO())
    call_command("make_process_manager", member.email, "--phone", "070-1", stdout=StringIO())
    assert ContactProfile.objects.filter(user=member).count() == 1
    assert ContactProfile.objects.get(user=member).phone == "070-1"


def test_it_names_an_unknown_address():
    with pytest.raises(CommandError, match="nobody@example.se"):
        call_command("make_process_manager", "nobody@example.se", stdout=StringIO())


def test_the_admin_action_makes_and_removes_process_managers(client, administrator, member):
    client.force_login(administrator)
    url = "/en/admin/accounts/user/"
    response = client.post(
        url, {"action": "make_process_managers", "_selected_action": [member.pk]}, follow=True
    )
    assert "1 person is now a process manager" in response.content.decode()
    member.refresh_from_db()
    assert member.is_process_manager
    client.post(url, {"action": "remove_process_managers", "_selected_action": [member.pk]})
    member.refresh_from_db()
    assert not member.is_process_manager
    assert member.name not in client.get("/en/contact/").content.decode()


@pytest.mark.parametrize("who", ["visitor", "member", "process_manager"])
def test_only_administrators_reach_the_admin(client, request, who):
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))
    response = client.get("/en/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
