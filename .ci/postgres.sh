#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the logbook tests, and hand back its URL.
#
#   eval "$(.ci/postgres.sh)"     # or:  source .ci/postgres.sh
#
# Installs PostgreSQL with apt-get when no server binaries are found, runs initdb/pg_ctl as a
# non-root user (root cannot run postgres) into a fresh temp data folder, listens on 127.0.0.1
# only (port WQ_PG_PORT, default 54329), creates database "wigglequest" and prints
#   export WIGGLEQUEST_TEST_PG=postgresql://wq@127.0.0.1:54329/wigglequest
#   export WIGGLEQUEST_TEST_PG_DATA=/tmp/wq-pg.XXXX
# on stdout (everything else goes to stderr). Stop it with:
#   pg_ctl -D "$WIGGLEQUEST_TEST_PG_DATA/data" stop -m immediate   (as the same user)
# Running it again while the server is up reuses it.

_wq_pg_start() (
    set -euo pipefail
    port="${WQ_PG_PORT:-54329}"
    log() { echo "postgres.sh: $*" >&2; }

    find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
    bin="$(find_bin)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        log "no PostgreSQL server found; installing with apt-get"
        if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
        $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
        bin="$(find_bin)"
    fi
    [ -x "$bin/initdb" ] || { log "initdb not found after install"; exit 1; }

    if [ "$(id -u)" = 0 ]; then
        runas="postgres"
        id "$runas" >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/sh "$runas"
        as_user() { su "$runas" -s /bin/sh -c "$*"; }
    else
        runas="$(id -un)"
        as_user() { sh -c "$*"; }
    fi

    url="postgresql://wq@127.0.0.1:${port}/wigglequest"
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        log "a server already answers on 127.0.0.1:$port; reusing it"
        "$bin/psql" -q -h 127.0.0.1 -p "$port" -U wq -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname='wigglequest'" | grep -q 1 ||
            "$bin/createdb" -h 127.0.0.1 -p "$port" -U wq wigglequest
        echo "export WIGGLEQUEST_TEST_PG=$url"
        exit 0
    fi

    base="$(mktemp -d /tmp/wq-pg.XXXXXX)"
    chmod 755 "$base"
    [ "$(id -u)" = 0 ] && chown "$runas" "$base"
    as_user "'$bin/initdb' -D '$base/data' -U wq --auth=trust --encoding=UTF8 --no-locale" >"$base/initdb.log" 2>&1 ||
        { cat "$base/initdb.log" >&2; exit 1; }
    as_user "'$bin/pg_ctl' -D '$base/data' -l '$base/server.log' -w -t 60 start \
        -o \"-h 127.0.0.1 -p $port -k '$base' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >&2 ||
        { cat "$base/server.log" >&2; exit 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U wq wigglequest
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') up on 127.0.0.1:$port as $runas, data in $base/data"
    log "stop: su $runas -s /bin/sh -c \"$bin/pg_ctl -D $base/data stop -m immediate\""
    echo "export WIGGLEQUEST_TEST_PG=$url"
    echo "export WIGGLEQUEST_TEST_PG_DATA=$base"
)

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # sourced: set the variables in the caller's shell too
    _wq_pg_out="$(_wq_pg_start)" && eval "$_wq_pg_out" && echo "$_wq_pg_out"
    unset _wq_pg_out
else
    _wq_pg_start
fi
