"""Two servers that behave as one: two gunicorn servers on their own ports and two task
workers, all on one PostgreSQL database and one Redis, as a larger installation runs them
(docs/deployment.md). A person signed in on one is signed in on the other; wrong passwords
spread over both count together; the API's limit counts requests to both; a comment approved
on one shows at once on the other's cached page; each e-mail goes out once.

It needs PostgreSQL and Redis on this machine (CI has both) and is skipped, saying why, where
either cannot be reached."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[3]
SERVER_URL = os.environ.get("TWO_SERVERS_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "meetmalmo_scale_two"
REDIS_URL = os.environ.get("TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/5")
API_LIMIT = 10
# The name people reach the portal by: the load balancer in front passes it on to whichever
# server answers, as a request here does (allauth counts wrong passwords per site and address).
HOST = "meetmalmo.test"

SETUP = """
import json
from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory
member = UserFactory(email="medlem@example.se")
UserFactory(email="utsatt@example.se")
manager = ProcessManagerFactory(email="handlaggare@example.se")
article = ArticleFactory()
comment = CommentFactory(article=article, state="pending", text="Ett ord från läsaren")
print(json.dumps({"slug": article.slug, "comment": comment.pk}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reachable_services():
    try:
        import psycopg
        import redis

        with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True, connect_timeout=3) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{DATABASE}"')
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).flushdb()
    except Exception as error:  # noqa: BLE001 - whatever stops the services, the test says it
        pytest.skip(f"PostgreSQL at {SERVER_URL} or Redis at {REDIS_URL} not reachable: {error}")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    reachable_services()
    var = tmp_path_factory.mktemp("var")
    ports = [free_port(), free_port()]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "meetmalmo.settings",
        "DATABASE_URL": f"{SERVER_URL}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "two-servers-share-one-secret-key-for-their-sessions",
        "HTTPS": "false",
        "VAR_DIR": str(var),
        "SITE_URL": f"http://127.0.0.1:{ports[0]}",
        "API_RATE_LIMIT": str(API_LIMIT),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "EMAIL_HOST": "",
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    world = json.loads(manage("shell", "-c", SETUP).strip().splitlines()[-1])
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    processes = [
        subprocess.Popen(
            [gunicorn, "meetmalmo.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--timeout", "30"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ] + [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--worker-id", name],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name in ("worker-a", "worker-b")
    ]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url in urls:
            for _attempt in range(120):
                try:
                    if requests.get(f"{url}/healthz", timeout=10).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or still loading
                    pass
                time.sleep(0.5)
            else:
                pytest.fail(f"{url} did not start")
        yield {"a": urls[0], "b": urls[1], "mail": var / "mail", **world}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def browser() -> requests.Session:
    """A person's browser, reaching the servers through the load balancer."""
    session = requests.Session()
    session.headers["Host"] = HOST
    return session


def csrf(session, url) -> str:
    page = session.get(url, timeout=10).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def sign_in(session, server, email, password):
    url = f"{server}/sv/accounts/login/"
    return session.post(
        url,
        {"csrfmiddlewaretoken": csrf(session, url), "login": email, "password": password},
        allow_redirects=False,
        timeout=10,
    )


def test_a_person_signed_in_on_one_server_is_signed_in_on_the_other(servers):
    person = browser()
    assert (
        sign_in(person, servers["a"], "medlem@example.se", "a-long-test-passphrase").status_code
        == 302
    )
    mine = person.get(f"{servers['b']}/sv/my/", allow_redirects=False, timeout=10)
    assert mine.status_code == 200
    assert "medlem@example.se" in mine.text or "Person Nummer" in mine.text


def test_five_wrong_passwords_spread_over_both_servers_lock_as_five(servers):
    stranger = browser()
    for attempt in range(5):
        server = servers["a"] if attempt % 2 == 0 else servers["b"]
        wrong = sign_in(stranger, server, "utsatt@example.se", f"fel-losenord-{attempt}")
        assert wrong.status_code != 302
    right = sign_in(stranger, servers["b"], "utsatt@example.se", "a-long-test-passphrase")
    assert right.status_code != 302
    assert stranger.get(f"{servers['a']}/sv/my/", allow_redirects=False).status_code == 302


def test_the_api_limit_counts_the_requests_to_both_servers(servers):
    answers = [
        browser().get(f"{servers['a' if n % 2 else 'b']}/api/v1/figures", timeout=10).status_code
        for n in range(API_LIMIT + 1)
    ]
    assert answers[:API_LIMIT] == [200] * API_LIMIT
    assert answers[API_LIMIT] == 429


def test_approving_a_comment_on_one_server_clears_the_cached_page_on_the_other(servers):
    page = f"{servers['b']}/sv/news/{servers['slug']}/"
    visitor = browser()
    assert "Ett ord från läsaren" not in visitor.get(page, timeout=10).text
    assert "Ett ord från läsaren" not in visitor.get(page, timeout=10).text  # now from the cache
    staff = browser()
    sign_in(staff, servers["a"], "handlaggare@example.se", "a-long-test-passphrase")
    moderation = f"{servers['a']}/sv/staff/comments/"
    staff.post(
        moderation,
        {
            "csrfmiddlewaretoken": csrf(staff, moderation),
            "comments": servers["comment"],
            "action": "approved",
        },
        timeout=10,
    )
    assert "Ett ord från läsaren" in visitor.get(page, timeout=10).text


def test_each_email_goes_out_once(servers):
    visitor = browser()
    reset = f"{servers['b']}/sv/accounts/password/reset/"
    visitor.post(reset, {"csrfmiddlewaretoken": csrf(visitor, reset), "email": "medlem@example.se"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(servers["mail"].glob("*.log")):
        time.sleep(0.5)
    time.sleep(3)  # the other worker has had every chance to send it again
    sent = [path.read_text() for path in servers["mail"].glob("*.log")]
    to_member = [text for text in sent if "To: medlem@example.se" in text]
    assert len(to_member) == 1, sent
