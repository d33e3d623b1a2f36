#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzz targets with clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer in _build-fuzz and runs each for SECONDS
# (default 30) from its corpus in tests/fuzz/corpus/. New inputs libFuzzer
# finds go to _build-fuzz/corpus/, not into the tree; a finding stops the
# run with the input saved beside it (crash-…) and a non-zero status.
#   build-aux/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json request)

if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi

status=0
for t in "${targets[@]}"; do
  [ -f "tests/fuzz/fuzz-$t.c" ] || continue
  ninja -C _build-fuzz "tests/fuzz/fuzz-$t" >/dev/null
  mkdir -p "_build-fuzz/corpus/$t" "_build-fuzz/findings/$t"
  echo "fuzz-$t: ${seconds} s"
  log="_build-fuzz/fuzz-$t.log"
  if UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=0 \
       "_build-fuzz/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -print_final_stats=1 \
         -artifact_prefix="_build-fuzz/findings/$t/" -max_len=8192 \
         "_build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" > "$log" 2>&1; then
    grep -E '^(Done|stat::(number_of_executed_units|new_units_added))' "$log" || true
  else
    status=1
    echo "fuzz-$t found something:"
    grep -v '^#' "$log" | tail -n 60
  fi
done
exit $status
