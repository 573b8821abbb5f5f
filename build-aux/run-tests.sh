#!/usr/bin/env bash
# Builds Hearth in a build folder (warnings are errors) and runs every test:
# core, schema, display, end-to-end and data-file validation. Each test runs in
# its own private environment (build-aux/test-env.sh, wired in by meson).
# The last line it prints is "N passed, N failed", counting each TAP subtest.
#
# Usage: build-aux/run-tests.sh [BUILD_DIR] [extra meson setup options...]
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build}
shift || true

# The test build lets the end-to-end tests move the application's clock
# (meson_options.txt: test_hooks); nothing installed ever has that.
if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" --werror -Dtest_hooks=true "$@" >/dev/null || exit 1
else
  meson setup "$builddir" --werror -Dtest_hooks=true "$@" || exit 1
fi
meson compile -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }

meson test -C "$builddir" --print-errorlogs
status=$?

# Count TAP subtests where a test reports them, whole tests elsewhere.
python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, re, sys

passed = failed = 0
with open(sys.argv[1]) as log:
    for line in log:
        test = json.loads(line)
        out = test.get("stdout") or ""
        ok = len(re.findall(r"^ok \d+", out, re.M))
        not_ok = len(re.findall(r"^not ok \d+", out, re.M))
        if re.search(r"^1\.\.\d+", out, re.M):
            passed += ok
            failed += not_ok
            if test["result"] != "OK" and not_ok == 0:
                failed += 1  # crashed or timed out between subtests
        elif test["result"] == "OK":
            passed += 1
        else:
            failed += 1
print("%d passed, %d failed" % (passed, failed))
PY
exit $status
