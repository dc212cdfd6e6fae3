#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the database named by DATABASE_URL and into
# VAR_DIR (media/, private/ and the generated secret key).
#
#   scripts/restore.sh [--yes] DIRECTORY/meetmalmo-YYYYMMDDTHHMMSSZ
#
# Stop the web server and the task worker first. Without --yes it only checks the backup and
# says what it would replace. What it replaces is kept beside it, named *.before-restore-<time>
# (SQLite file, media/, private/, secret_key), until you delete it; in PostgreSQL the tables are
# replaced in one transaction, so a failed restore changes nothing. After a restore, run
# `manage.py migrate` (the code may be newer than the backup) and start the services.
#
# Reads the same environment as the portal: DATABASE_URL and VAR_DIR.
set -euo pipefail

usage() { echo "usage: $0 [--yes] BACKUP_DIRECTORY" >&2; exit 2; }
yes=false
if [[ ${1:-} == --yes ]]; then yes=true; shift; fi
[[ $# -eq 1 && $1 != -* ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VAR_DIR="${VAR_DIR:-$ROOT/var}"
DATABASE_URL="${DATABASE_URL:-sqlite:///$VAR_DIR/meetmalmo.sqlite3}"
backup="$(cd "$1" && pwd)"

[[ -f $backup/MANIFEST && -f $backup/SHA256SUMS ]] \
  || { echo "restore: $backup is not a backup made by scripts/backup.sh" >&2; exit 1; }
(cd "$backup" && sha256sum --check --quiet SHA256SUMS) \
  || { echo "restore: $backup is damaged: its checksums do not match" >&2; exit 1; }
made_from="$(sed -n 's/^database=//p' "$backup/MANIFEST")"

case "$DATABASE_URL" in
  sqlite://*)
    kind=sqlite
    db="${DATABASE_URL#sqlite://}"
    db="${db#/}"
    [[ $db == /* ]] || db="$ROOT/$db"
    target="the SQLite database $db"
    ;;
  postgres://* | postgresql://*)
    kind=postgresql
    target="the PostgreSQL database ${DATABASE_URL##*/}"
    target="${target%%\?*}"
    ;;
  *)
    echo "restore: cannot restore into DATABASE_URL of this kind: ${DATABASE_URL%%://*}://" >&2
    exit 1
    ;;
esac
[[ $made_from == "$kind" ]] || {
  echo "restore: the backup holds a $made_from database but DATABASE_URL names $kind" >&2
  echo "         (moving between them is a data migration: dumpdata/loaddata, not a restore)" >&2
  exit 1
}
if [[ $kind == postgresql ]] && ! command -v pg_restore >/dev/null; then
  echo "restore: pg_restore is not installed" >&2
  exit 1
fi

if ! $yes; then
  echo "The backup $backup is whole. Restoring it replaces"
  echo "  - $target"
  echo "  - $VAR_DIR/media and $VAR_DIR/private"
  if [[ -f $backup/secret_key ]]; then echo "  - $VAR_DIR/secret_key"; fi
  echo "Stop the web server and the task worker, then run again with --yes."
  exit 1
fi

umask 077
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$VAR_DIR"
staging="$(mktemp -d "$VAR_DIR/.restore-XXXXXX")"  # beside its destination, so mv is a rename
trap 'rm -rf "$staging"' EXIT
aside=()

if [[ $kind == sqlite ]]; then
  mkdir -p "$(dirname "$db")"
  cp "$backup/database.sqlite3" "$staging/database.sqlite3"
  if [[ -e $db ]]; then
    # The WAL and shared-memory files belong to the old database: they go aside with it, so
    # that neither is applied to the restored one.
    for suffix in "" -wal -shm; do
      if [[ -e $db$suffix ]]; then mv "$db$suffix" "$db.before-restore-$stamp$suffix"; fi
    done
    aside+=("$db.before-restore-$stamp")
  fi
  mv "$staging/database.sqlite3" "$db"
else
  # --clean drops and recreates what the backup holds; tables a newer version added stay and
  # `migrate` brings them in line. --no-owner: the restoring role owns what it creates.
  pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
    --exit-on-error --dbname="$DATABASE_URL" "$backup/database.dump"
fi

for part in media private; do
  # -p: the files keep the modes they had, so nginx can read media/ as before.
  tar -C "$staging" -xpzf "$backup/$part.tar.gz"
  if [[ -e $VAR_DIR/$part ]]; then
    mv "$VAR_DIR/$part" "$VAR_DIR/$part.before-restore-$stamp"
    aside+=("$VAR_DIR/$part.before-restore-$stamp")
  fi
  mv "$staging/$part" "$VAR_DIR/$part"
done
if [[ -f $backup/secret_key ]]; then
  if [[ -f $VAR_DIR/secret_key ]] && ! cmp -s "$backup/secret_key" "$VAR_DIR/secret_key"; then
    mv "$VAR_DIR/secret_key" "$VAR_DIR/secret_key.before-restore-$stamp"
    aside+=("$VAR_DIR/secret_key.before-restore-$stamp")
  fi
  cp -p "$backup/secret_key" "$VAR_DIR/secret_key"
fi

echo "Restored $backup into $target and $VAR_DIR."
if ((${#aside[@]})); then
  echo "What it replaced is kept until you delete it:"
  printf '  %s\n' "${aside[@]}"
fi
echo "Next: .venv/bin/python manage.py migrate, then start the web server and the task worker."
