#!/usr/bin/env bash
# The hostile load of issue 26 against a running server, on loopback only, bounded in count and time:
# 128 mixed connections (pages and API, wrk) for DURATION seconds, with at the same time COUNT_STREAMS connections to
# a workshop's event stream held open and, after 10 s, COUNT_SIGNINS parallel wrong sign-ins; a separate loop probes
# /health from a fresh connection every 100 ms. Prints the /health latencies (p50, p99), the count of each status, and
# whether the server's process is still alive. Each role connects from its own loopback address (wrk from 127.0.0.1,
# the streams spread over STREAM_ADDRESSES addresses 127.0.1.x, the probe from 127.0.0.2, the sign-ins from 127.0.0.3),
# as different clients would: from one address (one attacker) the streams beyond its per-address cap get 503; spread
# over several, they meet the cap in all. MEETING should be a meeting of the server's database (its stream is then
# held open).
#
# Usage: scripts/hostile-load.sh BASE_URL [DURATION=60] [COUNT_STREAMS=2000] [COUNT_SIGNINS=200] [MEETING=1] [CONNECTIONS=128]
#                                [STREAM_ADDRESSES=1]
#   e.g. scripts/hostile-load.sh http://127.0.0.1:8110
set -euo pipefail
cd "$(dirname "$0")"
BASE="${1:?usage: hostile-load.sh BASE_URL [DURATION] [COUNT_STREAMS] [COUNT_SIGNINS] [MEETING] [CONNECTIONS]}"
BASE="${BASE%/}"
DURATION="${2:-60}"; STREAMS="${3:-2000}"; SIGNINS="${4:-200}"; MEETING="${5:-1}"; CONNECTIONS="${6:-128}"; ADDRESSES="${7:-1}"
for n in "$DURATION" "$STREAMS" "$SIGNINS" "$CONNECTIONS" "$MEETING" "$ADDRESSES"; do [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; exit 2; }; done
(( DURATION <= 600 && STREAMS <= 5000 && SIGNINS <= 1000 && CONNECTIONS <= 1000 && ADDRESSES >= 1 && ADDRESSES <= 250 )) || { echo "bounded: at most 600 s, 5000 streams, 1000 sign-ins, 1000 connections" >&2; exit 2; }
PORT=$(python3 -c "import sys; from urllib.parse import urlsplit; u = urlsplit(sys.argv[1]); h = u.hostname or ''; \
sys.exit('loopback only') if not (h == 'localhost' or h.startswith('127.')) else print(u.port or 80)" "$BASE")
PID=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
[[ -n "$PID" ]] || { echo "nothing listens on port $PORT" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
WORK=$(mktemp -d /tmp/hostile-load.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# wrk: every response's status counted, pages and API mixed
cat > "$WORK/mixed.lua" <<'LUA'
local paths = { "/", "/recherche?ou=Denain", "/lieux-manquants?territoire=200042190", "/communes/59172", "/territoires/200042190",
  "/diagnostic/communes/59172", "/api/v1/places?commune=59172", "/api/v1/openapi.json", "/personas?territoire=200042190",
  "/plan-du-site", "/style.css", "/health" }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() statuses = {} end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local line = "wrk statuses:"
  for status, count in pairs(total) do line = line .. " " .. status .. "=" .. count end
  print(line)
end
LUA

echo "== $BASE (pid $PID): ${CONNECTIONS} mixed connections for ${DURATION} s, ${STREAMS} event streams to meeting ${MEETING} from ${ADDRESSES} addresses, ${SIGNINS} wrong sign-ins"
python3 hostile_load.py probe "$BASE" "$DURATION" > "$WORK/probe" &
PROBE=$!
python3 hostile_load.py streams "$BASE" "$STREAMS" "$DURATION" "$MEETING" "$ADDRESSES" > "$WORK/streams" 2>&1 &
STREAM_JOB=$!
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/mixed.lua" "$BASE" > "$WORK/wrk" 2>&1 &
WRK=$!
sleep $(( DURATION > 20 ? 10 : DURATION / 3 ))
python3 hostile_load.py signins "$BASE" "$SIGNINS" > "$WORK/signins" 2>&1 || true
wait "$WRK" "$PROBE" "$STREAM_JOB" || true

grep -E "Requests/sec|requests in|Non-2xx|Socket errors|wrk statuses" "$WORK/wrk" || cat "$WORK/wrk"
cat "$WORK/streams" "$WORK/signins" "$WORK/probe"
if kill -0 "$PID" 2>/dev/null; then
  echo "process $PID alive; /health now: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$BASE/health")"
else
  echo "process $PID DEAD"
  exit 1
fi
