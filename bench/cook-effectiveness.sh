#!/usr/bin/env bash
# How well cook does its job, on bench/workspace (two members over 40 real crates from Debian's
# librust-*-dev packages, served from /usr/share/cargo/registry as a directory source), for the
# dev and release profiles:
#
#   T_cold   a plain cargo build of the workspace from nothing
#   T_cook   jchef cook in a fresh directory holding only the recipe
#   T_after  the first build of the real sources on top of the cook: the median of RUNS (3), each
#            from a copy of the cooked directory restored at the same path (cargo's records hold
#            absolute paths), the sources copied over with fresh modification times
#   T_floor  the workspace's own crates rebuilt from scratch with the dependencies already built
#            (cargo clean -p app -p model after the cold build): what T_after cannot beat
#   rebuilt  registry crates the build after cook compiled again (non-fresh compiler-artifact
#            messages); 0 is the goal
#
#   bench/cook-effectiveness.sh        (apt-get install librust-serde-dev librust-serde-derive-dev
#                                       librust-serde-json-dev librust-regex-dev librust-thiserror-dev
#                                       librust-clap-dev librust-tokio-dev librust-anyhow-dev
#                                       librust-rand-dev librust-log-dev, first)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
[ -d /usr/share/cargo/registry/tokio-1.24.2 ] || { echo "install the librust-*-dev packages named above first" >&2; exit 2; }
"$home/jchef" --version >/dev/null

work="$(mktemp -d /tmp/jchef-cook-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export CARGO_HOME="$work/cargo-home"
mkdir -p "$CARGO_HOME"
cat > "$CARGO_HOME/config.toml" <<TOML
[source.crates-io]
replace-with = "debian-packages"
[source.debian-packages]
directory = "/usr/share/cargo/registry"
[net]
offline = true
TOML
unset CARGO_TARGET_DIR

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# registry crates compiled (not fresh) in cargo's JSON output on stdin
registry_compiled() { grep '"reason":"compiler-artifact"' | grep '"fresh":false' | grep -c '"package_id":"registry+' || true; }

copy_sources() { (cd "$home/bench/workspace" && find . -path ./target -prune -o -type f -print | while read -r f; do
  mkdir -p "$2/$(dirname "$f")"; cp "$f" "$2/$f"; done); }

echo "| profile | T_cold s | T_cook s | T_after s (median of $runs) | T_floor s | registry crates rebuilt after cook | T_cold / T_after |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for profile in dev release; do
  flag=(); [ "$profile" = release ] && flag=(--release)

  cold="$work/$profile-cold"
  copy_sources x "$cold"
  start=$(now); (cd "$cold" && cargo build -q "${flag[@]}"); t_cold=$(seconds "$start" "$(now)")

  prepared="$work/$profile-recipe.json"
  (cd "$cold" && "$home/jchef" prepare --recipe-path "$prepared")
  cook="$work/$profile-cook"
  mkdir -p "$cook"; cp "$prepared" "$cook/recipe.json"
  start=$(now); (cd "$cook" && "$home/jchef" cook "${flag[@]}" >/dev/null 2>&1); t_cook=$(seconds "$start" "$(now)")
  cp -a "$cook" "$work/$profile-cook.snapshot"

  afters=(); rebuilt=0
  for _ in $(seq "$runs"); do
    rm -rf "$cook"; cp -a "$work/$profile-cook.snapshot" "$cook"
    copy_sources x "$cook"
    start=$(now)
    count=$( (cd "$cook" && cargo build "${flag[@]}" --message-format=json 2>/dev/null) | registry_compiled)
    afters+=("$(seconds "$start" "$(now)")")
    rebuilt=$((rebuilt > count ? rebuilt : count))
  done
  t_after=$(printf '%s\n' "${afters[@]}" | median)

  (cd "$cold" && cargo clean -q "${flag[@]}" -p app -p model)
  start=$(now); (cd "$cold" && cargo build -q "${flag[@]}"); t_floor=$(seconds "$start" "$(now)")

  echo "| $profile | $t_cold | $t_cook | $t_after | $t_floor | $rebuilt | $(awk -v a="$t_cold" -v b="$t_after" 'BEGIN { printf "%.1fx", a / b }') |"
done
