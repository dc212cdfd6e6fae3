"""The office answers a reader's comment: under it on the article, marked as the office's, and
the writer told by e-mail with a link when they asked to be."""

import pytest
from django.core import mail

from meetmalmo.core.errors import Refused
from meetmalmo.publishing import services
from meetmalmo.publishing.models import Comment
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory
from meetmalmo.publishing.tests.test_comments import good

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment():
    return CommentFactory(
        article=ArticleFactory(slug="dagen"), state="approved", wants_answer=True, language="en"
    )


def url(comment) -> str:
    return f"/en/staff/comments/{comment.pk}/answer/"


def test_a_process_manager_answers_and_it_shows_under_the_comment(
    client, process_manager, comment, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(comment), {"answer": "Tack! Vi hör av oss."}, follow=True)
    assert "The answer is published under the comment" in response.content.decode()
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by) == ("Tack! Vi hör av oss.", process_manager)
    client.logout()
    page = client.get("/sv/news/dagen/").content.decode()
    shown = page[page.index(f'id="comment-{comment.pk}"') :]
    assert "Svar från Näringslivskontoret" in shown[: shown.index("</article>")]
    assert "Tack! Vi hör av oss." in shown[: shown.index("</article>")]


def test_the_writer_is_told_by_email_with_a_link_in_their_language(
    client, process_manager, comment, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://meetmalmo.malmo.se"
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(comment), {"answer": "Thank you, we will be in touch."})
    [message] = mail.outbox
    assert message.to == ["karin@example.se"]
    assert message.subject.startswith("The office has answered your comment on")
    assert "Thank you, we will be in touch." in message.body
    assert f"https://meetmalmo.malmo.se/en/news/dagen/#comment-{comment.pk}" in message.body


def test_a_changed_answer_is_not_told_again(
    client, process_manager, comment, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(comment), {"answer": "Tack!"})
        client.post(url(comment), {"answer": "Tack så mycket!"})
    comment.refresh_from_db()
    assert comment.answer == "Tack så mycket!" and len(mail.outbox) == 1


def test_nobody_is_told_who_did_not_ask(
    client, process_manager, comment, django_capture_on_commit_callbacks
):
    Comment.objects.filter(pk=comment.pk).update(wants_answer=False)
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(comment), {"answer": "Tack!"})
    assert mail.outbox == []
    assert Comment.objects.get().answer == "Tack!"


@pytest.mark.parametrize("state", ["pending", "rejected", "spam"])
def test_only_an_approved_comment_can_be_answered(client, process_manager, comment, state):
    Comment.objects.filter(pk=comment.pk).update(state=state)
    client.force_login(process_manager)
    assert client.get(url(comment)).status_code == 404
    assert client.post(url(comment), {"answer": "Tack!"}).status_code == 404
    assert Comment.objects.get().answer == ""
    comment.state = state
    with pytest.raises(Refused):
        services.comment_answer(comment=comment, answer="Tack!", actor=process_manager)


@pytest.mark.parametrize("role", ["member", "group_member"])
def test_only_process_managers_answer(request, client, comment, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url(comment)).status_code == 403
    assert client.post(url(comment), {"answer": "Tack!"}).status_code == 403
    assert Comment.objects.get().answer == ""
    with pytest.raises(Refused):
        services.comment_answer(
            comment=comment, answer="Tack!", actor=request.getfixturevalue(role)
        )


def test_a_visitor_is_sent_to_sign_in(client, comment):
    response = client.post(url(comment), {"answer": "Tack!"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Comment.objects.get().answer == ""


@pytest.mark.parametrize(
    "answer, message",
    [
        ("", "Write the answer."),
        ("   ", "Write the answer."),
        ("x" * 3_001, "Ensure this value has at most 3000 characters (it has 3001)."),
    ],
)
def test_a_missing_or_huge_answer_is_explained_beside_the_field(
    client, process_manager, comment, answer, message
):
    client.force_login(process_manager)
    response = client.post(url(comment), {"answer": answer})
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_answer_error"' in content and message in content
    assert Comment.objects.get().answer == ""


def test_a_hostile_answer_is_shown_as_text(client, process_manager, comment):
    client.force_login(process_manager)
    client.post(url(comment), {"answer": "<script>alert(1)</script>"})
    client.logout()
    page = client.get("/en/news/dagen/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_moderation_list_offers_an_answer_to_approved_comments(
    client, process_manager, comment
):
    client.force_login(process_manager)
    approved = client.get("/en/staff/comments/?state=approved").content.decode()
    assert f'href="/en/staff/comments/{comment.pk}/answer/"' in approved
    assert "asks to be told by e-mail" in approved
    assert "/answer/" not in client.get("/en/staff/comments/?state=pending").content.decode()


def test_a_reader_asks_to_be_told_when_the_office_answers(client):
    ArticleFactory(slug="dagen")
    form = client.get("/en/news/dagen/").content.decode()
    assert 'name="wants_answer"' in form and "Tell me by e-mail when the office answers" in form
    client.post("/en/news/dagen/comments/", good(wants_answer="on"))
    client.post("/sv/news/dagen/comments/", good(email="per@example.se"))
    told = dict(Comment.objects.values_list("email", "wants_answer"))
    assert told == {"karin@example.se": True, "per@example.se": False}
    assert dict(Comment.objects.values_list("email", "language")) == {
        "karin@example.se": "en",
        "per@example.se": "sv",
    }


def test_a_changed_answer_says_nobody_is_told_again(
    client, process_manager, comment, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(comment), {"answer": "Tack!"}, follow=True)
        second = client.post(url(comment), {"answer": "Tack så mycket!"}, follow=True)
    assert "the writer is told by e-mail" in first.content.decode()
    content = second.content.decode()
    assert "The answer is published under the comment." in content
    assert "the writer is told by e-mail" not in content


def test_answers_add_no_query_to_the_article_page(client, process_manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetmalmo.core import public_cache

    article = ArticleFactory(slug="dagen")

    def page() -> tuple[int, str]:
        public_cache.clear()  # as the answer's commit does
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sv/news/dagen/")
        return len(captured), response.content.decode()

    CommentFactory(article=article, state="approved")
    few, _content = page()
    for n in range(20):
        comment = CommentFactory(article=article, state="approved", text=f"Fråga {n}")
        services.comment_answer(comment=comment, answer=f"Svar {n}", actor=process_manager)
    many, content = page()
    assert content.count('class="comment-answer"') == 20
    assert many == few
