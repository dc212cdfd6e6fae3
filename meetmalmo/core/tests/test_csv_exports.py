"""Every staff CSV export, with what people typed into the portal made to attack the one who
opens the file: formulas, every separator, quotes, tabs and line breaks. Read on any separator a
spreadsheet may split on, no cell starts a formula; read on its own, every row keeps its columns
and every text comes back as typed, a formula made plain text by a leading apostrophe."""

import csv
import io

import pytest
from django.utils import timezone

from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory
from meetmalmo.notifications.models import Follow

pytestmark = pytest.mark.django_db

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+46 40 34 10 00",
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\n=1+1",
    "\uff1d1+1",  # a full-width equals sign
    'Hotell "Stadt"; Malmö, Sverige',
    "x;=cmd",
    "x,=cmd",
    "x\t=cmd",
    "x\r\n=cmd",
]
# What the file holds for each: the text as typed, with an apostrophe before each formula.
MADE_PLAIN = {
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
    "+46 40 34 10 00": "'+46 40 34 10 00",
    "-1+1": "'-1+1",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "\t=1+1": "'\t'=1+1",
    "\n=1+1": "'\n'=1+1",
    "\uff1d1+1": "'\uff1d1+1",
    'Hotell "Stadt"; Malmö, Sverige': 'Hotell "Stadt"; Malmö, Sverige',
    "x;=cmd": "x;'=cmd",
    "x,=cmd": "x,'=cmd",
    "x\t=cmd": "x\t'=cmd",
    "x\r\n=cmd": "x\r\n'=cmd",
}
assert list(MADE_PLAIN) == HOSTILE
FORMULA = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@pytest.fixture
def exports(process_manager):
    event = EventFactory(organiser=process_manager)
    for number, text in enumerate(HOSTILE):
        RegistrationFactory(event=event, name=text, organisation=text)
        Follow.objects.create(
            email=f"lasare{number}@example.se",
            given_name=text[:100],
            language="sv",
            target="newsletter",
            target_id=0,
            confirmed_at=timezone.now(),
        )
    return {
        "registrations": f"/{{lang}}/staff/events/{event.pk}/registrations.csv",
        "subscribers": "/{lang}/staff/newsletter/subscribers.csv",
    }


def cells(text: str, separator: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


@pytest.mark.parametrize("export", ["registrations", "subscribers"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_cell_of_an_export_starts_a_formula_whatever_it_is_read_on(
    client, process_manager, exports, export, lang
):
    client.force_login(process_manager)
    response = client.get(exports[export].format(lang=lang))
    assert response.status_code == 200, exports[export]
    text = response.content.decode("utf-8-sig")
    for separator in (",", ";", "\t"):
        started = [
            cell
            for row in cells(text, separator)
            for cell in row
            if cell.lstrip(" \t\r\n").startswith(FORMULA)
        ]
        assert not started, (separator, started)
    own = ";" if text.splitlines()[0].count(";") else ","
    rows = cells(text, own)
    assert {len(row) for row in rows} == {len(rows[0])}
    read = {cell for row in rows[1:] for cell in row}
    for typed, shown in MADE_PLAIN.items():
        assert shown in read, typed
