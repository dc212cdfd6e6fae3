"""A large import on SQLite while people sign in: the import writes in short batches, so each
sign-in waits at most for one batch (within the busy timeout) and is answered, never refused
with "database is locked". Run against a real SQLite file with two processes, as in production:
the import command and a process that signs in over and over through the whole stack."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from meetmalmo.inventory.tests.test_import_efforts import HEADER

ROOT = Path(__file__).resolve().parents[3]
ROWS = 30_000  # the import of today's code held one transaction for well over the 5 s timeout

SETUP = """
from meetmalmo.accounts.tests.factories import UserFactory
UserFactory(email="signing.in@example.se")
"""

SIGN_INS = """
import json, time
from pathlib import Path
from django.test import Client
from meetmalmo.accounts.tests.factories import PASSWORD
stop, answers = Path({stop!r}), []
while not stop.exists():
    # Each from its own address, as many people are: one address alone would be throttled.
    n = len(answers)
    address = f"10.1.{{n // 250}}.{{n % 250}}"
    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1", REMOTE_ADDR=address)
    started = time.monotonic()
    response = client.post(
        "/sv/accounts/login/", {{"login": "signing.in@example.se", "password": PASSWORD}}
    )
    answers.append([response.status_code, round(time.monotonic() - started, 3)])
    client.post("/sv/accounts/logout/")
    time.sleep(0.2)
print(json.dumps(answers))
"""


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def test_people_sign_in_while_a_large_file_is_imported(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "meetmalmo.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
    }
    assert manage(env, "migrate", "--noinput").returncode == 0
    assert manage(env, "shell", "-c", SETUP).returncode == 0
    csv = tmp_path / "register.csv"
    csv.write_text(
        HEADER
        + "".join(
            f"Insats {i},Sommarjobb {i},Ägare {i % 300},business,,,youth-employment,active\n"
            for i in range(ROWS)
        )
    )
    stop = tmp_path / "stop"
    signing_in = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", SIGN_INS.format(stop=str(stop))],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2)  # the first sign-ins are under way when the import starts
        imported = manage(env, "import_efforts", str(csv))
    finally:
        stop.touch()
        out, err = signing_in.communicate(timeout=120)
    assert imported.returncode == 0, imported.stderr
    assert f"{ROWS} created" in imported.stdout
    answers = json.loads(out.strip().splitlines()[-1])
    statuses = {status for status, _seconds in answers}
    slowest = max(seconds for _status, seconds in answers)
    print(f"{len(answers)} sign-ins during the import, the slowest in {slowest:.2f} s")
    assert len(answers) >= 10
    assert statuses == {302}, (sorted(answers)[-5:], err[-2000:])
