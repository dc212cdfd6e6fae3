from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from meetmalmo.core.http import page_path_with_query


def site(request):
    """The language switcher's links to this same page in each language, and site contacts."""
    path = page_path_with_query(request)
    current = get_language()
    languages = [
        {
            "code": code,
            "name": {"sv": "Svenska", "en": "English"}[code],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    social = [
        (name, url)
        for name, url in (("LinkedIn", settings.SOCIAL_LINKEDIN_URL), ("X", settings.SOCIAL_X_URL))
        if url
    ]
    return {
        "language_links": languages,
        "contact_email": settings.CONTACT_EMAIL,
        "social_links": social,
    }
