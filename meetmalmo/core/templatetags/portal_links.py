"""`{% portal_url "name" arg %}`: an absolute link into the portal for an e-mail template,
built like every e-mail link (core.mail.absolute, from SITE_URL) in the active language."""

from django import template
from django.urls import reverse

from meetmalmo.core.mail import absolute

register = template.Library()


@register.simple_tag
def portal_url(name: str, *args) -> str:
    return absolute(reverse(name, args=args))
