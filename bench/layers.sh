#!/usr/bin/env bash
# The member-layers table of BENCHMARKS.md: on ripgrep 13's real workspace (assembled from Debian's
# packages by bench/ripgrep-workspace.sh), the final build after a source change with the plain
# recipe against member layers, emulating a container build whose layer cache holds every step of
# an earlier build:
#
#   T_floor  the first real build on top of the cook: every workspace crate compiled, the
#            dependencies already built (what the plain recipe pays after any source change)
#   plain    after a change: the real build on top of the (cached) cook, from a fresh checkout
#   layers   after a change to a package of layer k: steps k..N and the final build (`jchef
#            build`) run again on the cached state of step k-1 (built from the older checkout), as
#            Docker does; the time is their sum, the crates those steps compiled (dummies of later
#            layers that a layer step recompiles are counted too)
#
# Each change is measured RUNS times (default 3) for both columns, alternating, and the median is
# reported; the whole table is made for the dev and the release profile (PROFILES="dev release").
#
# Every build directory is restored at the same path (cargo's records hold absolute paths), and
# every copy of sources gets new modification times, as a fresh CI checkout does.
#
#   bench/layers.sh RG_WORKSPACE [RIPGREP_GIT_REPO]
#
# RG_WORKSPACE is the output of bench/ripgrep-workspace.sh; with RIPGREP_GIT_REPO (a clone of
# BurntSushi/ripgrep), the plan is `jchef layers --layers 3 --measure` from its history (compile
# seconds measured with cargo build --timings, at most three layers), else the plan below. Changes: leaf = the root package's sources (crates/core/app.rs), mid = crates/printer,
# root = crates/matcher (a comment appended to src/lib.rs, a real content change).
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 RG_WORKSPACE [RIPGREP_GIT_REPO]" >&2; exit 2; }
ws="$(realpath "$1")"
repo="${2:-}"
[ -f "$ws/crates/matcher/Cargo.toml" ] && [ -f "$ws/.cargo-home/config.toml" ] \
  || { echo "$ws is not an output of bench/ripgrep-workspace.sh" >&2; exit 2; }
export PATH="$PATH:$HOME/.cargo/bin"
export CARGO_HOME="$ws/.cargo-home"
unset CARGO_TARGET_DIR
jchef="$home/jchef"
"$jchef" --version >/dev/null

work="$(mktemp -d /tmp/jchef-layers-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
build="$work/build"        # the one path every build runs at
members="ripgrep grep grep-cli grep-matcher grep-printer grep-regex grep-searcher grep-pcre2 ignore globset"

# A fresh checkout of the workspace, with or without a change, into $1 (new modification times).
checkout() {
  local to="$1" change="${2:-}"
  mkdir -p "$to"
  (cd "$ws" && tar --exclude=./target --exclude=./.cargo-home --exclude=./recipe.json -cf - .) | (cd "$to" && tar -xmf -)
  [ ! -f "$work/jchef-layers.toml" ] || cp "$work/jchef-layers.toml" "$to/"
  case "$change" in
    "") ;;
    leaf) echo "// a change" >> "$to/crates/core/app.rs" ;;
    mid) echo "// a change" >> "$to/crates/printer/src/lib.rs" ;;
    root) echo "// a change" >> "$to/crates/matcher/src/lib.rs" ;;
  esac
}

restore() { rm -rf "$build"; cp -a "$1" "$build"; }
save() { rm -rf "$1"; cp -a "$build" "$1"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Runs a step in $build; appends the workspace crates cargo compiled to $work/compiled and its
# time to $work/times (copies and restores between steps are not timed).
step() {
  local start; start=$(now)
  (cd "$build" && "$@") > "$work/step.out" 2> "$work/step.err" || { cat "$work/step.err" >&2; exit 1; }
  seconds "$start" "$(now)" >> "$work/times"; echo >> "$work/times"
  for name in $members; do
    if grep -Eq "^ *Compiling $name v" "$work/step.err"; then echo "$name" >> "$work/compiled"; fi
  done
}
begin() { : > "$work/compiled"; : > "$work/times"; }
total() { awk '{ s += $1 } END { printf "%.1f", s }' "$work/times"; }
crates() { sort -u "$work/compiled" | wc -l; }

# The layer plan.
mkdir -p "$work/plan"
if [ -n "$repo" ]; then
  checkout "$work/plan"
  (cd "$work/plan" && "$jchef" layers --repo "$repo" --layers 3 --measure --write) > "$work/plan.txt" 2> "$work/plan.err" \
    || { cat "$work/plan.err" >&2; exit 1; }
  cp "$work/plan/jchef-layers.toml" "$work/jchef-layers.toml"
else
  cat > "$work/jchef-layers.toml" <<'TOML'
[[layer]]
members = ["crates/matcher", "crates/regex", "crates/pcre2", "crates/searcher"]
[[layer]]
members = ["crates/globset", "crates/cli", "crates/printer", "crates/grep"]
[[layer]]
members = ["crates/ignore"]
[final]
members = []
TOML
  echo "the built-in plan" > "$work/plan.txt"
fi
layers=$(grep -c '^\[\[layer\]\]' "$work/jchef-layers.toml" || true)
layer_of() {   # the layer of a package directory, or 0 for the final step
  awk -v d="\"$1\"" '/^\[\[layer\]\]/ { k++ } /^\[final\]/ { k = 0 } index($0, d) && /^members/ { print k; found=1 } END { if (!found) print 0 }' \
    "$work/jchef-layers.toml"
}
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "plan: $(grep -v '^jchef layers: written' "$work/plan.txt" | tr '\n' ' ')"
echo
runs="${RUNS:-3}"
for profile in ${PROFILES:-dev release}; do
  flag=""; out=debug
  [ "$profile" = release ] && { flag="--release"; out=release; }

  # Cook.
  rm -rf "$work/src" "$build"
  checkout "$work/src"
  (cd "$work/src" && "$jchef" prepare -q --recipe-path "$work/recipe.json")
  mkdir -p "$build"
  cp "$work/recipe.json" "$build/"
  begin; step "$jchef" cook $flag; t_cook=$(total)
  save "$work/state-0"

  # T_floor: the first real build on top of the cook.
  checkout "$build"
  begin; step cargo build $flag; t_floor=$(total); floor_crates=$(crates)

  # The layer steps of the earlier build, each state saved as the layer cache would hold it.
  restore "$work/state-0"
  run_layers_from() {   # $1 first layer to run, $2 the checkout to copy from, $3 "save" to keep the states
    local k dir
    for k in $(seq "$1" "$layers"); do
      cp "$2/jchef-layers.toml" "$build/"
      mkdir -p "$build/.jchef"
      cp "$2/Cargo.toml" "$build/.jchef/workspace.toml"
      for dir in $(awk -v k="$k" '/^\[\[layer\]\]/ { n++ } /^\[final\]/ { n = -1 } n == k && /^members/' "$work/jchef-layers.toml" | grep -o '"[^"]*"' | tr -d '"'); do
        rm -rf "${build:?}/$dir"; mkdir -p "$build/$dir"
        (cd "$2/$dir" && tar -cf - .) | (cd "$build/$dir" && tar -xmf -)
      done
      step "$jchef" cook $flag --layer "$k"
      [ "${3:-}" != save ] || save "$work/state-$k"
    done
  }
  begin; run_layers_from 1 "$work/src" save

  echo "### $profile profile (cook $t_cook s; T_floor, the first real build on the cook: $t_floor s, $floor_crates workspace crates; median of $runs runs)"
  echo
  echo "| change | package's layer | no layers: final build s | crates compiled | layers: steps run again s | crates compiled | which | layers / no layers |"
  echo "|---|---:|---:|---:|---:|---:|---|---:|"
  for change in leaf mid root; do
    case "$change" in leaf) dir=. ;; mid) dir=crates/printer ;; root) dir=crates/matcher ;; esac
    rm -rf "$work/new"; checkout "$work/new" "$change"
    k=$(layer_of "$dir")
    : > "$work/plain-times"; : > "$work/layer-times"
    for run in $(seq "$runs"); do
      # No layers: the cook is cached; the real build compiles every workspace crate.
      restore "$work/state-0"
      (cd "$work/new" && tar -cf - .) | (cd "$build" && tar -xmf -)
      begin; step cargo build $flag; total >> "$work/plain-times"; echo >> "$work/plain-times"; plain_crates=$(crates)

      # Layers: steps from the package's layer on, then the final build.
      begin
      if [ "$k" -gt 0 ]; then
        restore "$work/state-$((k - 1))"
        run_layers_from "$k" "$work/new"
      else
        restore "$work/state-$layers"
      fi
      (cd "$work/new" && tar -cf - .) | (cd "$build" && tar -xmf -)
      step "$jchef" build $flag
      total >> "$work/layer-times"; echo >> "$work/layer-times"; layer_crates=$(crates)
      [ "$("$build/target/$out/rg" --version | head -1 | cut -d' ' -f1)" = ripgrep ] || { echo "not the real rg" >&2; exit 1; }
    done
    t_plain=$(median < "$work/plain-times"); t_layers=$(median < "$work/layer-times")
    echo "| $change ($dir) | ${k/#0/final} | $t_plain | $plain_crates | $t_layers | $layer_crates | $(sort -u "$work/compiled" | tr '\n' ' ') | $(awk -v a="$t_layers" -v b="$t_plain" 'BEGIN { printf "%.2f", a / b }') |"
  done
  echo
done
