#!/usr/bin/env bash
# Wall time and peak memory of `jchef prepare` next to `cargo metadata --no-deps` on the same
# workspaces: the median of RUNS runs each (default 5), one Markdown table row per workspace.
#
#   bench/prepare-vs-cargo-metadata.sh DIR...
#
# Each DIR is a Cargo workspace root (a checkout of a real project, or one made by
# bench/generate-workspace.sh). Nothing is built; the recipe goes to a temporary file. jchef runs
# through the ./jchef launcher, start-up archive included (JCHEF_START_UP_ARCHIVE=off to compare). Projects that pin a toolchain make rustup want to download
# it, so cargo runs with RUSTUP_TOOLCHAIN=stable.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }

"$home/jchef" --version >/dev/null   # builds the jar and its start-up archive if needed
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# measure DIR COMMAND... -> "median_ms peak_kb"
measure() {
  local dir="$1"; shift
  local times=() peaks=()
  for _ in $(seq "$runs"); do
    ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" ) \
      || { echo "failed in $dir: $*: $(head -c 300 "$out/stderr")" >&2; exit 1; }
    read -r seconds kb < "$out/time"
    times+=("$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')")
    peaks+=("$kb")
  done
  local median peak
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  peak="$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)"
  echo "$median $peak"
}

echo "| workspace | members | manifests | recipe bytes | jchef prepare ms | peak MiB | cargo metadata --no-deps ms | peak MiB | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for dir in "$@"; do
  name="$(basename "$dir")"
  read -r jchef_ms jchef_kb < <(measure "$dir" "$home/jchef" prepare --recipe-path "$out/recipe.json")
  read -r cargo_ms cargo_kb < <(measure "$dir" env RUSTUP_TOOLCHAIN=stable cargo metadata --no-deps --offline --format-version 1)
  members="$(cd "$dir" && RUSTUP_TOOLCHAIN=stable cargo metadata --no-deps --offline --format-version 1 \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["workspace_members"]))')"
  manifests="$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["skeleton"]["manifests"]))' "$out/recipe.json")"
  bytes="$(stat -c %s "$out/recipe.json")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$members" "$manifests" "$bytes" \
    "$jchef_ms" "$((jchef_kb / 1024))" "$cargo_ms" "$((cargo_kb / 1024))" \
    "$(awk -v a="$jchef_ms" -v b="$cargo_ms" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }')"
done
