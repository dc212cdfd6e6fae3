"""Where focus goes after every htmx update and every failed form, by keyboard in chromium: the
comment form's errors and its thanks, the related-work panel while one writes (which announces a
count only when the results change and leaves focus in the field), and a failed decision on the
long case page, which lands at that decision's form."""

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to, type_into
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory
from meetmalmo.publishing.models import Comment
from meetmalmo.publishing.tests.factories import ArticleFactory


def press_and_wait_for_htmx(page, key: str) -> None:
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.keyboard.press(key)
    page.wait_for_load_state("networkidle")


def test_the_comment_form_takes_focus_to_its_errors_and_then_to_its_thanks(page):
    ArticleFactory(slug="tusen-unga", title_sv="Tusen unga på Malmö Live", title_en="")
    page.goto("/sv/news/tusen-unga/")
    title = page.title()
    page.wait_for_timeout(3_100)  # a person takes a moment to write; faster is taken for spam
    type_into(page, "#id_email", "inte-en-adress")
    tab_to(page, "#comment-form button[type=submit]")
    press_and_wait_for_htmx(page, "Enter")

    # Focus is on the summary, not on <body>; it names the number of errors in the title.
    page.wait_for_function("document.activeElement.matches('[data-error-summary]')")
    assert "Det finns 3 fel i formuläret" in page.inner_text("[data-error-summary]")
    assert page.title() == f"3 fel – {title}"
    # The next Tab reaches the first error's link, and following it lands in its field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_name"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert page.input_value("#id_email") == "inte-en-adress"  # what was typed is kept
    assert_accessible(page)

    page.keyboard.type("Karin Läsare")
    page.fill("#id_email", "karin@example.se")
    type_into(page, "#id_text", "Min dotter fick sommarjobb där!")
    tab_to(page, "#comment-form button[type=submit]")
    press_and_wait_for_htmx(page, "Enter")
    page.wait_for_function("document.activeElement.matches('[data-focus]')")
    assert "Tack!" in page.evaluate("document.activeElement.textContent")
    assert page.title() == title
    assert Comment.objects.get().name == "Karin Läsare"


def test_the_related_panel_announces_a_count_when_the_results_change_and_keeps_focus(page, member):
    EffortFactory(title="Sommarjobb för unga i Malmö stad", description="Staden ger unga jobb.")
    sign_in(page, member)
    page.goto("/sv/initiatives/new/")
    status = "#related-status"
    assert page.get_attribute(status, "role") == "status"
    assert page.locator(f"{status} li").count() == 0  # the list is outside the live region

    with page.expect_response(lambda response: "/related/" in response.url):
        type_into(page, "#id_title", "Sommarjobb för ungdomar")
    page.wait_for_function("document.querySelector('#related-status').textContent !== ''")
    assert page.inner_text(status) == "1 liknande satsning"
    assert page.evaluate("document.activeElement.id") == "id_title"  # still typing there

    # Results that stay the same are not read out again.
    page.evaluate("document.querySelector('#related-status').textContent = ''")
    with page.expect_response(lambda response: "/related/" in response.url):
        page.keyboard.type(" i Malmö")
    page.wait_for_load_state("networkidle")
    assert page.inner_text(status) == ""
    assert page.evaluate("document.activeElement.id") == "id_title"

    with page.expect_response(lambda response: "/related/" in response.url):
        page.fill("#id_title", "Rymdfart")
        page.keyboard.type("en")
    page.wait_for_function("document.querySelector('#related-status').textContent !== ''")
    assert page.inner_text(status) == "Ingen liknande satsning"


def test_a_failed_decision_lands_at_its_form_with_its_errors(page, process_manager):
    case = InitiativeFactory(state=State.IN_REVIEW, assigned_to=process_manager)
    sign_in(page, process_manager)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"/sv/staff/cases/{case.pk}/")
    # The skip link leads past the long initiative to the decisions.
    tab_to(page, "a[href='#moves-title']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "moves-title"
    decline = "form.move:has(input[value=decline])"
    legend = page.inner_text(f"{decline} legend")
    assert page.locator(f"{decline} label[for=id_decline-reason] .required").count() == 1
    assert page.locator("form.move:has(input[value=adopt]) .required").count() == 0
    tab_to(page, f"{decline} button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.wait_for_function("document.activeElement.matches('[data-error-summary]')")
    assert (
        page.evaluate(
            "document.activeElement.closest('form.move').querySelector('legend').textContent"
        )
        == legend
    )
    assert page.title().startswith("1 fel – ")
    box = page.locator("[data-error-summary]").bounding_box()
    assert 0 <= box["y"] < 700, "the summary is in view"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_decline-reason"
    assert_accessible(page)
