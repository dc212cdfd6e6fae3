"""The initiative form with hostile input, new and as a draft being finished: it answers with
the form and a message beside the field and saves nothing, or saves what was typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.core.models import FocusArea
from meetmalmo.core.tests import hostile
from meetmalmo.initiatives.forms import InitiativeForm
from meetmalmo.initiatives.models import Attachment, CaseEvent, Initiative
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.models import IndexTerm

pytestmark = pytest.mark.django_db

TEXT_FIELDS = {
    name: Initiative._meta.get_field(name).max_length
    for name in [
        "title",
        "summary",
        "description",
        "challenge",
        "benefit_city",
        "benefit_business",
        "proposed_partners",
    ]
}
HEADS = [b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"MZ\x90\x00", b""]

uploads = st.builds(
    lambda name, head, body: SimpleUploadedFile(name, head + body),
    st.one_of(
        hostile.text(), st.sampled_from(["plan.pdf", "a.docx", "x.png.exe", "..\\..\\a"])
    ).map(lambda name: hostile.as_browser_sends_file_name(name) or "unnamed"),
    st.sampled_from(HEADS),
    st.binary(max_size=2_000),
)
CHANGES = hostile.changes(
    {
        **{name: hostile.text(longer_than=limit) for name, limit in TEXT_FIELDS.items()},
        "focus_areas": hostile.choice(),
        "language": hostile.choice(),
        "criterion_strategic": hostile.choice(),
        "criterion_social": hostile.choice(),
        "action": st.one_of(st.sampled_from(["submit", "draft"]), hostile.text()),
        "attachments": st.lists(uploads, max_size=2),
    }
)


def good():
    areas = FocusArea.objects.filter(code__in=["youth-employment", "tourism-events"])
    return {
        "title": "Sommarjobb i besöksnäringen",
        "summary": "Unga får sitt första jobb på hotell.",
        "description": "Hotell och staden samarbetar om sommarjobb.",
        "challenge": "Unga saknar kontakter.",
        "benefit_city": "Fler unga i arbete.",
        "benefit_business": "Framtidens medarbetare.",
        "proposed_partners": "Visita, Malmö stad",
        "focus_areas": [a.pk for a in areas],
        "language": "sv",
        "criterion_strategic": "on",
        "action": "submit",
    }


def counted():
    return [
        Initiative.objects.all(),
        CaseEvent.objects.all(),
        Attachment.objects.all(),
        Initiative.focus_areas.through.objects.all(),
        IndexTerm.objects.all(),
    ]


def expected_refusals(data):
    draft = hostile.sent(data, "action") == "draft"
    return hostile.must_refuse(InitiativeForm(draft=draft), data)


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


@hostile.fuzz(max_examples=200)
@given(changed=CHANGES, lang=st.sampled_from(["sv", "en"]))
def test_a_new_initiative_with_hostile_input_is_refused_beside_the_field_or_saved_as_typed(
    signed_in, changed, lang
):
    data = hostile.apply(good(), changed)
    refused = expected_refusals(data)
    with hostile.rolled_back():
        before = hostile.counts(counted())
        response = signed_in.post(f"/{lang}/initiatives/new/", data)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:
            assert not refused, f"accepted although {refused} break the form's rules"
            initiative = Initiative.objects.latest("pk")
            hostile.assert_within_limits(initiative)
            assert initiative.title == hostile.typed(data, "title").strip()
            assert initiative.summary == hostile.typed(data, "summary").strip()
            submitted = hostile.sent(data, "action") != "draft"
            assert initiative.state == (State.SUBMITTED if submitted else State.DRAFT)
            assert hostile.counts(counted())[:2] == [before[0] + 1, before[1] + submitted]
        else:
            hostile.assert_refused(
                response,
                fields=refused,
                lang=lang,
                kept=hostile.typed_text(changed, InitiativeForm()),
            )
            assert hostile.counts(counted()) == before


@hostile.fuzz(max_examples=60)
@given(changed=CHANGES)
def test_a_draft_finished_with_hostile_input_is_left_as_it_was_when_refused(
    signed_in, member, changed
):
    data = hostile.apply(good(), changed)
    refused = expected_refusals(data)
    with hostile.rolled_back():
        draft = InitiativeFactory(state=State.DRAFT, submitter=member, title="Min idé om hamnen")
        before = hostile.counts(counted())
        response = signed_in.post(f"/en/initiatives/{draft.pk}/edit/", data)
        hostile.assert_nothing_unescaped(response)
        draft.refresh_from_db()
        if response.status_code == 302:
            assert not refused, f"accepted although {refused} break the form's rules"
            hostile.assert_within_limits(draft)
            assert draft.title == hostile.typed(data, "title").strip()
        else:
            hostile.assert_refused(response, fields=refused, lang="en")
            assert hostile.counts(counted()) == before
            assert (draft.title, draft.state) == ("Min idé om hamnen", State.DRAFT)
