#!/usr/bin/env bash
# Installs (when missing) and starts what the integration tests need: a PostgreSQL server on 127.0.0.1:55432 with
# database "rr" owned by role "rr" (password "rr"), Debian's Chromium with its ChromeDriver, and Debian's Go with golang.org/x/mod
# (the reference implementation of signed notes and tlog proofs, for the interop test).
# Maven runs "tools" before the unit tests (universal-ctags), "start" before the integration tests and "stop" after
# them (see pom.xml).
set -euo pipefail

action=${1:-start}
port=${READINGROOM_TEST_PG_PORT:-55432}
# Under /tmp so that the postgres user can reach it whatever the checkout's parent folders allow.
base=${READINGROOM_TEST_SERVICES_DIR:-/tmp/readingroom-test-services}
pgdata=$base/pgdata
pgsock=$base/pgsock

say() { echo "[test-services] $*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@";
    elif command -v sudo >/dev/null 2>&1; then sudo "$@";
    else say "need root to run: $*  (install these packages once: chromium chromium-driver postgresql)"; exit 1; fi
}

apt_updated=no
install_packages() {
    if [ "$apt_updated" = no ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=yes
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# The server must not run as root; as root we run it as the "postgres" user, otherwise as ourselves.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_installed() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    { [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; } || missing+=(postgresql)
    # The Go reference implementation of signed notes and tlog proofs, for the interop test (AuditApiIT).
    [ -x /usr/bin/go ] || missing+=(golang-go)
    [ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] || missing+=(golang-golang-x-mod-dev)
    command -v ctags >/dev/null && ctags --version | grep -q 'Universal Ctags' || missing+=(universal-ctags)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        install_packages "${missing[@]}"
    fi
}

start_postgres() {
    local bin; bin=$(pg_bin)
    mkdir -p "$base" "$pgsock"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pgsock"; fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        mkdir -p "$pgdata"
        if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pgdata"; fi
        chmod 700 "$pgdata"
        as_pg "$bin/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >"$base/initdb.log"
    fi
    if as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        say "PostgreSQL already running on port $port"
    else
        resume_postgres
    fi
    # A fresh database for every run, so that tests never see a previous run's rows.
    as_pg "$bin/psql" -q -h "$pgsock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
drop database if exists rr;
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'rr') then create role rr login password 'rr'; end if;
end \$\$;
create database rr owner rr;
SQL
    say "PostgreSQL ready: jdbc:postgresql://127.0.0.1:$port/rr"
}

stop_postgres() {
    local bin; bin=$(pg_bin)
    if [ -n "$bin" ] && [ -f "$pgdata/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$pgdata" -m fast -w stop
    fi
}

# For the outage test: stop the running server and start it again on the same data, databases kept.
pause_postgres() {
    as_pg "$(pg_bin)/pg_ctl" -D "$pgdata" -m fast -w stop
}

resume_postgres() {
    as_pg "$(pg_bin)/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgsock -c fsync=off" start
}

case "$action" in
    start) ensure_installed; start_postgres ;;
    pause) pause_postgres ;;
    resume) resume_postgres ;;
    # Before the unit tests: universal-ctags, which the search tests index definitions with.
    tools)
        command -v ctags >/dev/null && ctags --version | grep -q 'Universal Ctags' || install_packages universal-ctags ;;
    stop) stop_postgres ;;
    *) echo "usage: $0 start|stop|tools|pause|resume" >&2; exit 2 ;;
esac
