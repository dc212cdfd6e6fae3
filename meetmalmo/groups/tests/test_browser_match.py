"""The match list in a real browser: the process manager filters it, opens a resource's
profile, and invites them with a role and a personal message read in a preview first."""

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to, type_into
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.tests.factories import ResourceFactory


def test_a_process_manager_filters_opens_a_profile_and_invites_with_a_preview(
    page, process_manager, mailoutbox
):
    group = forming_group(process_manager, title="Läxhjälp för elever", language="sv")
    coach = ResourceFactory(
        user=UserFactory(
            name="Elin Coach", organisation=OrganisationFactory(sphere="civil_society")
        ),
        competences=["läxhjälp", "mentorskap"],
        focus_areas=["youth-employment"],
        presentation="Jag coachar unga inför deras första jobb.",
    )
    ResourceFactory(user=UserFactory(name="Olle Övrig"), competences=["bokföring"])
    sign_in(page, process_manager)
    page.goto(f"/en/staff/groups/{group.pk}/match/")
    assert "Elin Coach" in page.inner_text("main") and "Olle Övrig" in page.inner_text("main")
    assert_accessible(page)

    youth = FocusArea.objects.get(code="youth-employment")
    page.select_option("#id_focus_area", str(youth.pk))
    tab_to(page, ".filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Elin Coach" in page.inner_text("main") and "Olle Övrig" not in page.inner_text("main")

    with page.expect_navigation():
        page.click("text=Elin Coach")
    assert page.inner_text("h1") == "Elin Coach" and "läxhjälp" in page.inner_text("main")
    assert_accessible(page)
    page.go_back()

    with page.expect_navigation():
        page.click("a.button:has-text('Invite')")
    assert_accessible(page)
    page.select_option("#id_role", "coordinator")
    type_into(page, "#id_message", "Du har coachat unga i just de här skolorna.")
    tab_to(page, "button[value=preview]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    preview = page.inner_text("#preview")
    assert "Du har coachat unga i just de här skolorna." in preview
    assert not group.invitations.exists() and not mailoutbox
    assert_accessible(page)
    tab_to(page, "button[value=send]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    invitation = group.invitations.get()
    assert (invitation.invitee, invitation.role) == (coach.user, "coordinator")
    assert "is invited" in page.inner_text("main")
