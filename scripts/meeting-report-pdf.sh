#!/usr/bin/env bash
# Prints a meeting's compte-rendu both ways, to look at them: the OpenDocument text converted by LibreOffice headless,
# and the HTML page printed by headless Chromium (A4, the site's print styles), each also as PNG pages.
#   scripts/meeting-report-pdf.sh http://127.0.0.1:8080 2 /tmp/compte-rendu
set -euo pipefail
base=${1:?base URL of a running server}
meeting=${2:?meeting id}
out=${3:-compte-rendu}
mkdir -p "$out"
curl -sf "$base/rencontres/$meeting/compte-rendu.odt" -o "$out/compte-rendu.odt"
soffice --headless --convert-to pdf --outdir "$out" "$out/compte-rendu.odt" >/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/compte-rendu-page.pdf" \
  "$base/rencontres/$meeting/compte-rendu" 2>/dev/null
for pdf in "$out/compte-rendu.pdf" "$out/compte-rendu-page.pdf"; do pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"; done
ls "$out"
