"""scripts/backup.sh and scripts/restore.sh, run as an operator runs them: a backup of a live
SQLite database and var/ directory, damage, and a restore that brings the data back. Against
PostgreSQL too when the tests run on it, in a throwaway database."""

import os
import re
import secrets
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"
NAME = re.compile(r"meetmalmo-\d{8}T\d{6}Z")


def run(script: str, *args, database_url: str, var_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "VAR_DIR": str(var_dir)}
    return subprocess.run(
        [str(SCRIPTS / script), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def var_dir(tmp_path):
    var = tmp_path / "var"
    (var / "media" / "news").mkdir(parents=True)
    (var / "media" / "news" / "tusen-unga.jpg").write_bytes(b"\xff\xd8 a photo")
    (var / "media" / "news" / "tusen-unga.jpg").chmod(0o644)  # nginx reads it
    (var / "private" / "attachments").mkdir(parents=True)
    (var / "private" / "attachments" / "plan.pdf").write_bytes(b"%PDF-1.7 the plan")
    (var / "secret_key").write_text("the-signing-key")
    return var


def damage(var: Path) -> None:
    (var / "media" / "news" / "tusen-unga.jpg").unlink()
    (var / "media" / "news" / "added-later.jpg").write_bytes(b"not in the backup")
    shutil.rmtree(var / "private")
    (var / "secret_key").write_text("another key")


def assert_files_restored(var: Path) -> None:
    photo = var / "media" / "news" / "tusen-unga.jpg"
    assert photo.read_bytes() == b"\xff\xd8 a photo"
    assert photo.stat().st_mode & 0o777 == 0o644
    assert not (var / "media" / "news" / "added-later.jpg").exists()
    assert (var / "private" / "attachments" / "plan.pdf").read_bytes() == b"%PDF-1.7 the plan"
    assert (var / "secret_key").read_text() == "the-signing-key"


def backup(tmp_path, **kwargs) -> Path:
    result = run("backup.sh", tmp_path / "backups", **kwargs)
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    assert NAME.fullmatch(made.name) and made.parent == tmp_path / "backups"
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no .partial left behind
    assert made.stat().st_mode & 0o077 == 0  # personal data: for its owner only
    return made


def test_a_sqlite_backup_taken_while_the_portal_writes_restores_the_data(tmp_path, var_dir):
    database = var_dir / "meetmalmo.sqlite3"
    url = f"sqlite:///{database}"
    live = sqlite3.connect(database)
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")  # the last rows stay in the WAL file only
    live.execute("CREATE TABLE initiative (title TEXT)")
    live.executemany("INSERT INTO initiative VALUES (?)", [("Sommarjobb",), ("Hamnen",)])
    live.commit()
    assert (var_dir / "meetmalmo.sqlite3-wal").stat().st_size > 0

    made = backup(tmp_path, database_url=url, var_dir=var_dir)
    assert {p.name for p in made.iterdir()} == {
        "database.sqlite3",
        "media.tar.gz",
        "private.tar.gz",
        "secret_key",
        "MANIFEST",
        "SHA256SUMS",
    }
    assert "database=sqlite" in (made / "MANIFEST").read_text()

    live.execute("DELETE FROM initiative")
    live.commit()
    live.close()
    damage(var_dir)

    asked = run("restore.sh", made, database_url=url, var_dir=var_dir)
    assert asked.returncode == 1 and "run again with --yes" in asked.stdout
    assert not (var_dir / "media" / "news" / "tusen-unga.jpg").exists()  # nothing done yet

    restored = run("restore.sh", "--yes", made, database_url=url, var_dir=var_dir)
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(database) as copy:
        assert copy.execute("SELECT title FROM initiative ORDER BY title").fetchall() == [
            ("Hamnen",),
            ("Sommarjobb",),
        ]
    assert_files_restored(var_dir)
    kept_aside = sorted(p.name.split(".before-restore-")[0] for p in var_dir.glob("*.before-*"))
    assert kept_aside == ["media", "meetmalmo.sqlite3", "secret_key"]


def test_a_relative_sqlite_url_is_read_from_the_checkout_like_django_reads_it(tmp_path, var_dir):
    relative = os.path.relpath(var_dir / "db.sqlite3", SCRIPTS.parent)
    with sqlite3.connect(var_dir / "db.sqlite3") as db:
        db.execute("CREATE TABLE news (title TEXT)")
    made = backup(tmp_path, database_url=f"sqlite:///{relative}", var_dir=var_dir)
    with sqlite3.connect(made / "database.sqlite3") as copy:
        assert copy.execute("SELECT count(*) FROM news").fetchone() == (0,)


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(tmp_path, var_dir):
    url = f"sqlite:///{var_dir / 'meetmalmo.sqlite3'}"
    sqlite3.connect(var_dir / "meetmalmo.sqlite3").close()
    made = backup(tmp_path, database_url=url, var_dir=var_dir)
    with open(made / "media.tar.gz", "r+b") as archive:
        archive.seek(20)
        archive.write(b"\x00\x00\x00")
    damage(var_dir)

    result = run("restore.sh", "--yes", made, database_url=url, var_dir=var_dir)
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert (var_dir / "secret_key").read_text() == "another key"


def test_a_backup_of_one_database_kind_is_not_restored_into_the_other(tmp_path, var_dir):
    sqlite3.connect(var_dir / "meetmalmo.sqlite3").close()
    made = backup(
        tmp_path, database_url=f"sqlite:///{var_dir / 'meetmalmo.sqlite3'}", var_dir=var_dir
    )
    result = run(
        "restore.sh", "--yes", made, database_url="postgres://nobody@127.0.0.1/x", var_dir=var_dir
    )
    assert result.returncode == 1
    assert "the backup holds a sqlite database but DATABASE_URL names postgresql" in result.stderr


@pytest.mark.parametrize(
    "url,message",
    [
        (
            "sqlite:////nowhere/meetmalmo.sqlite3",
            "no SQLite database at /nowhere/meetmalmo.sqlite3",
        ),
        ("mysql://root@localhost/meetmalmo", "cannot back up DATABASE_URL of this kind: mysql://"),
    ],
)
def test_a_backup_that_cannot_be_made_says_why_and_leaves_nothing(tmp_path, var_dir, url, message):
    result = run("backup.sh", tmp_path / "backups", database_url=url, var_dir=var_dir)
    assert result.returncode == 1
    assert message in result.stderr
    assert list((tmp_path / "backups").iterdir()) == []


def test_without_a_directory_the_scripts_say_how_to_call_them(tmp_path, var_dir):
    for script in ("backup.sh", "restore.sh"):
        result = run(script, database_url="sqlite:///x", var_dir=var_dir)
        assert result.returncode == 2 and "usage:" in result.stderr


# PostgreSQL: only when the tests run on it, in a database of its own that is dropped afterwards.
SERVER = os.environ.get("DATABASE_URL", "")


@pytest.fixture
def throwaway_postgres():
    if not SERVER.startswith(("postgres://", "postgresql://")):
        pytest.skip("the tests run on SQLite (DATABASE_URL is not PostgreSQL)")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed")
    import psycopg

    parts = urlsplit(SERVER)
    name = f"meetmalmo_backup_test_{secrets.token_hex(4)}"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_postgresql_backup_restores_the_data(tmp_path, var_dir, throwaway_postgres):
    import psycopg

    url = throwaway_postgres
    with psycopg.connect(url) as db:
        db.execute("CREATE TABLE initiative (title text)")
        db.execute("INSERT INTO initiative VALUES ('Sommarjobb'), ('Hamnen')")

    made = backup(tmp_path, database_url=url, var_dir=var_dir)
    assert (made / "database.dump").stat().st_size > 0
    assert "database=postgresql" in (made / "MANIFEST").read_text()

    with psycopg.connect(url) as db:
        db.execute("DELETE FROM initiative")
    damage(var_dir)

    restored = run("restore.sh", "--yes", made, database_url=url, var_dir=var_dir)
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(url) as db:
        rows = db.execute("SELECT title FROM initiative ORDER BY title").fetchall()
    assert rows == [("Hamnen",), ("Sommarjobb",)]
    assert_files_restored(var_dir)
