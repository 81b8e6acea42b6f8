#!/usr/bin/env bash
# Maillage against its peers, interleaved in one run (peer, Maillage, peer, Maillage…): see ../shared/bench/peers.
#
# Usage: scripts/benchmark-peers.sh [RUNS]   (after the peers' one-time setup in ../shared/bench/peers/README.md:
#        a venv with scipy in /tmp/peers-venv, normalize.py run, the private PostGIS cluster started and loaded;
#        wrk, hyperfine and sqlite3 installed; a bare Hummingbird "health" server binary in $BARE, listening on 8098)
# Prints one line per measurement and, per question, the medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PEERS=../shared/bench/peers
DATA=../shared/data
. "$PEERS/_common.sh"
PY=/tmp/peers-venv/bin/python3
WORK=$(mktemp -d /tmp/maillage-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
swift build -c release --product maillage --scratch-path .build-release >/dev/null
M=.build-release/release/maillage
PLACES=("$DATA/lieux/france-services-2022-12.csv" "$DATA/lieux/conseillers-numeriques-lieux-2022-12.json"
        "$DATA/lieux/data-inclusion-structures-mediation-numerique-2023-02.json" "$DATA/lieux/aidants-connect-structures-2023-01.json"
        "$DATA/lieux/bibliotheques-publiques-france.csv.gz")
TERRITORY=("$DATA/territoire/communes-france-2024.csv.gz" "$DATA/territoire/epci-france-2025.json.gz")
seconds() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo "scale=3; ($t1 - $t0) / 1000000000" | bc; }
median() { stats | awk '{ print $1 }'; }

echo "== Import of the five national place files (SQLite) vs the sqlite3 floor"
: > "$WORK/floor"; : > "$WORK/import"
for i in $(seq "$RUNS"); do
  wait_quiet 60
  "$PEERS/sqlite-floor.sh" "$DATA" 1 --with-aidants 2>/dev/null | awk '/^RESULT/ { for (i = 1; i <= NF; i++) if ($i == "median") print $(i + 1) / 1000 }' >> "$WORK/floor"
  rm -f "$WORK/national.sqlite"*
  "$M" import --database "$WORK/national.sqlite" "${TERRITORY[@]}" >/dev/null 2>&1
  wait_quiet 60
  seconds "$M" import --database "$WORK/national.sqlite" "${PLACES[@]}" >> "$WORK/import"
  echo "run $i: floor $(tail -1 "$WORK/floor") s, maillage $(tail -1 "$WORK/import") s"
done
echo "import: maillage median $(median < "$WORK/import") s, sqlite3 floor median $(median < "$WORK/floor") s"

echo "== Peak memory of one import: the conseillers numériques file six times over (21 MB) into the national territory"
python3 - "$DATA/lieux/conseillers-numeriques-lieux-2022-12.json" "$WORK/big.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
json.dump([dict(row, id=f"{row['id']}-{copy}") for copy in range(6) for row in rows], open(sys.argv[2], "w"), ensure_ascii=False)
PY
rm -f "$WORK/memory.sqlite"*
"$M" import --database "$WORK/memory.sqlite" "${TERRITORY[@]}" >/dev/null 2>&1
/usr/bin/time -f "%M" -o "$WORK/memory" "$M" import --database "$WORK/memory.sqlite" "$WORK/big.json" >/dev/null 2>&1
echo "memory: peak $(( $(tail -1 "$WORK/memory") / 1024 )) MiB importing a $(( $(stat -c %s "$WORK/big.json") / 1048576 )) MiB file"

echo "== National diagnostic end to end (start, load, compute, CSV) vs scipy cKDTree"
: > "$WORK/scipy"; : > "$WORK/diag"
for i in $(seq "$RUNS"); do
  wait_quiet 60
  (cd "${PEERS_WORK:-/tmp/maillage-peers}" && seconds "$PY" "$OLDPWD/$PEERS/scipy_diag.py" places-national.csv communes-national.csv "$WORK/scipy.csv" --quiet) >> "$WORK/scipy"
  wait_quiet 60
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$M" diagnose --database "$WORK/national.sqlite" --france --format csv --out "$WORK/diag.csv" >/dev/null 2>&1
  awk '{ print $1 }' "$WORK/time" >> "$WORK/diag"
  echo "run $i: scipy $(tail -1 "$WORK/scipy") s, maillage $(tail -1 "$WORK/diag") s, peak $(awk '{ print int($2 / 1024) }' "$WORK/time") MiB"
done
echo "diagnostic: maillage median $(median < "$WORK/diag") s, scipy median $(median < "$WORK/scipy") s"

echo "== Start-up of the national server (until /health answers)"
: > "$WORK/start"
for i in $(seq "$RUNS"); do
  wait_quiet 60
  t0=$(date +%s%N)
  "$M" serve --database "$WORK/national.sqlite" --port 8097 >/dev/null 2>&1 &
  until curl -sf http://127.0.0.1:8097/health >/dev/null; do sleep 0.02; done
  t1=$(date +%s%N); kill %1; wait %1 2>/dev/null || true
  echo "scale=3; ($t1 - $t0) / 1000000000" | bc >> "$WORK/start"
done
echo "start-up: median $(median < "$WORK/start") s"

echo "== Search over HTTP (wrk -t2 -c8) vs PostGIS alone (pgbench -c 8 -j 2, simple protocol); /health vs a bare route"
"$M" serve --database "$WORK/national.sqlite" --port 8097 >/dev/null 2>&1 &
until curl -sf http://127.0.0.1:8097/health >/dev/null; do sleep 0.1; done
if [ -n "${BARE:-}" ]; then "$BARE" >/dev/null 2>&1 & sleep 1; fi
: > "$WORK/wrk"; : > "$WORK/pg"; : > "$WORK/health"; : > "$WORK/bare"
for i in $(seq "$RUNS"); do
  wait_quiet 60
  runuser -u postgres -- pgbench -n -M simple -f "$PEERS/pgbench-knn.sql" -c 8 -j 2 -T 10 -h "${PGHOST:-/tmp/perf-baseline-pg}" -p "${PGPORT:-5439}" maillage_baseline 2>/dev/null \
    | awk -F'= ' '/^tps/ { split($2, a, " "); print a[1] }' >> "$WORK/pg"
  wait_quiet 60
  wrk -t2 -c8 -d10s -s Benchmarks/http/search-random-points.lua http://127.0.0.1:8097 | awk '/Requests\/sec/ { print $2 }' >> "$WORK/wrk"
  wrk -t2 -c8 -d5s http://127.0.0.1:8097/health | awk '/Requests\/sec/ { print $2 }' >> "$WORK/health"
  if [ -n "${BARE:-}" ]; then wrk -t2 -c8 -d5s http://127.0.0.1:8098/health | awk '/Requests\/sec/ { print $2 }' >> "$WORK/bare"; fi
  echo "run $i: search $(tail -1 "$WORK/wrk") req/s, PostGIS $(tail -1 "$WORK/pg") tps, /health $(tail -1 "$WORK/health") req/s, bare $(tail -1 "$WORK/bare" 2>/dev/null) req/s"
done
echo "search: maillage median $(median < "$WORK/wrk") req/s, PostGIS median $(median < "$WORK/pg") tps"
echo "/health: maillage median $(median < "$WORK/health") req/s, bare Hummingbird median $(median < "$WORK/bare") req/s"
