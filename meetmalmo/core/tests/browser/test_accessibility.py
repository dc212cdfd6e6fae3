import pytest

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, tab_to

PAGES = [
    "",
    "how-it-works/",
    "contact/",
    "accounts/signup/",
    "accounts/login/",
    "accounts/password/reset/",
    "no-such-page/",
]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_accessible_in_both_languages(page, lang, path):
    ProcessManagerFactory(name="Lena Åkesson")  # so the contact page shows a card
    response = page.goto(f"/{lang}/{path}")
    assert response.status == (404 if path == "no-such-page/" else 200)
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    if path == "contact/":
        assert "Lena Åkesson" in page.inner_text(".contact-card h3")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_sign_up_with_errors_is_accessible(page, lang):
    page.goto(f"/{lang}/accounts/signup/")
    page.fill("#id_new_organisation_number", "123")
    with page.expect_navigation():  # a click does not wait for the POST's answer
        page.click("form.form button[type=submit]")
    assert page.locator(".errors").count() > 0
    assert_accessible(page)


def test_the_language_switcher_keeps_the_page(page):
    page.goto("/sv/how-it-works/")
    page.click("nav.language a[lang=en]")
    assert page.url.endswith("/en/how-it-works/")
    assert page.get_attribute("html", "lang") == "en"
    page.click("nav.language a[lang=sv]")
    assert page.url.endswith("/sv/how-it-works/")


def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(page):
    page.goto("/en/how-it-works/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


FOCUS_STYLE = """() => {
    const s = getComputedStyle(document.activeElement);
    return {outline: s.outlineStyle !== "none" && s.outlineWidth !== "0px",
            shadow: s.boxShadow !== "none"};
}"""


@pytest.mark.parametrize("selector", ["main a[href]", "#id_login"])
def test_focus_is_visible_on_links_and_fields(page, selector):
    page.goto("/en/accounts/login/")
    tab_to(page, selector)
    style = page.evaluate(FOCUS_STYLE)
    assert style["outline"] or style["shadow"], f"no visible focus on {selector}"


def test_the_layout_fits_a_phone_without_sideways_scrolling(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    for path in ["/sv/", "/sv/how-it-works/", "/sv/accounts/signup/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()


def test_the_accessibility_check_catches_a_violation(page):
    page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
