#!/usr/bin/env bash
# Builds an example report (a synthetic Hunan portfolio simulated under the provisional Hunan and the
# Hangzhou tables with the key industries' incidence and the year-by-year replay, and its last month
# ranked by city) and renders it in headless Chromium to a PNG, to check it as a reader sees it. Needs
# Debian's chromium package and a CJK font for the Chinese names (apt-get install chromium
# fonts-wqy-zenhei).
# Usage: examples/report-screenshot.sh [output folder, default target/report] [zh|en, default zh]
# A relative output folder is taken from the current directory.
set -euo pipefail
out="${1:-}"
lang="${2:-zh}"
if [ -n "$out" ]; then
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
fi
cd "$(dirname "$0")/.."
out="${out:-$PWD/target/report}"
mkdir -p "$out"
ratefloat=src/main/sh/ratefloat
$ratefloat generate --employers 5000 --seed 4 --years 5 --months 12 --out "$out/portfolio.ndjson"
$ratefloat simulate --rules rules/cn-hn-provisional.json --compare rules/cn-zj-hangzhou.json \
  --in "$out/portfolio.ndjson" --base-year 2021 --definition cn-hn-key-industries --replay \
  --out "$out/simulation.json" --allow-errors
$ratefloat rank --definition rules/cn-hn-key-industries.ranking.json --in "$out/portfolio.ndjson" \
  --month 2024-12 --by city --top 10 --out "$out/ranking.json"
$ratefloat report --simulation "$out/simulation.json" --ranking "$out/ranking.json" --lang "$lang" \
  --out "$out/report.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# the folder is absolute, so the file URL is right wherever it lies
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1200,6000 --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
echo "report: $out/report.html, screenshot: $out/report.png"
