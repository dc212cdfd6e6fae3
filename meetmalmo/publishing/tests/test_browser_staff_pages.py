"""Staff pages added for related work, resources and publishing: axe-clean in both languages,
empty and with errors beside the fields."""

import pytest

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.inventory.models import GlossaryEntry
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory
from meetmalmo.publishing.tests.test_projects import adopted
from meetmalmo.resources.tests.factories import ResourceFactory


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_staff_pages_are_accessible(page, process_manager, language):
    GlossaryEntry.objects.create(swedish="läxhjälp", english="homework help")
    ResourceFactory(competences=["rekrytering"], focus_areas=["youth-employment"])
    article = ArticleFactory()
    CommentFactory(article=article)
    case, _ = adopted()
    sign_in(page, process_manager)
    for path in (
        "/staff/glossary/",
        "/staff/glossary/new/",
        "/staff/resources/",
        "/staff/resources/?min_hours=900",
        "/staff/news/",
        "/staff/news/new/",
        f"/staff/news/{article.pk}/",
        "/staff/comments/",
        "/staff/projects/",
        f"/staff/projects/{case.project.pk}/",
    ):
        page.goto(f"/{language}{path}")
        assert_accessible(page)

    page.goto(f"/{language}/staff/news/new/")
    page.fill("#id_slug", "Inte giltig!")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert page.get_attribute("#id_slug", "aria-invalid") == "true"
    assert page.input_value("#id_slug") == "Inte giltig!"
    assert_accessible(page)

    page.goto(f"/{language}/staff/glossary/new/")
    page.fill("#id_english", "homework club")
    with page.expect_navigation():
        page.click("button.button--primary")
    assert page.get_attribute("#id_swedish", "aria-invalid") == "true"
    assert page.input_value("#id_english") == "homework club"
    assert_accessible(page)
