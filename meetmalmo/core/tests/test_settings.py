import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from meetmalmo.env import env_bool, env_int, env_list, secret_key

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


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x7-" + "k2P9q" * 12,
        ALLOWED_HOSTS="portal.example.se",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bad_setting_stops_manage_py_with_a_clear_message(tmp_path):
    result = manage("check", DEBUG="perhaps", VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
