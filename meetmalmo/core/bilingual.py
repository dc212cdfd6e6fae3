"""Text kept in both of the portal's languages: a field's text in the page's language, or in the
other one when it has none, with the language it is in, so that a page can mark (`lang`) text
shown in the language it was not asked in. Every bilingual model reads its texts through this,
and every page marks such text through `lang_attribute` (the template filter `|lang`)."""

from typing import NamedTuple

from django.utils.translation import get_language

LANGUAGES = ("sv", "en")


class Shown(NamedTuple):
    value: str
    lang: str
    other: bool  # written in the other language than the page's


def page_language() -> str:
    """The page's language as one of ours; Swedish unless English is asked for."""
    return "en" if get_language() == "en" else "sv"


def both(item, name: str) -> dict[str, str]:
    """A field in each language, as `{"sv": …, "en": …}` (the API and open data)."""
    return {language: getattr(item, f"{name}_{language}") for language in LANGUAGES}


class Translated:
    """Mixin for a model with fields `<name>_sv` and `<name>_en` for each name in TRANSLATED."""

    TRANSLATED: tuple[str, ...] = ()

    def text(self, name: str) -> Shown:
        wanted = page_language()
        for language in (wanted, *(code for code in LANGUAGES if code != wanted)):
            value = getattr(self, f"{name}_{language}")
            if value:
                return Shown(value, language, language != wanted)
        return Shown("", wanted, False)

    @property
    def shown(self) -> "_ShownFields":
        return _ShownFields(self)


class _ShownFields:
    """`article.shown.title` in templates; each field is read only when asked for, so a list
    that loads titles and leads does not load the bodies."""

    def __init__(self, item):
        self.item = item

    def __getitem__(self, name: str) -> Shown:
        if name not in self.item.TRANSLATED:
            raise KeyError(name)
        return self.item.text(name)


def language_of(value) -> str:
    """The language a shown text is written in: a `Shown`'s, the `language` of the object that
    wrote it (an initiative, an effort), or a language code itself; "" when nobody knows."""
    if isinstance(value, Shown):
        return value.lang
    if isinstance(value, str):
        return value
    return getattr(value, "language", "") or ""


def lang_attribute(value) -> str:
    """` lang="sv"` when the text is in the other language than the page's, else nothing: a
    screen reader then reads it with the right voice (WCAG 3.1.2)."""
    code = language_of(value)
    return f' lang="{code}"' if code in LANGUAGES and code != page_language() else ""
