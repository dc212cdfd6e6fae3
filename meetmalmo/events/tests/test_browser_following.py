"""In a real browser: a member follows the breakfast meetings from the events list by keyboard
and finds the next published breakfast under Notiser, which opens its page. The pages pass axe
in both languages at 320 and 1280 pixels and never scroll sideways at 320."""

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.events import services
from meetmalmo.events.following import tell_meetings
from meetmalmo.events.models import Event
from meetmalmo.events.tests.factories import EventFactory


def _checked(page, path):
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(path)
        assert page.locator("h1").count() == 1
        assert_accessible(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth <= 320"), path


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_member_follows_breakfasts_and_finds_the_next_one_under_notiser(
    page, live_server, settings, member, lang
):
    settings.SITE_URL = live_server.url
    member.language = lang
    member.save()
    EventFactory(kind="breakfast")
    assert tell_meetings(timezone.now()) == 0  # the hourly job has seen it: nobody followed
    sign_in(page, member)
    _checked(page, f"/{lang}/events/?kind=breakfast")
    tab_to(page, "section.follow button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".message--success").count() == 1
    assert page.locator("section.follow button[type=submit]").count() == 1  # now "stop"
    assert_accessible(page)

    draft = EventFactory(
        kind="breakfast",
        state=Event.State.DRAFT,
        title_sv="Frukost om sommarjobb",
        title_en="Breakfast on summer jobs",
    )
    services.event_publish(event=draft, actor=ProcessManagerFactory())
    assert tell_meetings(timezone.now()) == 1
    _checked(page, f"/{lang}/notifications/")
    title = "Frukost om sommarjobb" if lang == "sv" else "Breakfast on summer jobs"
    entry = page.get_by_role("link", name=title, exact=False).first
    with page.expect_navigation():
        entry.click()
    assert page.url.endswith(f"/{lang}/events/{draft.slug}/")
    assert page.locator("h1").inner_text() == title
    assert_accessible(page)
