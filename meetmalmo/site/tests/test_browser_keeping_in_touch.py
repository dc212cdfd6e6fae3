"""The pages that keep a person in touch and ask once more before what cannot be undone: axe
clean at 320 and 1280 pixels in both languages, nothing scrolling sideways on a phone, and
each question's answer clicked."""

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.groups.models import Membership, Update
from meetmalmo.groups.services import update_post
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.notifications import tokens
from meetmalmo.notifications.models import Notification
from meetmalmo.resources.models import ResourceProfile
from meetmalmo.resources.tests.factories import ResourceFactory


@pytest.fixture
def world(member):
    """The member's case, group update, resource profile and a notification; the pages."""
    case = InitiativeFactory(
        submitter=member, state=State.IN_REVIEW, assigned_to=ProcessManagerFactory()
    )
    case.start_clock(timezone.now())
    case.save()
    group = forming_group()
    Membership.objects.create(group=group, user=member, role="member")
    update = update_post(group=group, actor=member, body="Vi har **tre** hotell med.")
    Notification.objects.create(
        recipient=member, kind="case_message", text=f'Ett meddelande om "{case.title}"', path="/"
    )
    ResourceFactory(user=member)
    return [
        "notifications/",
        "notifications/settings/",
        f"notifications/unsubscribe/{tokens.make(member, 'case_message')}/",
        f"my/initiatives/{case.pk}/",
        f"my/initiatives/{case.pk}/withdraw/",
        "resources/leave/",
        f"groups/{group.pk}/updates/{update.pk}/edit/",
        f"groups/{group.pk}/updates/{update.pk}/delete/",
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_pages_are_accessible_and_fit_a_phone(page, member, world, lang, width):
    sign_in(page, member)
    page.set_viewport_size({"width": width, "height": 900})
    for path in world:
        page.goto(f"/{lang}/{path}")
        assert page.get_attribute("html", "lang") == lang
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth <= 320"), path


def test_each_second_question_is_answered_by_a_click(page, member, world):
    sign_in(page, member)
    case_path, update_path = (
        next(p for p in world if p.endswith("withdraw/")),
        next(p for p in world if p.endswith("delete/")),
    )
    page.goto(f"/en/{case_path.removesuffix('withdraw/')}")
    with page.expect_navigation():
        page.click("text=Withdraw the initiative >> nth=-1")
    with page.expect_navigation():
        page.click("text=Yes, withdraw the initiative")
    assert "Your initiative has been withdrawn." in page.inner_text("main")

    page.goto("/en/my/")
    with page.expect_navigation():
        page.click("text=Leave the pool and delete your profile")
    with page.expect_navigation():
        page.click("text=No, stay")
    assert ResourceProfile.objects.filter(user=member).exists()
    page.goto("/en/resources/leave/")
    with page.expect_navigation():
        page.click("text=Yes, leave the pool")
    assert not ResourceProfile.objects.filter(user=member).exists()

    page.goto(f"/en/{update_path}")
    with page.expect_navigation():
        page.click("text=Yes, delete the update")
    assert "Your update is deleted." in page.inner_text("main")
    assert not Update.objects.exists()


def test_settings_are_chosen_by_keyboard(page, member, world):
    sign_in(page, member)
    page.goto("/en/notifications/settings/")
    page.focus("#id_case_message_2")  # "In a weekly digest"
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.click("text=Save the settings")
    assert "Your notification settings are saved." in page.inner_text("main")
    assert page.is_checked("#id_case_message_2")
    assert_accessible(page)
