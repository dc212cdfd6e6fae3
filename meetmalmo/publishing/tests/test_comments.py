import time
from unittest import mock

import pytest
from django.core import signing

from meetmalmo.publishing.forms import STARTED
from meetmalmo.publishing.models import Comment
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db
URL = "/en/news/dagen/comments/"


def started(seconds_ago: float) -> str:
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return signing.TimestampSigner(salt=STARTED).sign("comment")


def good(**changes):
    return {
        "name": "Karin Läsare",
        "email": "karin@example.se",
        "text": "Vilken fin dag!",
        "website": "",
        "started": started(30),
        **changes,
    }


@pytest.fixture
def article():
    return ArticleFactory(slug="dagen")


def test_a_comment_is_held_for_moderation(client, article):
    response = client.post(URL, good(), follow=True)
    assert "Your comment awaits moderation" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.state, comment.article) == ("pending", article)
    assert "Vilken fin dag!" not in client.get("/en/news/dagen/").content.decode()


def test_with_htmx_the_form_answers_in_place(client, article):
    response = client.post(URL, good(), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert "Your comment awaits moderation" in content
    bad = client.post(URL, good(email=""), HTTP_HX_REQUEST="true").content.decode()
    assert "<form" in bad and 'id="id_email_error"' in bad and 'value="Karin Läsare"' in bad


@pytest.mark.parametrize(
    "changes", [{"website": "http://spam.example"}, {"started": "now"}, {"started": "forged"}]
)
def test_honeypot_speed_and_forgery_mark_spam_without_telling(client, article, changes):
    if changes.get("started") == "now":
        changes = {"started": started(0)}  # signed as the test runs, not when it is collected
    response = client.post(URL, good(**changes), follow=True)
    assert "Your comment awaits moderation" in response.content.decode()
    assert Comment.objects.get().state == "spam"


@pytest.mark.parametrize(
    "changes", [{"started": None}, {"started": "x\x00" * 5_000}, {"website": "\x00"}]
)
def test_a_missing_or_mangled_hidden_field_keeps_the_comment_as_spam(client, article, changes):
    data = good(**changes)
    data = {name: value for name, value in data.items() if value is not None}
    response = client.post(URL, data, follow=True)
    assert "Your comment awaits moderation" in response.content.decode()
    assert Comment.objects.get().state == "spam"


def test_an_address_sending_too_many_is_refused(client, article, settings):
    settings.COMMENT_RATE_PER_HOUR = 2
    for _ in range(2):
        client.post(URL, good())
    refused = client.post(URL, good(text="En till"))
    assert refused.status_code == 400
    assert "many comments in a short time" in refused.content.decode()
    assert 'value="Karin Läsare"' in refused.content.decode()
    assert Comment.objects.count() == 2
    client.post(URL, good(email="annan@example.se"))
    assert Comment.objects.count() == 3


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "This field is required."),
        ({"email": "inte-en-adress"}, "email", "Enter a valid email address."),
        ({"text": ""}, "text", "This field is required."),
        ({"text": "x" * 3001}, "text", "at most 3000 characters"),
        ({"text": "http://a.se http://b.se www.c.se"}, "text", "At most 2 links"),
        ({"name": "n" * 81}, "name", "at most 80 characters"),
    ],
)
def test_bad_comments_are_explained_keeping_what_was_typed(
    client, article, changes, field, message
):
    response = client.post(URL, good(**changes))
    content = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in content and message in content
    assert "Vilken fin dag!" in content or field == "text"
    assert not Comment.objects.exists()


def test_comments_on_drafts_or_unknown_articles_are_not_found(client):
    ArticleFactory(slug="utkast", publish_at=None)
    assert client.post("/en/news/utkast/comments/", good()).status_code == 404
    assert client.post("/en/news/finns-inte/comments/", good()).status_code == 404
    assert client.get(URL).status_code in (404, 405)
    assert not Comment.objects.exists()


def test_the_form_says_the_address_is_not_published(client, article):
    page = client.get("/en/news/dagen/").content.decode()
    assert "Your e-mail address will not be published. Required fields are marked *" in page


def test_moderators_approve_reject_and_mark_spam_in_bulk(client, process_manager, article):
    first, second, third = CommentFactory.create_batch(3, article=article)
    client.force_login(process_manager)
    queue = client.get("/en/staff/comments/").content.decode()
    assert "3 comments" in queue and "karin@example.se" in queue
    client.post("/en/staff/comments/", {"comments": [first.pk, second.pk], "action": "approved"})
    client.post("/en/staff/comments/", {"comments": [third.pk], "action": "spam"})
    states = dict(Comment.objects.values_list("pk", "state"))
    assert states == {first.pk: "approved", second.pk: "approved", third.pk: "spam"}
    assert Comment.objects.get(pk=first.pk).moderated_by == process_manager
    assert "Vilken fin dag!" in client.get("/en/news/dagen/").content.decode()
    nothing = client.post(
        "/en/staff/comments/", {"comments": ["x", "-1"], "action": "approved"}, follow=True
    )
    assert "Choose at least one comment." in nothing.content.decode()
    odd = client.post(
        "/en/staff/comments/", {"comments": [first.pk], "action": "delete"}, follow=True
    )
    assert "Choose approve, reject or spam." in odd.content.decode()


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403}


@pytest.mark.parametrize("role", EXPECTED)
def test_moderation_and_news_editing_are_for_process_managers_only(client, request, role, article):
    comment = CommentFactory(article=article)
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    for path in [
        "/en/staff/comments/",
        "/en/staff/news/",
        "/en/staff/news/new/",
        f"/en/staff/news/{article.pk}/",
    ]:
        assert client.get(path).status_code == EXPECTED[role], path
    client.post("/en/staff/comments/", {"comments": [comment.pk], "action": "approved"})
    client.post(
        f"/en/staff/news/{article.pk}/",
        {"slug": "kapad", "title_sv": "Kapad", "body_sv": "x", "byline": "x"},
    )
    comment.refresh_from_db()
    article.refresh_from_db()
    assert (comment.state, article.slug) == ("pending", "dagen")


def test_a_signed_in_person_finds_their_name_and_address_filled_in(client, member):
    ArticleFactory(slug="dagen")
    client.force_login(member)
    page = client.get("/en/news/dagen/").content.decode()
    assert f'value="{member.name}"' in page and f'value="{member.email}"' in page
    client.logout()
    assert member.email not in client.get("/en/news/dagen/").content.decode()
