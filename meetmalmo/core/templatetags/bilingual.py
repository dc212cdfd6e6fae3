"""`<p{{ initiative|lang }}>`: marks text shown in the other language than the page's."""

from django import template
from django.utils.safestring import mark_safe

from meetmalmo.core.bilingual import lang_attribute

register = template.Library()


@register.filter(name="lang")
def lang_filter(value):
    # The attribute is built from a known language code only, never from the text.
    return mark_safe(lang_attribute(value))  # noqa: S308
