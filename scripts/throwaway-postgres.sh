# Sourced by test.sh (and the bench scripts): starts a PostgreSQL cluster in a temporary folder from the installed
# server binaries, as a non-root user, on a free loopback port, and stops and deletes it on request.
# Sets THROWAWAY_POSTGRES to an Npgsql connection string for the superuser "civicgrid" (trust auth, loopback only).

throwaway_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  THROWAWAY_PG_DIR=$(mktemp -d /tmp/civicgrid-pg.XXXXXX)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$THROWAWAY_PG_DIR"
    as=(runuser -u postgres --)
  fi
  THROWAWAY_PG_RUN=("${as[@]}" "$bin/pg_ctl")
  "${as[@]}" "$bin/initdb" -D "$THROWAWAY_PG_DIR/data" -U civicgrid --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $THROWAWAY_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  THROWAWAY_POSTGRES="Host=127.0.0.1;Port=$port;Username=civicgrid;Database=postgres"
  echo "Throwaway PostgreSQL ($(basename "$(dirname "$bin")")) on 127.0.0.1:$port in $THROWAWAY_PG_DIR"
}

throwaway_postgres_stop() {
  if [ -n "${THROWAWAY_PG_DIR:-}" ] && [ -d "$THROWAWAY_PG_DIR" ]; then
    "${THROWAWAY_PG_RUN[@]}" -D "$THROWAWAY_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$THROWAWAY_PG_DIR"
    echo "Throwaway PostgreSQL removed."
  fi
}
