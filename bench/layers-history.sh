#!/usr/bin/env bash
# The history-based expectation of member layers on real repositories: for each, the workspace at
# HEAD is exported (git archive, no checkout needed) and `jchef layers --layers L --history N`
# plans it from the newest N first-parent commits; printed as a Markdown table of the expected
# workspace crates compiled per commit with the plan and without (every package, every commit),
# and the expected seconds of the build steps after cook per commit, with the plan and without,
# weighed by the stand-in (the bytes of each package's .rs files; no build is run) and the
# default step cost; with MEASURE=1, by compile times measured with cargo build --timings (the
# exported tree must then build offline).
#
#   N=200 L=3 bench/layers-history.sh REPO...      (REPO: a git directory, bare or not)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
n="${N:-200}" layers="${L:-3}"
[ $# -gt 0 ] || { echo "usage: $0 REPO..." >&2; exit 2; }
"$home/jchef" --version >/dev/null
work="$(mktemp -d /tmp/jchef-layers-history.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "| repository | HEAD | packages | crates per commit, plain | with at most $layers layers | ratio | seconds per commit, plain | with the plan | ratio | layers chosen |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for repo in "$@"; do
  repo="$(cd "$repo" && pwd)"
  name="$(basename "$repo")"
  [ "$name" = repo ] && name="$(basename "$(dirname "$repo")" | tr + /)"
  rm -rf "$work/tree"; mkdir -p "$work/tree"
  git -C "$repo" archive HEAD | tar -xf - -C "$work/tree"
  plan="$(cd "$work/tree" && "$home/jchef" layers --repo "$repo" --layers "$layers" --history "$n" ${MEASURE:+--measure} 2>&1)" \
    || { echo "| $name | $(git -C "$repo" rev-parse --short=12 HEAD) | $(echo "$plan" | tail -1) |||"; continue; }
  if grep -q "member layers do not apply" <<< "$plan"; then
    echo "| $name | $(git -C "$repo" rev-parse --short=12 HEAD) | 1 | layers do not apply (one package) |||||| 0 |"
    continue
  fi
  expected="$(echo "$plan" | sed -n 's/^expected workspace crates compiled per commit: \([0-9.]*\) with these layers, \([0-9.]*\) without.*/\1 \2/p')"
  with="${expected% *}" without="${expected#* }"
  seconds="$(echo "$plan" | sed -n 's/^expected seconds of the steps after cook per commit: \([0-9.]*\) with these layers, \([0-9.]*\) without.*/\1 \2/p')"
  s_with="${seconds% *}" s_without="${seconds#* }"
  chosen="$(echo "$plan" | grep -c '^layer [0-9]*:' || true)"
  echo "| $name | $(git -C "$repo" rev-parse --short=12 HEAD) | ${without%.*} | $without | $with | $(awk -v a="$without" -v b="$with" 'BEGIN { printf "%.1fx", a / b }') | $s_without | $s_with | $(awk -v a="$s_without" -v b="$s_with" 'BEGIN { printf "%.1fx", a / b }') | $chosen |"
done
