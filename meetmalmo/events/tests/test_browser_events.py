"""Meetings in a real browser: a visitor registers for a breakfast and confirms by the e-mailed
link, a member takes the last seat, the next is waitlisted and moves up when the member cancels;
the office marks attendance on a phone and publishes the minutes. Every page is axe-clean in
both languages, at 320 and 1280 pixels, and never scrolls sideways at 320."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory


def _checked(page, path):
    for language in ("sv", "en"):
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"/{language}{path}")
            assert page.locator("h1").count() == 1
            assert_accessible(page)
            if width == 320:
                assert page.evaluate("document.documentElement.scrollWidth <= 320"), path


def _link(message, part):
    return urlsplit(re.search(rf"(https?://\S+{part}\S+)", message.body).group(1)).path


def test_registration_the_waitlist_and_moving_up(page, browser, live_server, member, other_member):
    breakfast = EventFactory(
        slug="frukost",
        title_sv="Meet Malmö-frukost",
        title_en="Meet Malmö breakfast",
        capacity=2,
        format="hybrid",
        online_link="https://meet.example.se/frukost",
        accessibility_sv="Trappfri entré, hörslinga.",
    )
    for path in ("/events/", "/events/frukost/"):
        _checked(page, path)

    # A visitor registers and confirms by the link in the e-mail.
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto("/sv/events/frukost/")
    page.wait_for_timeout(2_100)  # a person takes a moment to write; faster is taken for spam
    page.fill("#id_name", "Vera Besökare")
    page.fill("#id_email", "vera@example.se")
    page.fill("#id_organisation", "Hotell Stadt")
    with page.expect_navigation():
        page.click("#registration button[type=submit]")
    assert "Kolla din e-post" in page.inner_text("h1")
    assert_accessible(page)
    page.goto(_link(mail.outbox[-1], "/events/confirm/"))
    assert_accessible(page)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "Du är anmäld" in page.inner_text("h1")
    assert "https://meet.example.se/frukost" not in page.content()

    # A member takes the last seat in one click, and sees the online link.
    sign_in(page, member)
    page.goto("/sv/events/frukost/")
    assert "1 av 2 kvar" in page.content()
    tab_to(page, "#registration button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Du är anmäld." in page.inner_text("#registration")
    assert "https://meet.example.se/frukost" in page.content()
    assert_accessible(page)

    # The next person is waitlisted.
    other = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(other, other_member)
    other.goto("/en/events/frukost/")
    assert "Join the waitlist" in other.inner_text("#registration")
    with other.expect_navigation():
        other.click("#registration button[type=submit]")
    assert "You are on the waitlist" in other.inner_text("#registration")
    assert_accessible(other)

    # The member cancels; the first on the waitlist moves up and is told.
    mail.outbox.clear()
    with page.expect_navigation():
        page.click("#registration button[type=submit]")
    assert Registration.objects.get(event=breakfast, user=other_member).status == "confirmed"
    assert [m.to for m in mail.outbox] == [[other_member.email]]
    other.reload()
    assert "You are registered." in other.inner_text("#registration")
    other.context.close()


def test_staff_mark_attendance_and_publish_minutes(page, process_manager):
    today = EventFactory(
        slug="forummote",
        title_sv="Forummöte i dag",
        title_en="Forum meeting today",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    seats = [
        RegistrationFactory(
            event=today, name=name, organisation="Ett mycket långt organisationsnamn AB"
        )
        for name in ("Sara Lindqvist", "Jonas Persson")
    ]
    UserFactory()
    sign_in(page, process_manager)
    for path in (
        "/staff/events/",
        f"/staff/events/{today.pk}/",
        f"/staff/events/{today.pk}/attendance/",
        f"/staff/events/{today.pk}/minutes/",
        "/staff/events/new/",
    ):
        _checked(page, path)

    # On a phone: mark the first person present by keyboard; the focus stays on the button.
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/sv/staff/events/{today.pk}/attendance/")
    button = f"#attend-{seats[0].pk}"
    tab_to(page, button)
    page.keyboard.press("Enter")
    page.wait_for_selector(f'{button}[aria-pressed="true"]')
    assert page.evaluate("s => document.activeElement.matches(s)", button)
    seats[0].refresh_from_db()
    assert seats[0].attended
    assert_accessible(page)
    page.click(f"#attend-{seats[1].pk}")
    page.wait_for_selector(f'#attend-{seats[1].pk}[aria-pressed="true"]')

    # The minutes, published on the meeting's page.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/sv/staff/events/{today.pk}/minutes/")
    page.fill("#id_minutes_sv", "### Beslut\n\nVi lämnar in ett initiativ om sommarjobb.")
    page.fill("#id_minutes_en", "### Decisions\n\nWe bring in an initiative on summer jobs.")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "Protokollet är publicerat" in page.content()
    page.goto("/en/events/forummote/")
    assert "We bring in an initiative on summer jobs." in page.inner_text("#minutes-title + div")
    assert_accessible(page)
    assert Registration.objects.filter(event=today, attended=True).count() == 2


def test_a_wrong_meeting_is_refused_beside_the_fields_in_the_browser(page, process_manager):
    sign_in(page, process_manager)
    page.goto("/en/staff/events/new/")
    page.fill("#id_slug", "fel")
    page.fill("#id_title_en", "Wrong")
    page.fill("#id_starts_at", "2030-05-01T10:00")
    page.fill("#id_ends_at", "2030-05-01T09:00")
    page.fill("#id_capacity", "-3")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "The meeting must end after it starts." in page.inner_text("#id_ends_at_error")
    assert "Seats cannot be fewer than 0." in page.inner_text("#id_capacity_error")
    described = page.get_attribute("#id_ends_at", "aria-describedby")
    assert "id_ends_at_error" in described
    assert page.input_value("#id_title_en") == "Wrong"
    assert_accessible(page)
