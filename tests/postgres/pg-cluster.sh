#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the store tests (README "Tests on PostgreSQL"): initdb into a temporary
# folder, the server listening on a Unix socket in that folder only (no TCP), one superuser role "gapwise"
# with trust authentication, fsync off (nothing in it outlives the tests). Roles a test makes members of the
# role "gapwise_password" must give their password (scram-sha-256): a server that asks, for the password tests;
# every other role, "gapwise" too, is trusted as before.
#
#   pg-cluster.sh start STATE   starts it; STATE/socket holds the socket folder, or STATE/unavailable says
#                               why there is none (PostgreSQL not installed: the tests skip and say so)
#   pg-cluster.sh stop STATE    stops it and removes every file of it
#
# initdb refuses to run as root (CI runs as root): then the cluster belongs to the `postgres` system user.
set -eu
action=${1:?start or stop}
state=${2:?state folder}
bindir=${GAPWISE_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
start)
    # A start without its stop (`ctest --repeat` runs the fixture again, an interrupted run never stops it): the
    # cluster STATE names is stopped first instead of running on beside the new one.
    sh "$0" stop "$state"
    rm -rf "$state"
    mkdir -p "$state"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
        echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian: apt-get install postgresql)" \
            >"$state/unavailable"
        echo "pg-cluster: $(cat "$state/unavailable"); the PostgreSQL store tests will skip"
        exit 0
    fi
    # A short path: a Unix socket's path must stay under ~100 bytes.
    dir=$(mktemp -d /tmp/gapwise-pg.XXXXXX)
    echo "$dir" >"$state/dir"
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "pg-cluster: running as root and there is no postgres system user to own the cluster" >&2
            exit 1
        fi
        chown postgres: "$dir"
    fi
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U gapwise --auth=trust -E UTF8 --no-locale \
        >"$dir/initdb.log" 2>&1; then
        echo "pg-cluster: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    # The first matching line wins: the password rule goes above initdb's trust lines.
    as_owner sh -c 'hba=$1/data/pg_hba.conf; { echo "local all +gapwise_password scram-sha-256"; cat "$hba"; } \
        >"$hba.new" && mv "$hba.new" "$hba"' sh "$dir"
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -c fsync=off -c max_connections=100" start >/dev/null; then
        echo "pg-cluster: the server did not start:" >&2
        cat "$dir/server.log" >&2
        exit 1
    fi
    echo "$dir" >"$state/socket"
    echo "pg-cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $dir (Unix socket only)"
    ;;
stop)
    [ -f "$state/dir" ] || exit 0
    dir=$(cat "$state/dir")
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" "$state"
    ;;
*)
    echo "usage: pg-cluster.sh start|stop STATE" >&2
    exit 2
    ;;
esac
