#!/usr/bin/env bash
# Soak test (not part of the test suite): the real server on loopback, a fixed request rate for a fixed time,
# then a verdict: zero errors (every response 2xx, no transport error) and the server's memory (RSS) at the end
# within 20 % of its value after the warm-up.
#
#   scripts/soak.sh [--minutes 10] [--warmup 60] [--create-rate 20] [--read-rate 40] [--postgres CONNSTRING]
#
# Load: `hey` (Debian package, installed when missing and run as root) drives two fixed-rate streams at once:
# case creations (POST /api/v1/cases, intake operator) and case lists (GET /api/v1/cases, dispatcher).
# Database: a fresh SQLite file (default) or the given PostgreSQL database (it must be empty or a CivicGrid one).
# RSS is sampled every 10 s into soak-rss.csv in the work folder, which is printed at the end and kept.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=10 warmup=60 create_rate=20 read_rate=40 postgres=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --create-rate) create_rate=$2; shift 2 ;;
    --read-rate) read_rate=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v hey >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hey >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hey >/dev/null; }
  else
    echo "soak.sh needs hey (apt-get install hey)" >&2; exit 2
  fi
fi

work=$(mktemp -d /tmp/civicgrid-soak.XXXXXX)
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

dotnet build src/CivicGrid.Server -c Release -nologo -v quiet >"$work/build.log" || { cat "$work/build.log"; exit 1; }
cp -r src/CivicGrid.Server/bin/Release/net10.0 "$work/bin" # a rebuild of the repo during the soak leaves it alone
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="soak-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
base="http://127.0.0.1:$port"
export CIVICGRID_DATA="$work/data" CIVICGRID_DEMO_PASSWORD="$password" Cases__DuplicateRadiusMetres=0 \
  Logging__LogLevel__Default=Warning Logging__Format=simple
if [ -n "$postgres" ]; then
  export Database__Provider=Postgres Database__ConnectionString="$postgres" Database__MigrateOnStart=true
fi
dotnet "$work/bin/CivicGrid.Server.dll" --urls "$base" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  grep -q "CivicGrid is running." "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
grep -q "CivicGrid is running." "$work/server.log" || { echo "server did not start"; exit 1; }

token() {
  curl -sf "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
operator=$(token operator)
dispatcher=$(token dispatcher)
body='{"kind":"matter","typeCode":"06010","description":"soak test","longitude":110.33,"latitude":20.02,"reporterName":"市民","reporterPhone":"13800138000"}'
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# Fixed rate: hey's -q is per worker and each worker waits for its answer, so one worker per request a second
# (-q 1): the rate holds as long as a response takes under a second.
load() { # seconds label
  hey -z "${1}s" -c "$create_rate" -q 1 -m POST -T application/json -H "Authorization: Bearer $operator" \
    -d "$body" "$base/api/v1/cases" >"$work/$2-create.txt" &
  local create=$!
  hey -z "${1}s" -c "$read_rate" -q 1 -H "Authorization: Bearer $dispatcher" \
    "$base/api/v1/cases?pageSize=20" >"$work/$2-read.txt" &
  local read=$!
  wait "$create" "$read"
}

echo "soak: warm-up ${warmup} s at ${create_rate} creations/s + ${read_rate} reads/s (work folder $work)"
load "$warmup" warmup
rss_warm=$(rss_kb)
echo "seconds,rss_kb" >"$work/soak-rss.csv"
echo "0,$rss_warm" >>"$work/soak-rss.csv"
( start=$(date +%s); while kill -0 "$server_pid" 2>/dev/null; do sleep 10; echo "$(( $(date +%s) - start )),$(rss_kb)" >>"$work/soak-rss.csv"; done ) &
sampler=$!
echo "soak: ${minutes} min measured run"
load $(( minutes * 60 )) run
kill "$sampler" 2>/dev/null || true
rss_end=$(rss_kb)

summary() { # file
  awk '/Requests\/sec/ {rps=$2} /Average:/ && !avg {avg=$2} /99% in/ {p99=$3}
       /Status code distribution/ {s=1; next} /Error distribution/ {s=0; err=1; next}
       s && /^[ \t]*\[[0-9]+\]/ {c=$1; gsub(/[][]/,"",c); codes=codes" "c":"$2}
       END {printf "%s req/s, avg %s s, p99 %s s, status%s%s\n", rps, avg, p99, codes, err ? ", TRANSPORT ERRORS" : ""}' "$1"
}
bad() { # file -> non-2xx responses plus transport errors
  awk '/Status code distribution/ {s=1; e=0; next} /Error distribution/ {e=1; s=0; next}
       s && /^[ \t]*\[[0-9]+\]/ {c=$1; gsub(/[][]/,"",c); if (c < 200 || c >= 300) n += $2}
       e && /^[ \t]*\[[0-9]+\]/ {c=$1; gsub(/[][]/,"",c); n += c}
       END {print n+0}' "$1"
}
errors=$(( $(bad "$work/run-create.txt") + $(bad "$work/run-read.txt") ))
growth=$(python3 -c "print(f'{($rss_end - $rss_warm) * 100 / $rss_warm:+.1f}')")
cases=$(curl -sf "$base/api/v1/cases?pageSize=1" -H "Authorization: Bearer $dispatcher" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"])' || echo "?")

echo
echo "creations: $(summary "$work/run-create.txt")"
echo "reads:     $(summary "$work/run-read.txt")"
echo "RSS after warm-up $(( rss_warm / 1024 )) MB, at the end $(( rss_end / 1024 )) MB ($growth %); cases in the database: $cases"
echo "RSS samples: $work/soak-rss.csv"
verdict=0
[ "$errors" -eq 0 ] || { echo "FAIL: $errors errors"; verdict=1; }
python3 -c "import sys; sys.exit(0 if abs($rss_end - $rss_warm) <= 0.2 * $rss_warm else 1)" || { echo "FAIL: RSS moved more than 20 %"; verdict=1; }
[ "$verdict" -eq 0 ] && echo "PASS: zero errors, RSS within 20 % of its warm-up value"
exit "$verdict"
