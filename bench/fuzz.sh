#!/usr/bin/env bash
# The malformed-input row of BENCHMARKS.md's reliability table: the fuzz properties with many more
# tries than CI's default of 1000 (jqwik.tries.default), timed. The recipe property with git
# history keeps its own 25 tries (each one makes a repository).
#
#   bench/fuzz.sh [TRIES]     (default 20000)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
tries="${1:-20000}"
cd "$home"
mvn -B -q -o install -DskipTests -Dinvoker.skip >/dev/null 2>&1 || mvn -B -q install -DskipTests -Dinvoker.skip
for test in cargo-model:MalformedCargoFilesProperties recipe:MalformedRecipeProperties; do
  module="${test%%:*}" class="${test#*:}"
  start=$(date +%s)
  if mvn -B -q -pl "$module" surefire:test -Dtest="$class" -Djqwik.tries.default="$tries" \
      -Djqwik.reporting.onlyfailures=true >/tmp/jchef-fuzz-$class.log 2>&1; then
    echo "$class: $tries tries per property, passed, $(( $(date +%s) - start )) s"
  else
    echo "$class: FAILED after $(( $(date +%s) - start )) s (log: /tmp/jchef-fuzz-$class.log)"; exit 1
  fi
done
