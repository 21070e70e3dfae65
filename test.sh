#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need (as root, from Debian packages),
# starts a throwaway PostgreSQL cluster, restores, builds and runs every test project, and removes the
# cluster afterwards whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")"
root_dir=$(pwd)

log() { printf '\n==> %s\n' "$*"; }

# --- what the tests need from Debian -------------------------------------------------------------------------
need_packages=()
if [ -d tests/CivicGrid.Browser.Tests ]; then
  [ -x /usr/bin/chromium ] || need_packages+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_packages+=(fonts-noto-cjk)
fi
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_packages+=(postgresql)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "Installing ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  else
    echo "Missing packages: ${need_packages[*]} (run ./test.sh as root once, or install them)." >&2
    exit 1
  fi
fi

# --- throwaway PostgreSQL -------------------------------------------------------------------------------------
source scripts/throwaway-postgres.sh
trap 'throwaway_postgres_stop' EXIT
throwaway_postgres_start
export CIVICGRID_TEST_POSTGRES="$THROWAWAY_POSTGRES"

# --- build and test -------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Restoring and building"
dotnet tool restore >/dev/null
dotnet build CivicGrid.slnx -c Release -nologo -v quiet
# What ships is what is tested: the browser tests also start this published output (PublishedBuildTests).
log "Publishing the server"
rm -rf artifacts/publish
dotnet publish src/CivicGrid.Server -c Release --no-build -nologo -v quiet -o artifacts/publish
export CIVICGRID_PUBLISHED_SERVER="$root_dir/artifacts/publish"

results="$root_dir/artifacts/test-results"
rm -rf "$results"
log "Running the tests"
status=0
dotnet test CivicGrid.slnx -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  # CI keeps only the tail of the output: name the failed tests and their messages last.
  log "Failed tests"
  scripts/failed-tests.sh "$results" || true
  exit "$status"
fi
log "All tests passed"
