"""The news and project pages' images: a phone photo is published upright, and an image of too
many pixels is refused beside the field in the page's language."""

import pytest
from PIL import Image

from meetmalmo.core.tests.test_images import phone_photo, png_claiming
from meetmalmo.publishing.models import NewsArticle
from meetmalmo.publishing.tests.test_projects import adopted
from meetmalmo.publishing.tests.test_staff_news import data

pytestmark = pytest.mark.django_db


def test_a_news_image_from_a_phone_is_published_upright(client, process_manager):
    client.force_login(process_manager)
    response = client.post(
        "/en/staff/news/new/", data(image=phone_photo(), image_alt_sv="Porträtt")
    )
    assert response.status_code == 302
    with Image.open(NewsArticle.objects.get().image) as stored:
        assert stored.size == (1200, 2400)


MESSAGES = {
    "en": "The image has too many pixels",
    "sv": "Bilden har för många pixlar",
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "side",
    [
        20_000,  # 400 million pixels: Pillow refuses to open it at all
        10_000,  # 100 million: Pillow opens it with a warning, and would decode all of it
    ],
)
def test_an_image_of_too_many_pixels_is_explained_beside_the_field(
    client, process_manager, lang, side
):
    client.force_login(process_manager)
    response = client.post(
        f"/{lang}/staff/news/new/", data(image=png_claiming(side, side), image_alt_sv="Svart")
    )
    content = response.content.decode()
    assert response.status_code == 400
    error = content.split('id="id_image_error"', 1)[1].split("</ul>", 1)[0]
    assert MESSAGES[lang] in error
    assert 'value="Tusen unga på Malmö Live"' in content and "Svart" in content
    assert not NewsArticle.objects.exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_project_page_refuses_it_too_and_keeps_its_old_image(client, process_manager):
    case, _ = adopted()
    client.force_login(process_manager)
    response = client.post(
        f"/en/staff/projects/{case.project.pk}/",
        {
            "slug": case.project.slug,
            "title_sv": "Sommarjobb",
            "body_sv": "Text",
            "image": png_claiming(20_000, 20_000),
            "image_alt_sv": "Svart",
            "action": "save",
        },
    )
    assert response.status_code == 400
    assert MESSAGES["en"] in response.content.decode()
    case.project.refresh_from_db()
    assert not case.project.image and case.project.title_sv != "Sommarjobb"
