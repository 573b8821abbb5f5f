#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES.in, or
# when POTFILES.in names a file that is not there.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$(
  {
    grep -rlE '\b(N_|_|C_|NC_)\s*\(\s*"' src --include='*.c' || true
    grep -rl 'translatable="yes"' src --include='*.ui' || true
    ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml
  } | sort -u
)

status=0
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
stale=$(comm -23 <(echo "$listed") <(echo "$found"))
if [ -n "$missing" ]; then
  echo "Translatable, but not in po/POTFILES.in:"
  echo "$missing"
  status=1
fi
for f in $stale; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a file that does not exist: $f"
    status=1
  fi
done
exit $status
