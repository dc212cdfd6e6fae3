"""The open-data page and the API's documentation in a real browser: axe-clean in both
languages, and the files they link to download."""

import pytest

from meetmalmo.browser_testing import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("path", ["open-data/", "open-data/api/"])
def test_the_open_data_pages_are_accessible(page, language, path):
    response = page.goto(f"/{language}/{path}")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_the_projects_file_downloads_from_the_open_data_page(page):
    page.goto("/en/open-data/")
    with page.expect_download() as download:
        page.click("a[href='/open-data/projects.csv']")
    assert download.value.suggested_filename == "projects.csv"
