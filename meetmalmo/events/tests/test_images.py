"""A meeting's image: checked like the published pages' images, refused beside the field in the
page's language, stored resized and shown on the public page with its credit."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from meetmalmo.core.tests.test_images import png_claiming
from meetmalmo.events.models import Event
from meetmalmo.events.tests.test_staff import _data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(width=2400, height=1200, name="frukost.png"):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#00695c").save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def _error(content: str, field: str) -> str:
    return content.split(f'id="id_{field}_error"', 1)[1].split("</ul>", 1)[0]


def _not_an_image(lang: str) -> str:
    with translation.override(lang):
        return str(forms.ImageField.default_error_messages["invalid_image"])


TOO_LARGE = {"sv": "Bilden är för stor", "en": "The image is too large"}
TOO_MANY_PIXELS = {"sv": "Bilden har för många pixlar", "en": "The image has too many pixels"}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fault", ["not an image", "too large", "too many pixels"])
def test_a_bad_upload_is_refused_beside_the_field_and_the_rest_is_kept(
    client, process_manager, settings, lang, fault
):
    if fault == "not an image":
        upload, message = SimpleUploadedFile("x.png", b"%PDF-1.7 not an image"), None
    elif fault == "too large":
        settings.IMAGE_MAX_BYTES = 1000
        upload, message = png(), TOO_LARGE[lang]
    else:
        upload, message = png_claiming(20_000, 20_000), TOO_MANY_PIXELS[lang]
    client.force_login(process_manager)
    response = client.post(
        f"/{lang}/staff/events/new/",
        _data(process_manager, image=upload, image_alt_sv="Kaffe", photo_credit="Anna Berg"),
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert (message or _not_an_image(lang)) in _error(content, "image")
    assert 'value="Frukost om sommarjobb"' in content
    assert 'value="Kaffe"' in content and 'value="Anna Berg"' in content
    assert not Event.objects.exists()


def test_an_image_needs_a_description(client, process_manager):
    client.force_login(process_manager)
    response = client.post("/en/staff/events/new/", _data(process_manager, image=png()))
    assert response.status_code == 400
    assert "Describe the image" in _error(response.content.decode(), "image_alt_sv")


def test_a_good_image_is_resized_and_shown_with_its_credit(client, process_manager):
    client.force_login(process_manager)
    response = client.post(
        "/sv/staff/events/new/",
        _data(
            process_manager,
            image=png(),
            image_alt_sv="Kaffekoppar på ett bord",
            photo_credit="Anna Berg",
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    with Image.open(event.image) as stored:
        assert stored.size == (1200, 600)
    client.post(f"/sv/staff/events/{event.pk}/publish/")
    client.logout()

    swedish = client.get(f"/sv/events/{event.slug}/").content.decode()
    assert f'src="{event.image.url}" alt="Kaffekoppar på ett bord">' in swedish
    assert "<figcaption>Foto: Anna Berg</figcaption>" in swedish
    # Described only in Swedish: the English page says which language the description is in.
    english = client.get(f"/en/events/{event.slug}/").content.decode()
    assert 'alt="Kaffekoppar på ett bord" lang="sv"' in english
    assert "<figcaption>Photo: Anna Berg</figcaption>" in english
    listing = client.get("/sv/events/").content.decode()
    assert f'src="{event.image.url}"' in listing and 'loading="lazy"' in listing


def test_an_unchanged_image_is_kept_when_the_meeting_is_changed(client, process_manager):
    client.force_login(process_manager)
    client.post("/sv/staff/events/new/", _data(process_manager, image=png(), image_alt_sv="Kaffe"))
    event = Event.objects.get()
    name = event.image.name
    response = client.post(
        f"/sv/staff/events/{event.pk}/edit/",
        _data(process_manager, title_sv="Frukost om praktik", image_alt_sv="Kaffe"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title_sv == "Frukost om praktik" and event.image.name == name


@pytest.mark.parametrize("typed", ["Foto: Anna Berg", "Photo: Anna Berg", " foto:Foto: Anna Berg"])
def test_a_credit_typed_with_its_word_for_photo_is_shown_with_it_once(
    client, process_manager, typed
):
    client.force_login(process_manager)
    form = client.get("/sv/staff/events/new/").content.decode()
    assert "Fotograf" in form and "Bara namnet" in form
    client.post(
        "/sv/staff/events/new/",
        _data(process_manager, image=png(), image_alt_sv="Kaffe", photo_credit=typed),
    )
    event = Event.objects.get()
    assert event.photo_credit == "Anna Berg"
    client.post(f"/sv/staff/events/{event.pk}/publish/")
    page = client.get(f"/sv/events/{event.slug}/").content.decode()
    assert "<figcaption>Foto: Anna Berg</figcaption>" in page
