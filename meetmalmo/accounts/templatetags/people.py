"""How templates name a person whose work stays after they have deleted their account."""

from django import template

from meetmalmo.accounts.models import FORMER_MEMBER

register = template.Library()


@register.filter
def person_name(person) -> str:
    """`{{ update.author|person_name }}`: the name, or "Former member" when the account is gone."""
    return person.name if person else str(FORMER_MEMBER)
