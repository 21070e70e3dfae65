#!/usr/bin/env bash
# Prints each failed test of the .trx files under $1 with the first lines of its message and stack trace,
# so that a log cut to its tail still says what failed.
set -euo pipefail
dir=${1:?results directory}
found=0
for trx in "$dir"/*.trx; do
  [ -e "$trx" ] || continue
  found=1
  if command -v python3 >/dev/null; then
    python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    print(f"FAILED {r.get('testName')} ({r.get('duration')})")
    for tag in ("Message", "StackTrace"):
        el = r.find(f".//t:ErrorInfo/t:{tag}", ns)
        if el is not None and el.text:
            for line in el.text.strip().splitlines()[:12]:
                print("    " + line)
PY
  else
    grep -o 'testName="[^"]*"[^>]*outcome="Failed"' "$trx" | sed 's/^testName="\([^"]*\)".*/FAILED \1/'
  fi
done
[ "$found" -eq 1 ] || echo "(no .trx files under $dir)"
