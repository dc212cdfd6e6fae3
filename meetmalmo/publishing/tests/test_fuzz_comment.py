"""A news comment with hostile input: the form again with a message beside the field and no
comment, or the comment held for moderation (as spam when it looks like it) as typed."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.core.tests import hostile
from meetmalmo.publishing.forms import CommentForm
from meetmalmo.publishing.models import Comment
from meetmalmo.publishing.tests.factories import ArticleFactory
from meetmalmo.publishing.tests.test_comments import good, started

pytestmark = pytest.mark.django_db

# The signed start of writing: a person's pace, too fast, forged, stale or anything at all.
starts = st.one_of(
    st.sampled_from([30, 0, 2 * 24 * 3600]).map(started),
    st.sampled_from(["forged", "comment:1abcde:xyz", ""]),
    hostile.text(),
)
CHANGES = hostile.changes(
    {
        "name": hostile.text(longer_than=80),
        "email": st.one_of(hostile.text(longer_than=254), st.emails()),
        "text": st.one_of(
            hostile.text(longer_than=3_000),
            st.sampled_from(["http://a.se http://b.se http://c.se", "www.x.se www.y.se"]),
        ),
        "website": st.one_of(st.just(""), hostile.text()),
        "started": starts,
    }
)


@pytest.fixture
def article():
    return ArticleFactory(slug="dagen")


@hostile.fuzz(max_examples=150)
@given(changed=CHANGES, lang=st.sampled_from(["sv", "en"]), htmx=st.booleans())
def test_a_comment_with_hostile_input_is_refused_beside_the_field_or_held_as_typed(
    client, article, changed, lang, htmx
):
    data = hostile.apply({**good(), "started": started(30)}, changed)
    refused = hostile.must_refuse(CommentForm(), data)
    headers = {"HX-Request": "true"} if htmx else {}
    with hostile.rolled_back():
        response = client.post(f"/{lang}/news/dagen/comments/", data, headers=headers)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302 or (
            htmx
            and response.status_code == 200
            and not hostile.field_errors(response.content.decode())
        ):
            assert not refused, f"accepted although {refused} break the form's rules"
            comment = Comment.objects.get()
            hostile.assert_within_limits(comment)
            assert comment.text == hostile.typed(data, "text").strip()
            assert comment.state in ("pending", "spam")
        else:
            hostile.assert_refused(
                response,
                fields=refused,
                lang=lang,
                kept=hostile.typed_text(changed, CommentForm()),
            )
            assert not Comment.objects.exists()


@hostile.fuzz(max_examples=40)
@given(
    name=st.binary(max_size=200),
    text=st.binary(min_size=1, max_size=500),
    charset=st.sampled_from(["", "; charset=utf-8", "; charset=latin-1", "; charset=nonsense"]),
)
def test_a_comment_in_another_or_a_broken_encoding_is_no_error(
    client, article, name, text, charset
):
    fields = {"name": name, "email": b"karin@example.se", "text": text}
    fields["started"] = started(30).encode()
    body = "&".join(f"{key}={quote_from_bytes(value)}" for key, value in fields.items())
    with hostile.rolled_back():
        response = client.generic(
            "POST",
            "/en/news/dagen/comments/",
            body.encode(),
            content_type=f"application/x-www-form-urlencoded{charset}",
        )
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:  # invalid UTF-8 is read with replacement characters
            hostile.assert_within_limits(Comment.objects.get())
        elif hostile.field_errors(response.content.decode()):
            hostile.assert_refused(response, fields=set(), lang="en")
            assert not Comment.objects.exists()
        else:  # Django refuses a form that says it is not UTF-8 as a bad request
            assert response.status_code == 400 and "latin-1" in charset
            assert not Comment.objects.exists()
