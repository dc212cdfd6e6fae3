"""For tests that run the portal's real processes (workers, concurrent requests) against a
database they share with the test: a SQLite file in WAL mode, as the settings make it, or the
PostgreSQL test database (the test must then be `django_db(transaction=True)`, so that what it
writes is committed and what the processes write is cleared afterwards)."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


class SharedDatabase:
    def __init__(self, tmp_path: Path):
        if connection.vendor == "postgresql":
            db = connection.settings_dict
            password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
            self.url = (
                f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            )
            self.path = None
        else:  # the test database lives in memory; the processes get a file of their own
            self.path = tmp_path / "meetmalmo.sqlite3"
            self.url = f"sqlite:///{self.path}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "meetmalmo.settings",
            "DATABASE_URL": self.url,
            "VAR_DIR": str(tmp_path / "var"),
            "SECRET_KEY": "test-only-" + "x" * 50,
            "DEBUG": "false",
            "HTTPS": "false",
            "ALLOWED_HOSTS": "testserver",
        }
        if self.path is not None:
            self.manage("migrate", "--verbosity", "0")

    def manage(self, *args, **env) -> str:
        return self.run([sys.executable, "manage.py", *args], **env)

    def run(self, command: list[str], **env) -> str:
        done = subprocess.run(  # noqa: S603
            command,
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def query(self, sql: str) -> list[tuple]:
        """Rows of a query, read the way the processes wrote them."""
        if self.path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.path) as db:
            return db.execute(sql).fetchall()


def wait_for(condition, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s for {what}")
