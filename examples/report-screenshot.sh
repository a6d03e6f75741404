#!/usr/bin/env bash
# Builds an example report (a 20,000-employer synthetic portfolio simulated under the Hangzhou and the
# provisional Hunan tables, and the example monthly ranking) and renders it in headless Chromium to a
# PNG, to check it as a reader sees it. Needs Debian's chromium package and a CJK font for the Chinese
# names (apt-get install chromium fonts-wqy-zenhei).
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
$ratefloat generate --employers 20000 --seed 4 --years 5 --out "$out/portfolio.ndjson"
$ratefloat simulate --rules rules/cn-zj-hangzhou.json --compare rules/cn-hn-provisional.json \
  --in "$out/portfolio.ndjson" --base-year 2020 --classes 5,6,7,8 --out "$out/simulation.json"
$ratefloat rank --definition rules/cn-hn-key-industries.ranking.json --in examples/hunan-monthly-portfolio.ndjson \
  --month 2025-03 --previous-month 2025-02 --top 10 --out "$out/ranking.json"
$ratefloat report --simulation "$out/simulation.json" --ranking "$out/ranking.json" --lang "$lang" \
  --out "$out/report.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# the folder is absolute, so the file URL is right wherever it lies
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1200,2600 --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
echo "report: $out/report.html, screenshot: $out/report.png"
