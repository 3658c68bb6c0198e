#!/usr/bin/env bash
# opd-kit-restore.sh FILE: puts a backup made by opd-kit-backup.sh into an empty database
# (DATABASE_URL, for a .dump) or an empty folder (DATA_DIR, for a .tar.gz); see
# docs/production.md, "Restore" and "The restore drill".
#
# It never overwrites: the target must be a fresh database (createdb) or a folder that does
# not exist or is empty. A .dump goes in as one transaction (pg_restore --single-transaction),
# so a failure leaves the database empty, not half-restored. The .sha256 beside FILE, when
# there, is checked first. Then start the server on the target: migrations bring an older
# backup up to date at start.
set -euo pipefail

die() { echo "opd-kit-restore: $*" >&2; exit 1; }

file=${1:-}
[[ -n $file ]] || die "usage: opd-kit-restore.sh <backup file> (with DATABASE_URL or DATA_DIR set to the empty target)"
[[ -f $file ]] || die "$file is not a file"
if [[ -f $file.sha256 ]]; then
  (cd "$(dirname -- "$file")" && sha256sum --check --quiet -- "$(basename -- "$file").sha256") || die "$file does not match its checksum $file.sha256: it is damaged"
fi

case $file in
  *.dump)
    [[ -n ${DATABASE_URL:-} ]] || die "set DATABASE_URL to the database to restore into (a fresh one: createdb --owner opdkit opdkit_restored)"
    tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
      --command="select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')") || die "cannot reach the database in DATABASE_URL"
    [[ $tables == 0 ]] || die "the database in DATABASE_URL already has $tables tables: restore into a fresh one (createdb), then point the servers at it"
    pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$file" || die "pg_restore failed; nothing was restored"
    psql --no-psqlrc --quiet --dbname="$DATABASE_URL" --command=ANALYZE >/dev/null
    ;;
  *.tar.gz)
    data_dir=${DATA_DIR:-./data}
    if [[ -e $data_dir ]] && [[ -n $(ls -A -- "$data_dir") ]]; then
      die "DATA_DIR $data_dir is not empty: move it aside (mv $data_dir $data_dir.old) or restore into another folder"
    fi
    mkdir -p -- "$data_dir"
    tar --extract --gzip --file="$file" --directory="$data_dir" || die "extracting $file failed"
    ;;
  *) die "$file is neither a .dump (PostgreSQL) nor a .tar.gz (PGlite) made by opd-kit-backup.sh" ;;
esac
case $file in
  *.dump) echo "opd-kit-restore: restored $file into the database in DATABASE_URL" ;;
  *) echo "opd-kit-restore: restored $file into DATA_DIR ${DATA_DIR:-./data}" ;;
esac
