#!/usr/bin/env bash
# Runs Gatehouse's whole test suite on a fresh machine: installs what the tests need (Debian packages:
# git, PostgreSQL, python3-venv, bubblewrap, openssl, chromium and its WebDriver),
# starts a throwaway PostgreSQL cluster on loopback, runs `swift test` against SQLite and PostgreSQL, and
# removes the cluster again. Extra arguments go to `swift test` (e.g. --filter Push).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v git >/dev/null || missing+=(git)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
command -v gzip >/dev/null || missing+=(gzip)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v bwrap >/dev/null || missing+=(bubblewrap)   # the job sandbox: gate tests run real jobs in it
command -v openssl >/dev/null || missing+=(openssl)    # the mail tests make a certificate for STARTTLS
command -v chromium >/dev/null || missing+=(chromium)  # the web UI's end-to-end test drives a real browser
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user when we are root.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGBASE=$(mktemp -d /tmp/gatehouse-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
  chown postgres: "$PGBASE"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGBASE/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGBASE"
}
trap stop_pg EXIT
as_pg "$PGBIN/initdb" -D "$PGBASE/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGBASE/data" -l "$PGBASE/server.log" -w -t 30 -o \
  "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGBASE -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export GATEHOUSE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT for the tests"

# The interoperability tests drive real Gerrit clients from PyPI; the mail tests a real SMTP server (aiosmtpd); the
# web UI's test a real Chromium through WebDriver (selenium).
VENV=.build/interop-venv
if [ ! -x "$VENV/bin/git-review" ] || ! "$VENV/bin/python" -c 'import aiosmtpd, selenium' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check git-review==2.5.0 pygerrit2==2.0.15 python-gerrit-api==3.1.0 \
    aiosmtpd==1.4.6 selenium==4.51.0
fi
export GATEHOUSE_TEST_VENV="$PWD/$VENV"

swift build --build-tests
swift test --skip-build "$@"
