#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the ledger tests and prints its URL on stdout.
#   usage: eval "$(tools/services/postgres.sh start)"   -> exports VERBATIM_TEST_POSTGRES
#          tools/services/postgres.sh stop
# Installs Debian's postgresql package when no server binaries are present (CI). The cluster
# lives in /tmp, listens on 127.0.0.1:${PGPORT:-55432} only, and trusts local connections.
set -euo pipefail
port=${PGPORT:-55432}
data=/tmp/verbatim-pg-$port
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
case ${1:-start} in
  start)
    if [[ -z $bin ]]; then
      echo "postgres: installing Debian's postgresql" >&2
      as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }
      (as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    # The server refuses to run as root: run it as the postgres user when we are root.
    as=()
    if [[ $(id -u) == 0 ]]; then
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
      as=(runuser -u postgres --)
    fi
    if ! "${as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      rm -rf "$data"; mkdir -p "$data"
      [[ $(id -u) == 0 ]] && chown postgres "$data"
      "${as[@]}" "$bin/initdb" -D "$data" -U verbatim --auth=trust -E UTF8 >/dev/null
      "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
    fi
    echo "export VERBATIM_TEST_POSTGRES=postgres://verbatim@127.0.0.1:$port/postgres"
    ;;
  stop)
    as=(); [[ $(id -u) == 0 ]] && as=(runuser -u postgres --)
    [[ -n $bin ]] && "${as[@]}" "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
