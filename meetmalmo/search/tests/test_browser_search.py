"""A visitor in a real browser: searches from the header box by keyboard, opens a lesson in the
results, reads its project, and sends "Contact the project" (first with a mistake, answered
beside the field); every page on the way, and the library, axe-clean in Swedish and English at
320 and 1280 pixels, never scrolling sideways at 320."""

from django.core import mail

from meetmalmo.browser_testing import assert_accessible, tab_to
from meetmalmo.groups.models import ProjectMessage
from meetmalmo.search.tests.helpers import glossary, project, report


def _checked(page, path):
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth <= 320"), path


def test_a_visitor_searches_opens_a_lesson_and_its_project_and_contacts_it(
    page, live_server, settings
):
    settings.SITE_URL = live_server.url
    glossary()
    hotels = project(
        "sommarjobb-hotell",
        title_sv="Sommarjobb på hotell",
        lead_sv="Unga Malmöbor fick sitt första jobb på hotell och restauranger.",
        focus=["youth-employment"],
    )
    report(
        hotels,
        summary="Tusen unga mötte hotellen.",
        lessons="Sommarjobben blev bättre med en mentor från första dagen.",
        outcomes=[("unga som nåddes", 1000, "personer")],
    )
    project("hamnen", title_sv="Hamnen som mötesplats", title_en="The harbour as a meeting place")

    for lang in ("sv", "en"):
        for path in (
            "/",
            "/search/?q=sommarjobb",
            "/search/?q=sommarjobb&kind=result",
            "/search/?q=a",
            "/search/?q=zzzzqqq",
            "/results/",
            "/results/lessons/youth-employment/",
            "/projects/sommarjobb-hotell/contact/",
        ):
            _checked(page, f"/{lang}{path}")

        page.set_viewport_size({"width": 320, "height": 900})
        page.goto(f"/{lang}/")
        tab_to(page, "#site-search-q")
        page.keyboard.type("summer jobs" if lang == "en" else "sommarjobb")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        results = page.locator("#kind-result + ol")
        assert "Sommarjobben blev bättre" in results.inner_text()
        assert page.locator("#kind-result + ol mark").count() >= 1
        if lang == "en":
            assert "in Swedish" in results.inner_text()
        with page.expect_navigation():
            results.locator("a").first.click()
        assert page.url.endswith("/projects/sommarjobb-hotell/#report-title")
        assert "Sommarjobben blev bättre med en mentor" in page.inner_text(
            "#report-title + *, main"
        )
        assert_accessible(page)

        with page.expect_navigation():
            page.click(
                "a.button:has-text('{}')".format(
                    "Contact the project" if lang == "en" else "Kontakta projektet"
                )
            )
        assert_accessible(page)
        page.wait_for_timeout(3_100)  # a person takes a moment to write; faster is taken for spam
        page.fill("#id_name", "Karin Läsare")
        page.fill("#id_email", "inte-en-adress")
        page.fill("#id_organisation", "Hamnföreningen")
        page.fill("#id_message", "Vi kan erbjuda sommarjobb i vår förening.")
        with page.expect_navigation():
            page.click("main button[type=submit]")
        assert page.locator("#id_email_error").count() == 1
        assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
        assert page.input_value("#id_message") == "Vi kan erbjuda sommarjobb i vår förening."
        assert_accessible(page)

        page.fill("#id_email", "karin@example.se")
        with page.expect_navigation():
            page.click("main button[type=submit]")
        assert page.url.endswith("/projects/sommarjobb-hotell/")
        assert page.locator(".message--success").count() == 1
        assert_accessible(page)
        sent = ProjectMessage.objects.get(language=lang)
        assert (sent.email, sent.spam, sent.sent_to) == ("karin@example.se", False, "office")
        assert [m.to for m in mail.outbox] == [[settings.CONTACT_EMAIL], ["karin@example.se"]]
        mail.outbox.clear()
