"""The register's staff pages in a real browser: axe-clean in both languages, bad lines shown."""

import pytest

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.inventory.models import Effort, EffortImport
from meetmalmo.inventory.tests.test_import_efforts import HEADER


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "path", ["staff/efforts/", "staff/efforts/new/", "staff/efforts/import/", "staff/efforts/{pk}/"]
)
def test_effort_pages_are_accessible(page, process_manager, lang, path):
    effort = Effort.objects.create(
        title="Hej Framtid",
        description="Unga möter besöksnäringen.",
        owner_org="Visita",
        sphere="industry_org",
    )
    sign_in(page, process_manager)
    page.goto(f"/{lang}/" + path.format(pk=effort.pk))
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_an_upload_with_bad_lines_is_accessible(page, process_manager, tmp_path):
    bad = tmp_path / "efforts.csv"
    bad.write_text(HEADER + "X,,Y,mafia,,,,active\n")
    sign_in(page, process_manager)
    page.goto("/en/staff/efforts/import/")
    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "mafia" in page.inner_text("table")
    assert_accessible(page)


def test_an_import_is_followed_on_its_page_to_the_result(page, process_manager, tmp_path):
    good = tmp_path / "efforts.csv"
    # Without focus areas: a browser test's database keeps no rows of the migrations.
    good.write_text(
        HEADER
        + "Sommarjobb för unga,Unga får sommarjobb.,Malmö stad,city,,,,active\n"
        + "Games skills,Training for the games industry.,Game Habitat,industry_org,,,,planned\n"
    )
    sign_in(page, process_manager)
    page.goto("/sv/staff/efforts/import/")
    page.set_input_files("#id_file", str(good))
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.get_by_role("button", name="Importera").press("Enter")
    assert "/sv/staff/efforts/import/" in page.url and page.url.rstrip("/")[-1].isdigit()
    assert "Importerat: 2 skapade, 0 uppdaterade." in page.inner_text("main")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert Effort.objects.count() == 2


def test_the_page_of_an_import_under_way_follows_it_until_the_result(page, process_manager):
    run = EffortImport.objects.create(
        uploaded_by=process_manager,
        filename="register.csv",
        state="saving",
        rows=4000,
        rows_checked=4000,
        rows_saved=1000,
    )
    sign_in(page, process_manager)
    page.goto(f"/en/staff/efforts/import/{run.pk}/")
    assert "1000 of 4000 rows saved." in page.inner_text("main")
    assert_accessible(page)
    EffortImport.objects.filter(pk=run.pk).update(rows_saved=3000)
    page.wait_for_function("document.querySelector('main').innerText.includes('3000 of 4000')")
    EffortImport.objects.filter(pk=run.pk).update(state="done", created=4000)
    # The poll sees the import done and the page is loaded again with the result.
    page.wait_for_selector("text=Imported: 4000 created, 0 updated.", timeout=10_000)
    assert page.locator("progress").count() == 0
