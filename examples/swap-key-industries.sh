#!/usr/bin/env bash
# Swaps the list of key industries of Hunan's monthly ranking and ranks the example month with both
# lists. The other list is a second definition file with its own id, in a folder of its own; the
# classification, regions and industry names it names are found next to it or else among the bundled
# ones. Here it keeps the mines and chemicals but, of construction, only housing (47), railways, roads,
# tunnels and bridges (481) and water works (482), leaving out installation (49), decoration (50) and
# other civil engineering.
# Usage: examples/swap-key-industries.sh [output folder, default target/key-industries]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/key-industries}"
mkdir -p "$out"
shipped='"47", "48", "49", "50"'
narrow='"47", "481", "482"'
other="$out/cn-hn-key-industries-narrow.ranking.json"
sed -e 's/"id": "cn-hn-key-industries"/"id": "cn-hn-key-industries-narrow"/' \
  -e "s/\[$shipped\]/[$narrow]/" rules/cn-hn-key-industries.ranking.json > "$other"
if [ "$(grep -c "\[$narrow\]" "$other")" != 2 ]; then
  echo "swap-key-industries: the construction codes in rules/cn-hn-key-industries.ranking.json are not the ones expected" >&2
  exit 1
fi
ratefloat=src/main/sh/ratefloat
for definition in rules/cn-hn-key-industries.ranking.json "$other"; do
  csv="$out/$(basename "$definition" .ranking.json)-2025-03.csv"
  $ratefloat rank --definition "$definition" --in examples/hunan-monthly-portfolio.ndjson --month 2025-03 \
    --top 5 --out "$csv"
  cat "$csv"
done
