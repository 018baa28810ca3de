#!/usr/bin/env bash
# Two ways of sharing the compiled dependencies beyond one machine's layer cache:
#
#  A. A layer cache in a registry: docker-registry on 127.0.0.1 holds the base and jchef images and
#     the cache of --cache-to. Builder A (buildah's default storage) builds examples/docker with
#     --cache-to; builder B (its own, empty storage) builds the same source with --cache-from and
#     --cache-to. Asserts that B took the cook step from the registry, that a source-only change
#     keeps it cached, that a dependency change runs it again, and that every image runs the real
#     program. buildah 1.28 prints "--> Pushing cache REPO:KEY" for each step it pushes (it pushes
#     steps taken from the local layer cache too, but not steps it pulled) and
#     "--> Cache pulled from remote REPO:KEY" (then "--> Using cache ID") for a step it pulled.
#  B. A target-directory cache mount (Dockerfile.target-cache, the workspace example): a change to
#     render compiles render and hello only; a dependency added to render cooks on top of the
#     previous build in the mount. Compares that cook's time with the cold cook's.
#
#   e2e/container/shared-cache.sh   (as root, after run.sh has made localhost/jchef-base:bookworm
#                                    and localhost/jchef:latest; exits 0 with "SKIPPED: ..." where
#                                    buildah or docker-registry cannot run)
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
here="$home/e2e/container"
local_base="localhost/jchef-base:bookworm"
local_jchef="localhost/jchef:latest"
storage=(--storage-driver overlay)
bud=(timeout 1200 buildah bud --layers --isolation chroot "${storage[@]}")
base_image="$local_base"

. "$here/lib.sh"   # skip, fail, require_buildah, containers_now, remove_left_containers, build, step_cached, step_times, step_seconds, step_compiled, cook_summary, runs_program
require_buildah
command -v docker-registry >/dev/null || skip "docker-registry is not installed (apt-get install docker-registry)"
command -v curl >/dev/null || skip "curl is not installed"
for image in "$local_base" "$local_jchef"; do
  buildah "${storage[@]}" inspect --type image "$image" >/dev/null 2>&1 \
    || fail "$image is missing: e2e/container/run.sh makes it"
done

# step_has NAME PATTERN TEXT: whether buildah printed a line starting with TEXT in the step whose
# STEP line matches PATTERN
step_has() {
  awk -v pattern="$2" -v text="$3" '
    / STEP [0-9]+\/[0-9]+: / { in_step = index($0, pattern) > 0; next }
    in_step && index($0, " " text) == index($0, " ") { found = 1 }
    END { exit found ? 0 : 1 }' "$work/$1.log"
}

# steps_with NAME TEXT: the STEP lines of the steps in which buildah printed a line starting with TEXT
steps_with() {
  awk -v text="$2" '
    / STEP [0-9]+\/[0-9]+: / { step = substr($0, index($0, "STEP")); next }
    index($0, " " text) == index($0, " ") && step != "" { print "    " step; step = "" }' "$work/$1.log"
}

# unmount_below DIR: unmounts whatever is mounted at or below DIR, deepest first
unmount_below() {
  local dir="$1" target
  for target in $(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount "$target" 2>/dev/null || umount -l "$target" || true
  done
}

work="$(mktemp -d)"
registry_pid=""
registry_port=""
b_root="$work/builder-b/root"
b_runroot="$work/builder-b/runroot"
containers_before="$(containers_now)"

cleanup() {
  local status=$? name
  set +e
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$registry_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$registry_pid" 2>/dev/null
  fi
  # Builder B's storage: its containers (a build leaves one for the instruction-less jchef stage),
  # its images, then whatever the overlay driver left mounted.
  if [ -d "$b_root" ]; then
    buildah --storage-driver overlay --root "$b_root" --runroot "$b_runroot" rm -a >/dev/null 2>&1
    buildah --storage-driver overlay --root "$b_root" --runroot "$b_runroot" rmi -a -f >/dev/null 2>&1
    unmount_below "$work/builder-b"
  fi
  # The default storage: the working containers this run's builds left behind, and the registry's
  # names this run added to the base and jchef images (the images themselves stay).
  storage=(--storage-driver overlay)
  remove_left_containers "$containers_before" "$local_jchef"
  if [ -n "$registry_port" ]; then
    for name in "127.0.0.1:$registry_port/jchef-base:bookworm" "127.0.0.1:$registry_port/jchef:latest"; do
      buildah --storage-driver overlay rmi "$name" >/dev/null 2>&1
    done
  fi
  if awk -v d="$work" 'index($2, d "/") == 1 { found = 1 } END { exit found ? 0 : 1 }' /proc/self/mounts; then
    echo "cleanup: still mounted below $work, left in place:" >&2
    awk -v d="$work" 'index($2, d "/") == 1 { print "  " $2 }' /proc/self/mounts >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT

# context_with DIR FILES...: a build context with the example's files, its Cargo configuration
# marked with this run (so that each run's first build is cold from the configuration on)
run_mark="$(date +%s%N)"
context_with() {
  local dir="$1"; shift
  mkdir -p "$dir"
  cp "$@" "$home/examples/docker/cargo-config.toml" "$dir/"
  printf '\n# e2e/container/shared-cache.sh run %s\n' "$run_mark" >> "$dir/cargo-config.toml"
}

# push IMAGE NAME: copies IMAGE from the default storage to the registry as NAME
push() {
  local started
  started=$(date +%s.%N)
  timeout 600 buildah "${storage[@]}" push --tls-verify=false "$1" "docker://$registry/$2" > "$work/push-$2.txt" 2>&1 \
    || { tail -20 "$work/push-$2.txt"; fail "pushing $1 to $registry failed"; }
  awk -v i="$1" -v n="$registry/$2" -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "  pushed %s as %s in %.1f s\n", i, n, b - a }'
}

program='{"message":"hello from a jchef-cooked image","built_with":"jchef"}'
program_source='{"message":"hello again from a jchef-cooked image","built_with":"jchef"}'
program_dependency='{"message":"hello from a jchef-cooked image, with anyhow","built_with":"jchef"}'
workspace_program='{"message":"hello from a layered jchef build","built_with":"jchef"}'
workspace_render=' (rendered by a changed render)'

# ---- A. The layer cache in a registry ------------------------------------------------------
start_registry
registry="127.0.0.1:$registry_port"
cache="$registry/jchef-cache"
push "$local_base" jchef-base:bookworm
push "$local_jchef" jchef:latest
registry_args=(--tls-verify=false --build-arg JCHEF_IMAGE="$registry/jchef:latest" --cache-to "$cache")

# One checkout, and a copy of it for the second builder (a CI runner's own checkout).
context_with "$work/checkout-a" "$home/examples/docker/Dockerfile"
cp -r "$home/examples/docker/project" "$work/checkout-a/project"
cp -r "$work/checkout-a" "$work/checkout-b"

echo "== registry: builder A (default storage), --cache-to $cache"
base_image="$registry/jchef-base:bookworm"
context="$work/checkout-a"
build registry-a Dockerfile "${registry_args[@]}"
step_cached registry-a "jchef cook" && fail "builder A took cook from its layer cache: the run's configuration mark did not reach it"
step_has registry-a "jchef cook" "--> Pushing cache" || fail "builder A did not push the cook step's cache"
step_has registry-a "apt-get install" "--> Pushing cache" || fail "builder A did not push the toolchain step (a local cache hit) to the registry"
echo "  cook ran ($(cook_summary registry-a)); pushed to the registry: $(grep -c -- ' --> Pushing cache ' "$work/registry-a.log") steps' images"
runs_program registry-a "$program"

echo "== registry: builder B (empty storage), --cache-from and --cache-to $cache"
storage=(--storage-driver overlay --root "$b_root" --runroot "$b_runroot")
bud=(timeout 1200 buildah bud --layers --isolation chroot "${storage[@]}")
mkdir -p "$b_root" "$b_runroot"
context="$work/checkout-b"
registry_args+=(--cache-from "$cache")
build registry-b-cold Dockerfile "${registry_args[@]}"
step_has registry-b-cold "jchef cook" "--> Cache pulled from remote" \
  || fail "builder B did not pull the cook step from the registry"
step_compiled_b="$(step_compiled registry-b-cold "jchef cook")"
[ -z "$step_compiled_b" ] || fail "builder B compiled '$step_compiled_b' in the cook step"
echo "  cook pulled from the registry (--> Cache pulled from remote); $(grep -c -- ' --> Cache pulled from remote ' "$work/registry-b-cold.log") steps' images pulled, among them"
echo "  (buildah prints the result of a step that waited for another stage after that stage's lines):"
steps_with registry-b-cold "--> Cache pulled from remote"
runs_program registry-b-cold "$program"

echo "== registry: builder B, after a source-only change"
sed -i 's/hello from a jchef-cooked image/hello again from a jchef-cooked image/' "$context/project/src/main.rs"
build registry-b-source Dockerfile "${registry_args[@]}"
step_cached registry-b-source "jchef cook" || fail "builder B: cook ran again after a source-only change"
echo "  cook came from the layer cache (builder B's storage, where the build before pulled it)"
runs_program registry-b-source "$program_source"

echo "== registry: builder B, after a dependency change (anyhow added)"
cp -r "$here/dependency-change/." "$context/project/"
build registry-b-dependency Dockerfile "${registry_args[@]}"
step_cached registry-b-dependency "jchef cook" && fail "builder B: cook came from the cache after a dependency change"
step_has registry-b-dependency "jchef cook" "--> Cache pulled from remote" && fail "builder B: cook came from the registry after a dependency change"
echo "  cook ran again ($(cook_summary registry-b-dependency)), compiled: $(step_compiled registry-b-dependency "jchef cook")"
runs_program registry-b-dependency "$program_dependency"

# ---- B. The target-directory cache mount ---------------------------------------------------
storage=(--storage-driver overlay)
bud=(timeout 1200 buildah bud --layers --isolation chroot "${storage[@]}")
base_image="$local_base"
context="$work/context-target"
context_with "$context" "$home/examples/docker/Dockerfile.target-cache"
cp -r "$home/examples/docker/workspace" "$context/workspace"
target_mount="${TMPDIR:-/var/tmp}/buildah-cache/app/target"
rm -rf "$target_mount"   # the mount on /app/target: start cold

echo "== target cache mount: cold build"
build target-cold Dockerfile.target-cache
step_cached target-cold "jchef cook" && fail "target cache: the cold build took cook from the layer cache"
cook_compiled="$(step_compiled target-cold "jchef cook")"
grep -qw serde_json <<< "$cook_compiled" || fail "target cache: the cold cook compiled '$cook_compiled', no serde_json: the mount was not empty"
echo "  cook ($(cook_summary target-cold)) compiled: $cook_compiled"
echo "  the real build compiled: $(step_compiled target-cold "cargo build")"
runs_program target-cold "$workspace_program"

echo "== target cache mount: after a change to render (model <- render <- hello)"
sed -i 's/\.expect("a greeting serializes")/.expect("a greeting serializes") + "'"$workspace_render"'"/' \
  "$context/workspace/crates/render/src/lib.rs"
build target-render Dockerfile.target-cache
step_cached target-render "jchef cook" || fail "target cache: cook ran again after a source-only change"
compiled="$(step_compiled target-render "cargo build")"
[ "$compiled" = "hello render" ] || fail "target cache: the real build compiled '$compiled', not 'hello render'"
echo "  cook came from the layer cache; the real build compiled: $compiled"
runs_program target-render "$workspace_program$workspace_render"

echo "== target cache mount: after a dependency change (anyhow added to render)"
cp -r "$here/workspace-dependency-change/." "$context/workspace/"
build target-dependency Dockerfile.target-cache
step_cached target-dependency "jchef cook" && fail "target cache: cook came from the layer cache after a dependency change"
cook_compiled="$(step_compiled target-dependency "jchef cook")"
registry_compiled="$(tr ' ' '\n' <<< "$cook_compiled" | grep -vxE 'hello|model|render' | tr '\n' ' ' | sed 's/ $//' || true)"
[ "$registry_compiled" = "anyhow" ] \
  || fail "target cache: the cook after the dependency change compiled the registry crates '$registry_compiled', not only 'anyhow'"
compiled="$(step_compiled target-dependency "cargo build")"
[ "$compiled" = "hello render" ] || fail "target cache: the real build after the dependency change compiled '$compiled', not 'hello render'"
echo "  cook ran again ($(cook_summary target-dependency)), compiled: $cook_compiled"
echo "  the real build compiled: $compiled"
runs_program target-dependency "$workspace_program$workspace_render"

cold_cook="$(step_seconds target-cold "jchef cook")"
dependency_cook="$(step_seconds target-dependency "jchef cook")"

echo "== timings (seconds; per step, from buildah's output)"
for name in registry-a registry-b-cold registry-b-source registry-b-dependency target-cold target-render target-dependency; do
  echo "  $name: $(awk -v n="$name" '$1 == n { print $2 " s in all" }' "$work/totals")"
  step_times "$name"
done
echo "  target cache: cook cold $cold_cook s, cook after the dependency change (mount holding the previous build) $dependency_cook s"
echo "PASSED: registry cache: builder B (empty storage) pulled the cook step from builder A's --cache-to,"
echo "        kept it after a source-only change, ran it after a dependency change; the real program every time"
echo "PASSED: target cache mount: a render change compiled render and hello only; the dependency change cooked"
echo "        only anyhow of the registry crates ($dependency_cook s against $cold_cook s cold); the real program every time"
