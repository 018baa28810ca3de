#!/usr/bin/env bash
# The registry cache (jchef cook --cache-from/--cache-to) on fresh machines, against a cold cook
# and against cook --sccache with a warm local sccache directory. Workspaces:
#
#   workspace   bench/workspace (40 real crates from Debian's packages); the dependency change:
#               tokio's features gain "sync" (as bench/sccache-matrix.sh)
#   ripgrep     ripgrep 13 from Debian's packages (bench/ripgrep-workspace.sh DIR); two changes:
#               a crate added (either, to the root package), and log's "std" feature turned on
#               (log is used by most of ripgrep's crates)
#
# Every cook runs on a "fresh machine": the cook directory and CARGO_HOME are removed first and made
# again at the same paths (a state is restored only where it was made). The registry is Debian's
# docker-registry on 127.0.0.1 (loopback, so transfer times are the machine's, not a network's);
# states are gzip'd tar (level 6) in 9 layers. The profile is PROFILE's (dev, the default, or
# release). One run of each row (the ratios are of one run).
#
#   [PROFILE=release] bench/registry-cache.sh [RIPGREP_DIR]
#                     (RIPGREP_DIR: from bench/ripgrep-workspace.sh; skipped if absent)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
command -v docker-registry >/dev/null || { echo "docker-registry not found: apt-get install docker-registry" >&2; exit 2; }
command -v sccache >/dev/null || { echo "sccache not found: apt-get install sccache" >&2; exit 2; }
[ -d /usr/share/cargo/registry/tokio-1.24.2 ] || { echo "install the librust-*-dev packages (see cook-effectiveness.sh)" >&2; exit 2; }
ripgrep="${1:-}"
profile="${PROFILE:-dev}"
case "$profile" in
  dev) profile_flags=() ;;
  release) profile_flags=(--release) ;;
  *) echo "PROFILE is dev or release" >&2; exit 2 ;;
esac
"$home/jchef" --version >/dev/null

# Fixed paths: machine A and machine B must agree on them.
work=/tmp/jchef-registry-bench
rm -rf "$work"
mkdir -p "$work/registry"
app="$work/app"
export CARGO_HOME="$work/cargo-home" SCCACHE_DIR="$work/sccache" SCCACHE_SERVER_PORT=4298
unset CARGO_TARGET_DIR
port=$((20000 + RANDOM % 20000))
printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' \
  "$work/registry" "$port" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
trap 'kill $registry_pid 2>/dev/null || true; sccache --stop-server >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

fresh_machine() {
  rm -rf "$app" "$CARGO_HOME"
  mkdir -p "$app" "$CARGO_HOME"
  printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n[net]\noffline = true\n' \
    > "$CARGO_HOME/config.toml"
}

# cook RECIPE [jchef cook flags] -> prints "seconds"; the cook's log is in $work/last.log
cook() {
  fresh_machine
  cp "$1" "$app/recipe.json"; shift
  local start; start=$(now)
  (cd "$app" && "$home/jchef" cook "${profile_flags[@]}" "$@") >"$work/last.log" 2>&1
  since "$start"
}

# The "cache:" lines of the last cook, shortened: what was restored or stored, its size and time.
cache_note() { grep -oE "cache: (restored [a-z' ]+ state|stored [0-9]+ files|no state)|\\([0-9.]+ MB[^)]*\\)|cargo is not run" "$work/last.log" | tr '\n' ' ' || true; }
compiled_registry() { grep -cE '^\s+Compiling [^ ]+ v[^ ]+$' "$work/last.log" || true; }

# real_build SOURCES -> seconds of the real dev build on top of the cook in $app
real_build() {
  (cd "$1" && tar --exclude=./target --exclude=./.cargo-home -cf - .) | (cd "$app" && tar -xf -)
  local start; start=$(now)
  (cd "$app" && cargo build -q "${profile_flags[@]}") >"$work/real.log" 2>&1
  since "$start"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }

row() { printf '| %s | %s | %s s | %s | %s | %s |\n' "$@"; }

# bench NAME DIR CHANGE_NAME:CHANGE_DIR...
bench() {
  local name="$1" dir="$2"; shift 2
  local repo="127.0.0.1:$port/bench/$name"
  local base; base="$work/$name-base.json"
  (cd "$dir" && "$home/jchef" prepare -q --recipe-path "$base")

  echo
  echo "### $name"
  echo
  echo "| row | recipe | cook | vs cold | registry crates compiled | cache |"
  echo "|---|---|---:|---:|---:|---|"
  local cold; cold="$(cook "$base")"
  row "cold cook, no cache" base "$cold" "1.0x" "$(compiled_registry)" ""
  local real_plain; real_plain="$(real_build "$dir")"
  local pushed; pushed="$(cook "$base" --cache-to "$repo")"
  row "cold cook with --cache-to (push)" base "$pushed" "$(ratio "$cold" "$pushed")" "$(compiled_registry)" "$(cache_note)"
  local exact; exact="$(cook "$base" --cache-from "$repo")"
  row "fresh machine, exact hit" base "$exact" "$(ratio "$cold" "$exact")" "$(compiled_registry)" "$(cache_note)"
  local real_exact; real_exact="$(real_build "$dir")"
  row "real build after the exact hit" - "$real_exact" "after a plain cook: $real_plain s" "" ""
  rm -rf "$SCCACHE_DIR"
  cook "$base" --sccache >/dev/null   # fills SCCACHE_DIR: the builder before the change
  for change in "$@"; do
    local label="${change%%:*}" variant="${change#*:}"
    local recipe="$work/$name-$label.json"
    (cd "$variant" && "$home/jchef" prepare -q --recipe-path "$recipe")
    local changed_cold; changed_cold="$(cook "$recipe")"
    row "$label, no cache" "$label" "$changed_cold" "$(ratio "$cold" "$changed_cold")" "$(compiled_registry)" ""
    local changed_cache; changed_cache="$(cook "$recipe" --cache-from "$repo")"
    row "$label, fresh machine, --cache-from" "$label" "$changed_cache" "$(ratio "$cold" "$changed_cache")" "$(compiled_registry)" "$(cache_note)"
    local changed_sccache; changed_sccache="$(cook "$recipe" --sccache)"
    row "$label, --sccache (warm local dir)" "$label" "$changed_sccache" "$(ratio "$cold" "$changed_sccache")" "$(compiled_registry)" "$(tail -1 "$work/last.log" | grep -oE 'sccache [^,]*' || true)"
  done
}

variant() {
  local from="$1" to="$2"
  rm -rf "$to"
  mkdir -p "$to"
  (cd "$from" && tar --exclude=./target -cf - .) | (cd "$to" && tar -xf -)
  echo "$to"
}

echo "registry cache bench, $(date -u +%Y-%m-%d), $(nproc) cores, $(cargo -V), profile $profile"

fresh_machine
ws="$(variant "$home/bench/workspace" "$work/ws-base")"
ws_sync="$(variant "$ws" "$work/ws-sync")"
sed -i 's/features = \["rt-multi-thread", "macros", "time"\]/features = ["rt-multi-thread", "macros", "time", "sync"]/' "$ws_sync/app/Cargo.toml"
(cd "$ws_sync" && cargo metadata -q --offline --format-version 1 >/dev/null)
bench workspace "$ws" "tokio-sync:$ws_sync"

if [ -n "$ripgrep" ] && [ -f "$ripgrep/Cargo.toml" ]; then
  rg="$(variant "$ripgrep" "$work/rg-base")"
  rm -rf "$rg/.cargo-home"
  rg_either="$(variant "$rg" "$work/rg-either")"
  printf '\n[dependencies.either]\nversion = "1"\n' >> "$rg_either/Cargo.toml"
  rg_log="$(variant "$rg" "$work/rg-log")"
  sed -i '/^\[dependencies.log\]$/,/^$/ s/^version = "0.4.5"$/version = "0.4.5"\nfeatures = ["std"]/' "$rg_log/Cargo.toml"
  for variant_dir in "$rg_either" "$rg_log"; do (cd "$variant_dir" && cargo metadata -q --offline --format-version 1 >/dev/null); done
  bench ripgrep "$rg" "either-added:$rg_either" "log-std:$rg_log"
else
  echo
  echo "ripgrep: skipped (give the directory bench/ripgrep-workspace.sh made)"
fi
