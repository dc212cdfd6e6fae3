"""The messages from a project page on the working group's page, in a real browser: the owner
chooses by keyboard to answer them; a process manager reads one in which a resource offers to
take part, and invites them from it with a previewed message; both pages axe-clean."""

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.groups.models import Invitation, ProjectMessage
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.tests.factories import ResourceFactory


def test_the_owner_chooses_and_the_office_invites_who_offered(
    page, browser, live_server, process_manager
):
    group = forming_group(process_manager, title="Hamnen som mötesplats")
    owner = group.memberships.get(role="owner").user
    resource = ResourceFactory().user
    ProjectMessage.objects.create(
        initiative=group.initiative,
        name=resource.name,
        email=resource.email,
        message="Jag har drivit evenemang i hamnen och hjälper gärna till.",
        sender=resource,
        offers_help=True,
    )

    sign_in(page, owner)
    page.goto(f"/en/groups/{group.pk}/")
    assert "Jag har drivit evenemang" not in page.inner_text("main")  # the office's to read
    tab_to(page, "#messages-to-office")
    page.keyboard.press("ArrowDown")  # the radios are one stop: the arrow picks the other
    assert page.is_checked("#messages-to-owner")
    tab_to(page, "form[action$='/messages/recipient/'] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".message--success").count() == 1
    assert_accessible(page)
    group.refresh_from_db()
    assert group.owner_answers_messages is True

    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto(f"/sv/groups/{group.pk}/")
    assert "Jag har drivit evenemang i hamnen" in staff.inner_text("#contact-title + p ~ ul")
    assert_accessible(staff)
    # The invitation is written and previewed as from the match list, then sent.
    with staff.expect_navigation():
        staff.click("text=Bjud in till gruppen")
    assert resource.name in staff.inner_text("h1")
    staff.fill("#id_message", "Du har ju drivit evenemang i hamnen: välkommen!")
    with staff.expect_navigation():
        staff.click("button[value=preview]")
    assert "välkommen!" in staff.inner_text("#preview")
    assert not Invitation.objects.filter(group=group, invitee=resource).exists()
    with staff.expect_navigation():
        staff.click("button[value=send]")
    assert Invitation.objects.filter(group=group, invitee=resource).exists()
    assert staff.locator(".message--success").count() == 1
    staff.context.close()
