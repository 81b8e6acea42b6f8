#!/usr/bin/env bash
# Baseline for the import benchmark: the same place rows loaded by sqlite3's own `.import` (no parsing of the
# vocabulary, no location, no merge). Prints the wall-clock seconds of the five imports together.
set -euo pipefail
data="$(cd "$(dirname "$0")/../../shared/data" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$data" "$work" <<'PY'
import csv, json, sys, os, gzip
data, work = sys.argv[1], sys.argv[2]
for name in ["conseillers-numeriques-lieux-2022-12.json", "data-inclusion-structures-mediation-numerique-2023-02.json",
             "aidants-connect-structures-2023-01.json"]:
    rows = json.load(open(os.path.join(data, "lieux", name)))
    keys = sorted({k for r in rows for k in r})
    with open(os.path.join(work, name + ".csv"), "w", newline="") as out:
        w = csv.writer(out); w.writerow(keys)
        for r in rows: w.writerow([r.get(k, "") for k in keys])
with gzip.open(os.path.join(data, "lieux", "bibliotheques-publiques-france.csv.gz"), "rt") as f, \
     open(os.path.join(work, "bib.csv"), "w", newline="") as out:
    w = csv.writer(out)
    for row in csv.reader(f, delimiter=";"): w.writerow(row)
PY
cp "$data/lieux/france-services-2022-12.csv" "$work/fs.csv"
start=$(date +%s.%N)
for f in "$work"/*.csv; do
  sqlite3 "$work/raw.sqlite" "PRAGMA journal_mode=WAL;" ".mode csv" ".import '$f' t_$(basename "$f" .csv | tr -c 'a-z0-9\n' '_')" >/dev/null
done
end=$(date +%s.%N)
echo "raw sqlite3 .import of the 5 place files: $(echo "$end - $start" | bc) s"
