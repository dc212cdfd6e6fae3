import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from meetmalmo.env import env_bool, env_https_url, env_int, env_list, secret_key

ROOT = Path(__file__).resolve().parents[3]


def test_booleans_accept_the_usual_words(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", True) is True


@pytest.mark.parametrize(("reader", "value"), [(env_bool, "maybe"), (env_int, "eight")])
def test_a_bad_value_stops_start_up_with_its_name(monkeypatch, reader, value):
    monkeypatch.setenv("SETTING", value)
    with pytest.raises(ImproperlyConfigured, match="SETTING"):
        reader("SETTING", 1)


@pytest.mark.parametrize("value", ["http://linkedin.com/x", "javascript:alert(1)", "https://"])
def test_an_address_must_be_https(monkeypatch, value):
    monkeypatch.setenv("SOCIAL_X_URL", value)
    with pytest.raises(ImproperlyConfigured, match="SOCIAL_X_URL"):
        env_https_url("SOCIAL_X_URL")
    monkeypatch.setenv("SOCIAL_X_URL", "https://x.com/meetmalmo")
    assert env_https_url("SOCIAL_X_URL") == "https://x.com/meetmalmo"


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.se, b.se ,")
    assert env_list("HOSTS", []) == ["a.se", "b.se"]


def test_a_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"


def manage(*args, **env):
    ignored = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# The environment of the portal in production, as the README describes it.
PRODUCTION = {
    "DEBUG": "false",
    "HTTPS": "true",
    "SECRET_KEY": "mM-" + "q8Zr2Lx5Kp" * 5 + "wT4vN9b",  # 60 characters
    "ALLOWED_HOSTS": "meetmalmo.malmo.se",
    "DJANGO_SETTINGS_MODULE": "meetmalmo.settings",
}


def test_production_settings_pass_the_deploy_check(tmp_path):
    assert len(PRODUCTION["SECRET_KEY"]) == 60
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, VAR_DIR=str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def settings_of(tmp_path, *names, **env):
    """The named settings as the portal's real settings module computes them from `env`."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}, default=str))"
    )
    result = manage("shell", "--no-imports", "-c", code, VAR_DIR=str(tmp_path), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_keeps_cookies_to_https(tmp_path):
    found = settings_of(
        tmp_path,
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "X_FRAME_OPTIONS",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        **PRODUCTION,
    )
    assert found == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    }


@pytest.mark.parametrize(
    ("env", "required"),
    [
        ({"HTTPS": "true"}, True),
        ({"HTTPS": "false"}, False),
        ({"HTTPS": "true", "MFA_REQUIRED_FOR_STAFF": "false"}, False),
        ({"HTTPS": "false", "MFA_REQUIRED_FOR_STAFF": "true"}, True),
    ],
)
def test_staff_must_use_two_factor_by_default_only_in_production(tmp_path, env, required):
    found = settings_of(tmp_path, "MFA_REQUIRED_FOR_STAFF", **{**PRODUCTION, **env})
    assert found == {"MFA_REQUIRED_FOR_STAFF": required}


def test_the_cache_is_redis_when_redis_url_is_set(tmp_path):
    code = (
        "from django.conf import settings; from django.core.cache import caches; "
        "print(settings.CACHES['default']); print(type(caches['default']).__name__)"
    )
    # Building the cache needs the redis package but no server: it connects on first use.
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        REDIS_URL="redis://cache.internal:6379/1",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "{'BACKEND': 'django.core.cache.backends.redis.RedisCache', "
        "'LOCATION': 'redis://cache.internal:6379/1'}",
        "RedisCache",
    ]


def test_without_redis_url_the_cache_is_files_under_var(tmp_path):
    found = settings_of(tmp_path, "CACHES", REDIS_URL="")
    assert found["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    }


def test_a_bad_setting_stops_manage_py_with_a_clear_message(tmp_path):
    result = manage("check", DEBUG="perhaps", VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
