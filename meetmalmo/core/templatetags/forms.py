"""What the shared form templates need to know about a form."""

from django import template

register = template.Library()


@register.filter
def error_count(form) -> int:
    """How many messages the form shows: its own and every field's."""
    return sum(len(errors) for errors in form.errors.values())
