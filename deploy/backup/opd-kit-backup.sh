#!/usr/bin/env bash
# opd-kit-backup.sh: one backup of opd-kit's database, old ones pruned, optionally copied off
# the machine. Run nightly by deploy/systemd/opd-kit-backup.timer; see docs/production.md.
#
# With DATABASE_URL (PostgreSQL): `pg_dump --format=custom` of the database, taken while the
# servers run (pg_dump reads one consistent snapshot). Without it (PGlite): a tar.gz of
# DATA_DIR, which needs the server stopped (one process holds the folder; the script refuses a
# folder in use): the guide's drop-in for opd-kit-backup.service stops and starts it around.
#
# Settings (environment; the server's EnvironmentFile works as it is):
#   DATABASE_URL       the server's database (postgres://…); unset: PGlite in DATA_DIR
#   DATA_DIR           the PGlite folder (default ./data, as the server's)
#   BACKUP_DIR         where backups go (default /var/backups/opd-kit)
#   BACKUP_KEEP_DAYS   backups older than this many days are removed (default 14; the newest stays)
#   BACKUP_COPY_TO     optional rsync destination for an off-machine copy, e.g.
#                      backup@arsip.lahatkab.go.id:/srv/backup/opd-kit/
#
# Writes BACKUP_DIR/opdkit-<UTC time>.dump (or opdkit-data-<UTC time>.tar.gz) and a .sha256
# beside it; a backup is named only once it is whole and readable (pg_restore --list, tar
# --list), so a failed run leaves no file that looks like a backup. Exits non-zero on failure.
set -euo pipefail
umask 077

die() { echo "opd-kit-backup: $*" >&2; exit 1; }

backup_dir=${BACKUP_DIR:-/var/backups/opd-kit}
keep_days=${BACKUP_KEEP_DAYS:-14}
copy_to=${BACKUP_COPY_TO:-}
[[ $keep_days =~ ^[0-9]+$ ]] && ((keep_days >= 1)) || die "BACKUP_KEEP_DAYS must be a whole number of days, at least 1, got \"$keep_days\""
mkdir -p "$backup_dir" || die "BACKUP_DIR $backup_dir cannot be created"

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
started=$SECONDS
partial=""
cleanup() { if [[ -n $partial ]]; then rm -f -- "$partial"; fi; }
trap cleanup EXIT

if [[ -n ${DATABASE_URL:-} ]]; then
  command -v pg_dump >/dev/null || die "pg_dump is not installed (Debian/Ubuntu: apt install postgresql-client)"
  name="opdkit-$stamp.dump"
  partial="$backup_dir/.$name.partial"
  pg_dump --format=custom --file="$partial" --dbname="$DATABASE_URL" || die "pg_dump failed (the database is as it was; no backup written)"
  pg_restore --list "$partial" >/dev/null || die "the dump cannot be read back with pg_restore --list"
else
  data_dir=${DATA_DIR:-./data}
  [[ -d $data_dir ]] || die "DATA_DIR $data_dir is not a folder"
  lock="$data_dir/opd-kit.lock"
  # The server holds DATA_DIR/opd-kit.lock, a Unix socket, while it runs: anyone answering there is a server.
  if [[ -S $lock ]] && ! node -e 'const s=require("node:net").connect(process.argv[1]);s.on("connect",()=>process.exit(1));s.on("error",()=>process.exit(0))' "$lock"; then
    die "a server is running on DATA_DIR $data_dir: stop it first (systemctl stop opd-kit), a copy of a PGlite folder in use may not open"
  fi
  name="opdkit-data-$stamp.tar.gz"
  partial="$backup_dir/.$name.partial"
  tar --create --gzip --file="$partial" --directory="$data_dir" --exclude=./opd-kit.lock . || die "tar of $data_dir failed"
  tar --list --gzip --file="$partial" >/dev/null || die "the archive cannot be read back"
fi

mv -- "$partial" "$backup_dir/$name"
partial=""
(cd "$backup_dir" && sha256sum -- "$name" >"$name.sha256")
size=$(du -h -- "$backup_dir/$name" | cut -f1)

# Retention: older than BACKUP_KEEP_DAYS days goes, the one just written always stays.
find "$backup_dir" -maxdepth 1 -type f -name 'opdkit-*' ! -name "$name" ! -name "$name.sha256" -mmin +$((keep_days * 1440)) -delete

if [[ -n $copy_to ]]; then
  command -v rsync >/dev/null || die "BACKUP_COPY_TO is set but rsync is not installed"
  rsync --archive -- "$backup_dir/$name" "$backup_dir/$name.sha256" "$copy_to" || die "copying $name to $copy_to failed (the local backup is kept)"
fi

echo "opd-kit-backup: wrote $backup_dir/$name ($size) in $((SECONDS - started)) s${copy_to:+, copied to $copy_to}"
