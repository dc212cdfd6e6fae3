"""The newsletter: subscribing with a confirmed address, the office's issue written, previewed
and sent once to each confirmed subscriber in their language, one-click unsubscribe, the
subscribers' download."""

import csv
import io
import json
import time
import zipfile
from unittest import mock

import pytest
from django.core import mail, signing
from django.utils import timezone
from openpyxl import load_workbook

from meetmalmo.accounts.services import account_delete
from meetmalmo.core.tests.hostile import assert_refused
from meetmalmo.newsletter import services
from meetmalmo.newsletter.models import Delivery, Issue
from meetmalmo.newsletter.tasks import send_issue
from meetmalmo.notifications.models import Follow
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://portal.example"


def started() -> str:
    with mock.patch("time.time", return_value=time.time() - 30):
        return signing.TimestampSigner(salt="newsletter.subscribe").sign("newsletter")


def subscribe(client, lang="en", follow=False, **fields):
    data = {
        "name": "Karin",
        "email": "karin@example.se",
        "language": "en",
        "website": "",
        "started": started(),
    }
    return client.post(f"/{lang}/newsletter/", {**data, **fields}, follow=follow)


def subscriber(email, language="sv", **fields):
    return Follow.objects.create(
        email=email, language=language, target="newsletter", confirmed_at=timezone.now(), **fields
    )


def link_in(body: str, part: str) -> str:
    (found,) = [word for word in body.split() if part in word]
    return found.removeprefix("http://portal.example")


@pytest.fixture
def issue():
    article = ArticleFactory(
        publish_at=timezone.now(), title_sv="Hotellen anställer", title_en="Hotels hire"
    )
    found = Issue.objects.create(
        subject_sv="Nytt från Meet Malmö",
        subject_en="News from Meet Malmö",
        intro_sv="Hej, här är **maj**.",
        intro_en="Hello, here is **May**.",
    )
    found.articles.add(article)
    return found


def test_a_visitor_subscribes_and_confirms_once_by_the_emailed_link(client):
    response = subscribe(client, follow=True)
    assert "Check your inbox" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["karin@example.se"]
    confirm = link_in(message.body, "/follow/confirm/")
    assert confirm.startswith("/en/")
    pending = Follow.objects.get(target="newsletter")
    assert pending.confirmed_at is None and pending.given_name == "Karin"

    assert "Confirm" in client.get(confirm).content.decode()  # a link checker confirms nothing
    assert Follow.objects.get().confirmed_at is None
    assert "your address is confirmed" in client.post(confirm).content.decode()
    assert Follow.objects.get().confirmed_at is not None
    assert "has been used already" in client.post(confirm).content.decode()


def test_an_address_already_subscribed_gets_the_same_answer_and_nothing_more(client):
    subscriber("karin@example.se")
    response = subscribe(client, follow=True)
    assert "Check your inbox" in response.content.decode()
    assert mail.outbox == [] and Follow.objects.count() == 1


def test_software_filling_the_hidden_field_is_answered_alike_and_nothing_is_kept(client):
    response = subscribe(client, website="http://spam.example", follow=True)
    assert "Check your inbox" in response.content.decode()
    assert not Follow.objects.exists() and mail.outbox == []


def test_many_subscriptions_from_one_place_are_stopped_for_the_hour(client):
    for number in range(services.SUBSCRIPTIONS_PER_HOUR):
        subscribe(client, email=f"k{number}@example.se")
    response = subscribe(client, email="one.more@example.se")
    assert response.status_code == 400
    assert "Too many subscriptions" in response.content.decode()
    assert 'value="one.more@example.se"' in response.content.decode()
    assert not Follow.objects.filter(email="one.more@example.se").exists()


@pytest.mark.parametrize(
    "fields, wrong",
    [
        ({"email": ""}, {"email"}),
        ({"email": "karin@"}, {"email"}),
        ({"email": "k" * 250 + "@example.se"}, {"email"}),
        ({"email": "<script>alert(1)</script>@x.se"}, {"email"}),
        ({"name": "N" * 500}, {"name"}),
        ({"language": "de"}, {"language"}),
        ({"language": ""}, {"language"}),
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_wrong_values_are_refused_beside_the_field_keeping_what_was_typed(
    client, fields, wrong, lang
):
    response = subscribe(client, lang, **fields)
    assert response.status_code == 400
    typed = {"name": "Karin", "email": "karin@example.se", **fields}
    kept = {name: value for name, value in typed.items() if name not in wrong | {"language"}}
    assert_refused(response, fields=wrong, lang=lang, kept=kept)
    assert "<script>alert" not in response.content.decode()
    assert not Follow.objects.exists() and mail.outbox == []


def test_a_member_subscribes_with_their_accounts_address_at_once(client, member):
    client.force_login(member)
    page = client.get("/sv/newsletter/").content.decode()
    assert member.email in page and 'name="email"' not in page
    client.post("/sv/newsletter/", {"language": "en", "website": "", "started": started()})
    follow = Follow.objects.get(target="newsletter")
    assert follow.user == member and follow.language == "en" and follow.confirmed_at
    assert mail.outbox == []


def test_staff_compose_an_issue_from_recent_news_and_preview_it_in_each_language(
    client, process_manager
):
    article = ArticleFactory(publish_at=timezone.now(), title_sv="Unga", title_en="Young people")
    ArticleFactory(publish_at=None, title_sv="Utkast")  # a draft is not offered
    client.force_login(process_manager)
    form = client.get("/sv/staff/newsletter/new/").content.decode()
    assert "Unga" in form and "Utkast" not in form
    response = client.post(
        "/sv/staff/newsletter/new/",
        {
            "subject_sv": "Maj",
            "subject_en": "May",
            "intro_sv": "Hej <script>alert(1)</script>**alla**",
            "intro_en": "Hello **all**",
            "articles": [article.pk],
        },
    )
    issue = Issue.objects.get()
    assert response["Location"] == f"/sv/staff/newsletter/{issue.pk}/"
    assert issue.created_by == process_manager

    swedish = client.get(f"/sv/staff/newsletter/{issue.pk}/preview/sv/").content.decode()
    assert "Maj" in swedish and "Unga" in swedish
    assert f"http://portal.example/sv/news/{article.slug}/" in swedish
    assert "<script>" not in swedish and "alert(1)" not in swedish
    english = client.get(f"/sv/staff/newsletter/{issue.pk}/preview/en/").content.decode()
    assert "Hello **all**" in english and "Young people" in english
    assert f"http://portal.example/en/news/{article.slug}/" in english
    assert client.get(f"/sv/staff/newsletter/{issue.pk}/preview/de/").status_code == 404


def test_an_issue_without_a_subject_is_refused_beside_the_field(client, process_manager):
    client.force_login(process_manager)
    response = client.post(
        "/sv/staff/newsletter/new/",
        {"subject_sv": "", "subject_en": "S" * 151, "intro_sv": "Hej", "intro_en": "Hi"},
    )
    assert_refused(
        response, fields={"subject_sv", "subject_en"}, lang="sv", kept={"intro_sv": "Hej"}
    )
    assert not Issue.objects.exists()


def test_the_issue_goes_once_to_each_confirmed_subscriber_in_their_language(
    client, process_manager, issue
):
    subscriber("anna@example.se", "sv", given_name="Anna")
    subscriber("john@example.com", "en")
    Follow.objects.create(email="notyet@example.se", language="sv", target="newsletter")
    client.force_login(process_manager)

    client.post(f"/sv/staff/newsletter/{issue.pk}/send/")
    again = client.post(f"/sv/staff/newsletter/{issue.pk}/send/", follow=True)
    assert "har redan skickats" in again.content.decode()

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["anna@example.se", "john@example.com"]
    assert len(mail.outbox) == 2
    swedish, english = by_address["anna@example.se"], by_address["john@example.com"]
    assert swedish.subject == "Nytt från Meet Malmö" and "Hotellen anställer" in swedish.body
    assert english.subject == "News from Meet Malmö" and "Hotels hire" in english.body
    for message in (swedish, english):
        stop = link_in(message.body, "/follow/stop/")
        assert message.extra_headers["List-Unsubscribe"] == f"<http://portal.example{stop}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page = again.content.decode()
    assert 'id="count-sent">2<' in page and 'id="count-failed">0<' in page


def test_a_sent_issue_can_no_longer_be_changed(client, process_manager, issue):
    services.request_send(issue=issue, actor=process_manager)
    client.force_login(process_manager)
    response = client.post(
        f"/sv/staff/newsletter/{issue.pk}/",
        {"subject_sv": "Ändrat", "subject_en": "Changed", "intro_sv": "x", "intro_en": "y"},
    )
    assert response.status_code == 400
    assert Issue.objects.get().subject_sv == "Nytt från Meet Malmö"


class WorkerKilled(BaseException):
    """What the sending sees of a worker killed mid-send: it stops where it is."""


def test_a_sending_cut_off_midway_resumes_and_each_subscriber_gets_it_once(process_manager, issue):
    for number in range(5):
        subscriber(f"s{number}@example.se")
    with mock.patch("meetmalmo.newsletter.tasks.send_issue"):  # no worker has started yet
        assert services.request_send(issue=issue, actor=process_manager)
    assert Delivery.objects.filter(issue=issue).count() == 5

    real_send, calls = services.send, []

    def dies_on_the_third(issue, subscriber):
        calls.append(subscriber.email)
        if len(calls) == 3:
            raise WorkerKilled
        real_send(issue, subscriber)

    with mock.patch.object(services, "send", dies_on_the_third), pytest.raises(WorkerKilled):
        send_issue.call(issue.pk)
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 2

    send_issue.call(issue.pk)  # the new worker runs the task again
    send_issue.call(issue.pk)  # and once more, finding nothing left
    assert sorted(m.to[0] for m in mail.outbox) == [f"s{n}@example.se" for n in range(5)]
    assert not services.request_send(issue=issue, actor=process_manager)
    assert len(mail.outbox) == 5


def test_a_message_that_cannot_be_made_is_counted_as_failed_and_the_rest_go(
    client, process_manager, issue
):
    subscriber("anna@example.se")
    subscriber("bad@example.se")
    real_send = services.send

    def refuses_one(issue, subscriber):
        if subscriber.email == "bad@example.se":
            raise ValueError("no such domain")
        real_send(issue, subscriber)

    with mock.patch.object(services, "send", refuses_one):
        services.request_send(issue=issue, actor=process_manager)
    assert [m.to for m in mail.outbox] == [["anna@example.se"]]
    client.force_login(process_manager)
    page = client.get(f"/sv/staff/newsletter/{issue.pk}/").content.decode()
    assert 'id="count-sent">1<' in page and 'id="count-failed">1<' in page
    listing = client.get("/en/staff/newsletter/").content.decode()
    assert "<td>1</td><td>1</td><td>0</td>" in listing


def test_one_click_unsubscribe_deletes_the_address_and_nothing_more_is_sent(
    client, process_manager, issue
):
    subscriber("anna@example.se")
    subscriber("john@example.com", "en")
    services.request_send(issue=issue, actor=process_manager)
    message = next(m for m in mail.outbox if m.to == ["anna@example.se"])
    stop = link_in(message.body, "/follow/stop/")

    # A mail program's one-click POST, without a session or a CSRF token.
    assert client.post(stop, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert list(Follow.objects.values_list("email", flat=True)) == ["john@example.com"]
    assert client.post(stop).status_code == 200  # once: the second finds nothing
    assert Follow.objects.count() == 1

    mail.outbox.clear()
    second = Issue.objects.create(subject_sv="Juni", subject_en="June", intro_sv="a", intro_en="b")
    services.request_send(issue=second, actor=process_manager)
    assert [m.to for m in mail.outbox] == [["john@example.com"]]
    assert Delivery.objects.filter(issue=issue).count() == 2  # what was sent stays counted


def test_staff_download_the_confirmed_subscribers(client, process_manager, member):
    subscriber("anna@example.se", given_name="=HYPERLINK(1)")
    Follow.objects.create(email="notyet@example.se", language="sv", target="newsletter")
    Follow.objects.create(
        user=member, language="en", target="newsletter", confirmed_at=timezone.now()
    )
    client.force_login(process_manager)

    text = client.get("/sv/staff/newsletter/subscribers.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows[1:]] == ["anna@example.se", member.email]
    assert rows[1][1].startswith("'")  # a formula stays text
    book = load_workbook(io.BytesIO(client.get("/en/staff/newsletter/subscribers.xlsx").content))
    emails = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert emails == ["anna@example.se", member.email]
    assert client.get("/en/staff/newsletter/subscribers.pdf").status_code == 404


def test_a_members_subscription_is_in_their_data_and_goes_with_their_account(
    client, member, process_manager, issue
):
    client.force_login(member)
    client.post("/sv/newsletter/", {"language": "sv", "website": "", "started": started()})
    subscriber(member.email, given_name="Samma person")  # once subscribed without an account
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.post("/en/my/data/").streaming_content)))
    follows = json.loads(archive.read("data.json"))["follows"]
    assert {(f["what"], f["address"]) for f in follows} == {
        ("newsletter", ""),
        ("newsletter", member.email),
    }
    services.request_send(issue=issue, actor=process_manager)
    account_delete(user=member)
    assert not Follow.objects.filter(target="newsletter").exists()
    assert Delivery.objects.filter(issue=issue).count() == 2  # counted, naming nobody
