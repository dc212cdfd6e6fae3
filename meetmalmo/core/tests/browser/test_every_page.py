"""Every page a person can open, as they see it in chromium: axe-core (WCAG 2.1 A and AA) at 320
and at 1280 CSS px wide, in Swedish and in English, and no sideways scrolling at 320 px (WCAG
1.4.10). The pages are read from the access matrix: each GET row that answers 200 with HTML to a
role is opened as that role, in the matrix's own world, so a new address is checked as soon as
it has its row. Django's admin is left out: it is the framework's, for administrators only."""

import time

import pytest
from django.test import Client

from meetmalmo.accessibility.statement import PAGES_TESTED
from meetmalmo.browser_testing import AXE, accessibility_problems, sign_in
from meetmalmo.core.tests.test_access_matrix import OK, TABLE, address, build_world

# Transactional, so the live server sees the world. The flush after every transactional test
# takes the rows the migrations wrote (the focus areas, the glossary), and the world is built
# from them: `migration_rows` (in the package's conftest) writes them back before it begins.
pytestmark = pytest.mark.django_db(transaction=True)

# Who opens the pages: everyone but the administrator, whose extra pages are the admin's.
SWEEP_ROLES = ("visitor", "member", "other_member", "group_member", "resource", "process_manager")
WIDTHS = (320, 1280)
LANGUAGES = ("sv", "en")
REFLOW = "document.documentElement.scrollWidth"


# A page everyone may open is the same page for each of them but for the header: it is opened
# signed out and as a process manager, whose header has the most in it.
PUBLIC_SEEN_BY = ("visitor", "process_manager")


def opened_by(role: str) -> list[str]:
    keys = []
    for key, row in TABLE.items():
        if row.get.get(role) != OK or row.skip or "admin" in key:
            continue
        public = all(row.get.get(other) == OK for other in SWEEP_ROLES)
        if not public or role in PUBLIC_SEEN_BY:
            keys.append(key)
    return sorted(keys)


def html_pages(role: str, world) -> list[str]:
    """The role's addresses that answer a page (not a feed, a file or JSON). A page that ends
    the person's session (another person's e-mail confirmation link) comes last."""
    client = Client()
    urls, last = [], []
    for key in opened_by(role):
        url = address(key, world)
        if not url.startswith("/sv/"):
            continue  # outside the language prefix: for programs, not people
        if role != "visitor":
            client.force_login(getattr(world, role))
        response = client.get(url)
        html = response["Content-Type"].startswith("text/html")
        # A part of a page that htmx fetches (the related work) is checked on its page.
        if response.status_code == 200 and html and b"<html" in response.content:
            ended = role != "visitor" and "_auth_user_id" not in client.session
            (last if ended else urls).append(url)
    return urls + last


def test_every_page_each_role_opens_is_accessible_and_reflows(browser, live_server):
    world = build_world()
    pages = {role: html_pages(role, world) for role in SWEEP_ROLES}
    problems, report = [], []
    for role, urls in pages.items():
        started = time.monotonic()
        assert urls, f"{role} opens no page"
        for width in WIDTHS:
            problems += sweep(browser, live_server, world, role, width, urls)
        report.append(f"{role}: {len(urls)} pages in {time.monotonic() - started:.0f} s")
    print("\n".join(report))
    assert not problems, "\n".join(problems)
    # The statement says how many addresses are tested; it must be this sweep's number.
    assert len({url for urls in pages.values() for url in urls}) == PAGES_TESTED


def sweep(browser, live_server, world, role, width, urls) -> list[str]:
    """Each page in each language as `role` sees it at `width` CSS px, and what is wrong."""
    context = browser.new_context(
        bypass_csp=True, base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    context.set_default_timeout(20_000)
    context.add_init_script(path=AXE)
    page = context.new_page()
    if role != "visitor":
        sign_in(page, getattr(world, role))
    problems = []
    for language in LANGUAGES:
        for url in urls:
            url = f"/{language}/{url.removeprefix('/sv/')}"
            where = f"{role} {width}px {url}"
            page.goto(url)
            if page.get_attribute("html", "lang") != language:
                problems.append(f"{where}: not in {language}")
            if (headings := page.locator("h1").count()) != 1:
                problems.append(f"{where}: {headings} h1")
            problems += [f"{where}: {problem}" for problem in accessibility_problems(page)]
            if width == 320 and (wide := page.evaluate(REFLOW)) > 320:
                problems.append(f"{where}: scrolls sideways, {wide} px wide")
    context.close()
    print("\n".join(problems), flush=True)  # with -s, as the sweep goes
    return problems
