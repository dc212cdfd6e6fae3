#!/usr/bin/env bash
# Backs up the portal: the database named by DATABASE_URL (PostgreSQL with pg_dump, SQLite with
# its online backup, safe while the portal runs) and, from VAR_DIR, the uploaded files (media/),
# the private attachments (private/) and the generated secret key if there is one.
#
#   scripts/backup.sh DIRECTORY
#
# writes DIRECTORY/meetmalmo-YYYYMMDDTHHMMSSZ/ with database.dump (PostgreSQL) or
# database.sqlite3 (SQLite), media.tar.gz, private.tar.gz, MANIFEST and SHA256SUMS, and prints
# its path. It is written under a .partial name and renamed when complete, so a directory
# without that suffix is always a whole backup. Restore it with scripts/restore.sh.
#
# Reads the same environment as the portal (e.g. `set -a; . /etc/meetmalmo.env; set +a`):
# DATABASE_URL (default: SQLite in VAR_DIR) and VAR_DIR (default: var/ in the checkout).
set -euo pipefail

usage() { echo "usage: $0 DIRECTORY" >&2; exit 2; }
[[ $# -eq 1 && $1 != -* ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"  # relative paths mean what they mean to the portal, which runs from here
VAR_DIR="${VAR_DIR:-$ROOT/var}"
DATABASE_URL="${DATABASE_URL:-sqlite:///$VAR_DIR/meetmalmo.sqlite3}"

# The backup holds personal data: readable by its owner only.
umask 077
mkdir -p "$1"
dest="$(cd "$1" && pwd)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
final="$dest/meetmalmo-$stamp"
work="$final.partial"
[[ ! -e $final && ! -e $work ]] || { echo "backup: $final already exists" >&2; exit 1; }
mkdir "$work"
empty="$(mktemp -d)"
# Whatever happens, no half-written backup is left looking like a whole one.
trap 'rm -rf "$work" "$empty"' EXIT

case "$DATABASE_URL" in
  sqlite://*)
    kind=sqlite
    db="${DATABASE_URL#sqlite://}"
    db="${db#/}"  # sqlite:///relative, sqlite:////absolute, as Django reads them
    [[ $db == /* ]] || db="$ROOT/$db"
    [[ -f $db ]] || { echo "backup: no SQLite database at $db" >&2; exit 1; }
    # The online backup copies a consistent state, including what is still in the WAL file.
    if command -v sqlite3 >/dev/null; then
      (cd "$work" && sqlite3 "$db" ".backup database.sqlite3")
    else
      python3 - "$db" "$work/database.sqlite3" <<'PY'
import sqlite3, sys
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
PY
    fi
    check="$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$work/database.sqlite3")"
    [[ $check == ok ]] || { echo "backup: the copy fails SQLite's integrity check: $check" >&2; exit 1; }
    ;;
  postgres://* | postgresql://*)
    kind=postgresql
    command -v pg_dump >/dev/null || { echo "backup: pg_dump is not installed" >&2; exit 1; }
    # The custom format is compressed and lets pg_restore recreate everything in one go.
    pg_dump --format=custom --file="$work/database.dump" --dbname="$DATABASE_URL"
    ;;
  *)
    echo "backup: cannot back up DATABASE_URL of this kind: ${DATABASE_URL%%://*}://" >&2
    exit 1
    ;;
esac

# Each directory of files as one archive; an absent directory is archived empty, so that a
# restore brings back exactly what was there.
for part in media private; do
  if [[ -d $VAR_DIR/$part ]]; then
    tar -C "$VAR_DIR" -czf "$work/$part.tar.gz" "$part"
  else
    mkdir "$empty/$part"
    tar -C "$empty" -czf "$work/$part.tar.gz" "$part"
  fi
done
# Without SECRET_KEY in the environment the portal signs with var/secret_key; losing it would
# sign everyone out and break links already sent by e-mail.
if [[ -f $VAR_DIR/secret_key ]]; then
  cp -p "$VAR_DIR/secret_key" "$work/secret_key"
fi

{
  echo "created=$stamp"
  echo "database=$kind"
  echo "version=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
} >"$work/MANIFEST"
(cd "$work" && sha256sum -- * >SHA256SUMS)

mv "$work" "$final"
echo "$final"
