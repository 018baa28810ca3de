#!/usr/bin/env bash
# Cook alone against cook --sccache when the dependency layer must be rebuilt, on
# bench/workspace (40 real crates from Debian's packages; see cook-effectiveness.sh):
#
#   nothing changed       the same recipe cooked by a new builder (a fresh directory)
#   source change         the recipe is unchanged, so the layer cache serves cook: no cook at all
#   one dependency        tokio's features change (adds "sync")
#   several dependencies  tokio's and regex's features change, rand drops its default features
#
# Every cook runs in a fresh directory, as a new layer would; with --sccache, SCCACHE_DIR was
# filled by one earlier cook of the unchanged workspace (the layer before). Dev profile.
#
#   bench/sccache-matrix.sh            (needs sccache on the PATH and the librust-*-dev packages)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
command -v sccache >/dev/null || { echo "sccache not found: apt-get install sccache" >&2; exit 2; }
[ -d /usr/share/cargo/registry/tokio-1.24.2 ] || { echo "install the librust-*-dev packages (see cook-effectiveness.sh)" >&2; exit 2; }
"$home/jchef" --version >/dev/null

work="$(mktemp -d /tmp/jchef-sccache-bench.XXXXXX)"
trap 'sccache --stop-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export CARGO_HOME="$work/cargo-home" SCCACHE_DIR="$work/sccache" SCCACHE_SERVER_PORT=4299
mkdir -p "$CARGO_HOME"
printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n[net]\noffline = true\n' > "$CARGO_HOME/config.toml"
unset CARGO_TARGET_DIR

now() { date +%s.%N; }

# variant WORKSPACE_DIR NAME -> recipe path
prepare() { (cd "$1" && "$home/jchef" prepare --recipe-path "$work/$2.json"); echo "$work/$2.json"; }

# cook RECIPE [--sccache] -> "seconds summary"
cook() {
  local dir; dir="$(mktemp -d "$work/cook.XXXXXX")"
  cp "$1" "$dir/recipe.json"; shift
  local start summary; start=$(now)
  summary="$(cd "$dir" && "$home/jchef" cook "$@" 2>&1 | tail -1)"
  awk -v a="$start" -v b="$(now)" -v s="$summary" 'BEGIN { printf "%.1f|%s\n", b - a, s }'
  rm -rf "$dir"
}

workspace() {
  local dir="$work/ws-$1"
  cp -r "$home/bench/workspace" "$dir"
  rm -rf "$dir/target"
  echo "$dir"
}

base="$(workspace base)"
one="$(workspace one)"
sed -i 's/features = \["rt-multi-thread", "macros", "time"\]/features = ["rt-multi-thread", "macros", "time", "sync"]/' "$one/app/Cargo.toml"
several="$(workspace several)"
sed -i 's/features = \["rt-multi-thread", "macros", "time"\]/features = ["rt-multi-thread", "macros", "time", "sync"]/' "$several/app/Cargo.toml"
sed -i 's/^regex = "1"$/regex = { version = "1", default-features = false, features = ["std", "unicode-perl"] }/' "$several/model/Cargo.toml"
sed -i 's/^rand = "0.8"$/rand = { version = "0.8", default-features = false, features = ["std", "std_rng"] }/' "$several/model/Cargo.toml"
for dir in "$one" "$several"; do (cd "$dir" && cargo generate-lockfile -q --offline); done

base_recipe="$(prepare "$base" base)"
cook "$base_recipe" --sccache >/dev/null          # fills SCCACHE_DIR: the layer before

echo "| change | recipe | cook s | cook --sccache s | sccache hits / misses | speed-up |"
echo "|---|---|---:|---:|---|---:|"
row() {
  local name="$1" recipe="$2" changed="$3"
  local plain with
  plain="$(cook "$recipe")"
  with="$(cook "$recipe" --sccache)"
  local stats; stats="$(echo "${with#*|}" | sed -nE 's/.*sccache ([0-9]+) hits and ([0-9]+) misses.*/\1 \/ \2/p')"
  echo "| $name | $changed | ${plain%%|*} | ${with%%|*} | $stats | $(awk -v a="${plain%%|*}" -v b="${with%%|*}" 'BEGIN { printf "%.1fx", a / b }') |"
}
row "nothing changed (new builder)" "$base_recipe" "same"
echo "| source change | same | 0 (layer cached) | 0 (layer cached) | — | — |"
one_recipe="$(prepare "$one" one)"
cmp -s "$base_recipe" "$one_recipe" && echo "one dependency: the recipe did not change?" >&2
row "one dependency (tokio features)" "$one_recipe" "changed"
several_recipe="$(prepare "$several" several)"
row "several dependencies (tokio, regex, rand)" "$several_recipe" "changed"
