"""Where an initiative recorded by the office came from, beyond its channel: an app above
initiatives offers a field for the recording form (the events app: which meeting) and keeps
the answer itself, so initiatives knows none of them."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class Origin:
    name: str  # the field's name in the recording form
    channel: str  # the channel it belongs to: the field is answered only with that channel
    field: Callable[[], forms.Field]  # a new field for each form
    # Keeps the answer for the initiative just recorded, inside the recording's transaction.
    save: Callable[..., None]


ORIGINS: list[Origin] = []


def register(origin: Origin) -> None:
    if origin.name not in {o.name for o in ORIGINS}:
        ORIGINS.append(origin)


def add_fields(form: forms.Form) -> None:
    for origin in ORIGINS:
        form.fields[origin.name] = origin.field()


def check(form: forms.Form, message: str) -> None:
    """An answer given with another channel is refused beside its field."""
    channel = form.cleaned_data.get("channel")
    for origin in ORIGINS:
        if form.cleaned_data.get(origin.name) and channel != origin.channel:
            form.add_error(origin.name, message)


def save(initiative, cleaned_data: dict) -> None:
    for origin in ORIGINS:
        value = cleaned_data.get(origin.name)
        if value:
            origin.save(initiative=initiative, value=value)
