"""A group's report with its outcomes and hostile input: the form again with a message beside
the field (or the formset's own message) and nothing saved, or the report and its outcomes saved
together as typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.core.tests import hostile
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.publishing.forms import OutcomeForm, ReportForm
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.tests.test_reports import form, owner, url

pytestmark = pytest.mark.django_db
ROWS = range(3)

CHANGES = hostile.changes(
    {
        "summary": hostile.text(longer_than=10_000),
        "lessons": hostile.text(longer_than=10_000),
        "links": st.one_of(
            hostile.text(longer_than=3_000),
            st.lists(
                st.sampled_from(["https://malmo.se", "javascript:alert(1)", "ftp://x", "www.x"]),
                max_size=4,
            ).map("\n".join),
        ),
        **{f"outcomes-{row}-label": hostile.text(longer_than=120) for row in ROWS},
        **{f"outcomes-{row}-number": hostile.number() for row in ROWS},
        **{f"outcomes-{row}-unit": hostile.text(longer_than=40) for row in ROWS},
        "outcomes-0-DELETE": hostile.choice(),
        # One key for the management form, so that most examples reach the rows.
        "outcomes-TOTAL_FORMS": hostile.number(),
        "action": st.one_of(st.sampled_from(["submit", "draft"]), hostile.text()),
    }
)


@pytest.fixture
def group(process_manager):
    """A completed case's group, whose owner writes the final report."""
    group = forming_group(process_manager)
    for move in ("activate", "complete"):
        perform_transition(initiative=group.initiative, name=move, actor=process_manager)
    return group


def expected_refusals(data, changed) -> set[str]:
    refused = hostile.must_refuse(ReportForm(), data)
    if "outcomes-TOTAL_FORMS" in changed or "outcomes-0-DELETE" in changed:
        return refused  # the rows read depend on these; any answer but an error page will do
    for row in ROWS:
        prefix = f"outcomes-{row}"
        typed = [hostile.typed(data, f"{prefix}-{name}") for name in ("label", "number", "unit")]
        if any(value.strip() for value in typed):
            refused |= hostile.must_refuse(OutcomeForm(prefix=prefix), data)
    return refused


@hostile.fuzz(max_examples=100)
@given(changed=CHANGES, lang=st.sampled_from(["sv", "en"]))
def test_a_report_with_hostile_input_is_refused_beside_the_field_or_saved_whole(
    client, group, changed, lang
):
    client.force_login(owner(group))
    data = hostile.apply(form(), changed)
    refused = expected_refusals(data, changed)
    with hostile.rolled_back():
        response = client.post(url(group).replace("/en/", f"/{lang}/"), data)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:
            assert not refused, f"accepted although {refused} break the form's rules"
            report = Report.objects.get()
            hostile.assert_within_limits(report)
            assert report.summary == hostile.typed(data, "summary").strip()
            for outcome in report.outcomes.all():
                hostile.assert_within_limits(outcome)
                assert outcome.number >= 0 and abs(outcome.number) < 10**10
        else:
            hostile.assert_refused(
                response,
                fields=refused,
                lang=lang,
                kept=hostile.typed_text(changed, ReportForm()),
            )
            assert not Report.objects.exists() and not Outcome.objects.exists()
