#!/usr/bin/env bash
# The history-based expectation of member layers on real repositories: for each, the workspace at
# HEAD is exported (git archive, no checkout needed) and `jchef layers --layers L --history N`
# plans it from the newest N first-parent commits; printed as a Markdown table of the expected
# workspace crates compiled per commit with the plan and without (every package, every commit).
#
#   N=200 L=3 bench/layers-history.sh REPO...      (REPO: a git directory, bare or not)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
n="${N:-200}" layers="${L:-3}"
[ $# -gt 0 ] || { echo "usage: $0 REPO..." >&2; exit 2; }
"$home/jchef" --version >/dev/null
work="$(mktemp -d /tmp/jchef-layers-history.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "| repository | HEAD | packages | expected crates compiled per commit, plain | with $layers layers | ratio |"
echo "|---|---|---:|---:|---:|---:|"
for repo in "$@"; do
  repo="$(cd "$repo" && pwd)"
  name="$(basename "$repo")"
  [ "$name" = repo ] && name="$(basename "$(dirname "$repo")" | tr + /)"
  rm -rf "$work/tree"; mkdir -p "$work/tree"
  git -C "$repo" archive HEAD | tar -xf - -C "$work/tree"
  plan="$(cd "$work/tree" && "$home/jchef" layers --repo "$repo" --layers "$layers" --history "$n" 2>&1)" \
    || { echo "| $name | $(git -C "$repo" rev-parse --short=12 HEAD) | $(echo "$plan" | tail -1) |||"; continue; }
  expected="$(echo "$plan" | sed -n 's/^expected workspace crates compiled per commit: \([0-9.]*\) with these layers, \([0-9.]*\) without.*/\1 \2/p')"
  with="${expected% *}" without="${expected#* }"
  echo "| $name | $(git -C "$repo" rev-parse --short=12 HEAD) | ${without%.*} | $without | $with | $(awk -v a="$without" -v b="$with" 'BEGIN { printf "%.1fx", a / b }') |"
done
