#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds and runs the whole test suite: core unit
# tests, server tests against the real server on 127.0.0.1, and GUI tests of
# the real windows under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
build-aux/build.sh

status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs --num-processes 2 "$@" || status=$?

# A short run of every fuzz target under libFuzzer, ASan and UBSan (the
# suite above only replays their corpus); FUZZ_SECONDS=0 leaves it out.
if [ "${FUZZ_SECONDS:-30}" != 0 ] && [ $# -eq 0 ]; then
  build-aux/fuzz.sh "${FUZZ_SECONDS:-30}" || status=$?
fi

# One closing line that any reader of the log understands.
python3 - _build/meson-logs/testlog.json <<'PY' || true
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): passed += 1
    elif r == "SKIP": skipped += 1
    else: failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
