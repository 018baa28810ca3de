#!/usr/bin/env bash
# How prepare's time grows with members, next to cargo metadata --no-deps: generated workspaces
# of 50, 100, 1,000 and 5,000 members (bench/generate-workspace.sh), then
# bench/prepare-vs-cargo-metadata.sh on each.
#
#   bench/prepare-scaling.sh [SIZES...]       (default: 50 100 1000 5000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/jchef-scaling.XXXXXX)"
trap 'rm -rf "$work"' EXIT
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(50 100 1000 5000)
dirs=()
for n in "${sizes[@]}"; do
  "$here/generate-workspace.sh" "$n" "$work/generated-$n" >/dev/null
  dirs+=("$work/generated-$n")
done
"$here/prepare-vs-cargo-metadata.sh" "${dirs[@]}"
