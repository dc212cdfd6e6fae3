"""`make run` on another port: every step that can queue e-mail (seeding the demo, the web server
and the task worker) links to the port the portal is served on, or to SITE_URL when it is set.

Each step is taken from `make --dry-run run` and its command replaced by one that prints the
SITE_URL the settings read, run with nothing in the environment but what the step's own line
gives it: a step must not depend on the port reaching it some other way."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    'manage.py shell --no-imports -c "from django.conf import settings; print(settings.SITE_URL)"'
)
UNSET = {"PORT", "SITE_URL", "HTTPS", "MAKEFLAGS", "MAKELEVEL", "DATABASE_URL"}
UNSET |= {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def clean_environment(**extra) -> dict:
    return {**{k: v for k, v in os.environ.items() if k not in UNSET}, **extra}


def steps(*arguments: str, **environment) -> dict[str, str]:
    """The lines of `make run` that seed the demo and that serve, by what they do."""
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "run", *arguments],
        cwd=ROOT,
        env=clean_environment(**environment),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = {}
    for line in result.stdout.splitlines():
        if "manage.py seed_demo" in line:
            found["seed"] = line
        elif line.rstrip().endswith("scripts/serve.sh"):
            found["serve"] = line
    assert set(found) == {"seed", "serve"}, result.stdout
    return found


def site_url_read_by(line: str, tmp_path: Path) -> str:
    if line.rstrip().endswith("scripts/serve.sh"):
        probe = re.sub(r"scripts/serve\.sh\s*$", f".venv/bin/python {PROBE}", line)
    else:
        probe = re.sub(r"manage\.py .*$", PROBE, line)
    result = subprocess.run(
        ["bash", "-c", probe],
        cwd=ROOT,
        env=clean_environment(VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("arguments", "environment"),
    [(["PORT=8123"], {}), ([], {"PORT": "8123"})],
    ids=["make run PORT=8123", "PORT=8123 make run"],
)
def test_the_demo_and_the_server_link_to_the_port_served_on(tmp_path, arguments, environment):
    for step, line in steps(*arguments, **environment).items():
        assert site_url_read_by(line, tmp_path) == "http://127.0.0.1:8123", step


def test_a_site_url_that_is_set_is_used_by_every_step(tmp_path):
    found = steps(SITE_URL="https://meetmalmo.malmo.se", PORT="8123")
    for step, line in found.items():
        assert site_url_read_by(line, tmp_path) == "https://meetmalmo.malmo.se", step


def test_by_default_it_is_port_8000(tmp_path):
    for step, line in steps().items():
        assert site_url_read_by(line, tmp_path) == "http://127.0.0.1:8000", step
