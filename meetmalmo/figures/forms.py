from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from meetmalmo.figures.selectors import Period

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The period the office's figures are counted over; both ends optional and included."""

    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput(),
        help_text=_("The first day, as YYYY-MM-DD. Empty: from the start."),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, for example 2026-01-01.")},
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput(),
        help_text=_("The last day, as YYYY-MM-DD. Empty: until today."),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, for example 2026-12-31.")},
    )

    earliest = EARLIEST
    latest = LATEST

    def clean(self):
        data = super().clean()
        for name in ("start", "end"):
            day = data.get(name)
            if day and not self.earliest <= day <= self.latest:
                self.add_error(
                    name,
                    _("Choose a date between %(first)s and %(last)s.")
                    % {"first": self.earliest.year, "last": self.latest.year},
                )
        start, end = data.get("start"), data.get("end")
        if start and end and end < start and not self.errors:
            self.add_error("end", _("The last day cannot come before the first."))
        return data

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data.get("start"), self.cleaned_data.get("end"))


class SummaryPeriodForm(PeriodForm):
    """The period of a summary for the politicians: nothing before Meet Malmö started."""

    earliest = date(settings.START_YEAR, 1, 1)
