"""Every kind of answer the portal gives carries its security headers, and the content security
policy allows no inline script or style (SPEC §7)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def assert_secure_headers(response):
    where = f"{response.status_code} {response.get('Content-Type')}"
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy, where
    assert "default-src 'self'" in policy, where
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, where


def as_user(user):
    client = Client()
    if user:
        client.force_login(user)
    return client


@pytest.fixture
def people(db):
    return {
        None: None,
        "member": UserFactory(),
        "process_manager": ProcessManagerFactory(),
        "administrator": UserFactory(is_staff=True, is_superuser=True),
    }


SAMPLE = [
    # (who, method, path, status)
    (None, "get", "/en/", 200),
    (None, "get", "/sv/how-it-works/", 200),
    (None, "get", "/en/accounts/login/", 200),
    (None, "get", "/en/no-such-page/", 404),
    (None, "get", "/healthz", 200),
    (None, "get", "/en/staff/", 302),
    (None, "post", "/en/accounts/login/", 200),
    ("member", "get", "/en/my/", 200),
    ("member", "get", "/en/accounts/2fa/", 200),
    ("member", "get", "/en/accounts/email/", 200),
    ("member", "get", "/en/staff/", 403),
    ("member", "get", "/en/admin/login/?next=/en/admin/", 403),
    ("process_manager", "get", "/en/staff/", 200),
    ("process_manager", "get", "/en/staff/figures/initiatives.csv", 200),
    ("administrator", "get", "/en/admin/", 200),
    (None, "get", "/api/v1/openapi.json", 200),
    (None, "get", "/api/v1/no-such-thing", 404),
    # Answered by the API's own middleware, before any view.
    (None, "options", "/api/v1/openapi.json", 204),
]


@pytest.mark.parametrize(("who", "method", "path", "status"), SAMPLE)
def test_every_kind_of_answer_carries_the_security_headers(people, who, method, path, status):
    response = getattr(as_user(people[who]), method)(path)
    assert response.status_code == status
    assert_secure_headers(response)
    is_page = response.get("Content-Type", "").startswith("text/html")
    if is_page and "/admin/" not in path:
        assert not INLINE.findall(response.content.decode()), "inline script, style or handler"


def test_a_static_file_from_whitenoise_carries_them_too(settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from the apps' folders, as without collectstatic
    response = Client().get("/static/css/site.css")  # a new client builds the middleware anew
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert_secure_headers(response)


def test_over_https_the_browser_is_told_to_stay_on_https(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = Client().get("/healthz", secure=True)
    hsts = response["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_the_policy_allows_no_inline_script_or_style_and_no_eval():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for values in directives.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"} & set(values)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_no_template_has_an_inline_script_style_or_event_handler():
    root = Path(settings.BASE_DIR) / "meetmalmo"
    found = [
        f"{path.relative_to(root)}: {match}"
        for path in root.glob("*/templates/**/*.html")
        for match in INLINE.findall(path.read_text())
    ]
    assert not found
