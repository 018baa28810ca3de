#!/usr/bin/env bash
# Builds examples/docker with buildah, three times: cold, after a source-only change, after a
# dependency change; then the same with the sccache variant (Dockerfile.sccache). Asserts from
# buildah's output that the cook step came from the layer cache after the source-only change and
# ran again after the dependency change, checks that the image runs the real program, and prints
# the timings of every step.
#
#   e2e/container/run.sh            (as root; exits 0 with "SKIPPED: ..." where buildah cannot run)
#
# The base image (Debian 12 made with debootstrap) is built once and kept, as are buildah's
# intermediate images: they are the layer cache. Each run's first build is cold from the Cargo
# configuration on (a comment naming the run is added to it; the toolchain layer above it may come
# from an earlier run), and the sccache variant's cache mount is emptied first.
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
here="$home/e2e/container"
base_image="localhost/jchef-base:bookworm"
storage=(--storage-driver overlay)
bud=(buildah bud --layers --isolation chroot "${storage[@]}")

. "$here/lib.sh"   # skip, fail, require_buildah, base_image, jchef_image, containers_now, remove_left_containers, build, step_cached, step_times, step_compiled, runs_program
require_buildah

work="$(mktemp -d)"
context="$work/context"
containers_before="$(containers_now)"
trap 'status=$?; remove_left_containers "$containers_before" localhost/jchef:latest; rm -rf "$work"; exit $status' EXIT

base_image
jchef_image
# Every cache-mount example that mounts cargo's registry mounts its git checkouts too (git
# dependencies are fetched into $CARGO_HOME/git, the fourth mount of the reference Dockerfile).
for dockerfile in "$home"/examples/docker/Dockerfile*; do
  if grep -q 'target=/opt/cargo-home/registry' "$dockerfile" \
      && [ "$(grep -c 'target=/opt/cargo-home/registry' "$dockerfile")" != "$(grep -c 'target=/opt/cargo-home/git' "$dockerfile")" ]; then
    fail "$(basename "$dockerfile") mounts /opt/cargo-home/registry without /opt/cargo-home/git in some RUN step"
  fi
done
mkdir -p "$context"
cp "$home/examples/docker/Dockerfile" "$home/examples/docker/Dockerfile.sccache" "$home/examples/docker/Dockerfile.layers" \
   "$home/examples/docker/Dockerfile.layers-cache" \
   "$home/examples/docker/cargo-config.toml" "$context/"
printf '\n# e2e/container/run.sh run %s\n' "$(date +%s%N)" >> "$context/cargo-config.toml"
rm -rf /var/tmp/buildah-cache/var/cache/sccache   # the sccache variant's cache mount: start cold

for variant in plain sccache; do
  dockerfile=Dockerfile
  [ "$variant" = sccache ] && dockerfile=Dockerfile.sccache
  rm -rf "$context/project"
  cp -r "$home/examples/docker/project" "$context/project"

  echo "== $variant: cold build"
  build "$variant-cold" "$dockerfile"
  step_cached "$variant-cold" "jchef cook" && fail "$variant: the cold build took cook from the cache"
  runs_program "$variant-cold" '{"message":"hello from a jchef-cooked image","built_with":"jchef"}'

  echo "== $variant: after a source-only change"
  sed -i 's/hello from a jchef-cooked image/hello again from a jchef-cooked image/' "$context/project/src/main.rs"
  build "$variant-source" "$dockerfile"
  step_cached "$variant-source" "jchef cook" || fail "$variant: cook ran again after a source-only change"
  echo "  cook came from the layer cache"
  runs_program "$variant-source" '{"message":"hello again from a jchef-cooked image","built_with":"jchef"}'

  echo "== $variant: after a dependency change (anyhow added)"
  cp -r "$here/dependency-change/." "$context/project/"
  build "$variant-dependency" "$dockerfile"
  step_cached "$variant-dependency" "jchef cook" && fail "$variant: cook came from the cache after a dependency change"
  echo "  cook ran again"
  runs_program "$variant-dependency" '{"message":"hello from a jchef-cooked image, with anyhow","built_with":"jchef"}'
done

# Member layers (Dockerfile.layers, workspace/jchef-layers.toml: model, then render, final hello),
# with --release and with --release --target: a leaf change compiles only hello in the final step,
# the layer steps come from the cache; a first-layer change runs every later step again.
host="$(rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)"
[ -n "$host" ] || host=x86_64-unknown-linux-gnu
for flavour in release target; do
  if [ "$flavour" = release ]; then
    args=(--build-arg "FLAGS=--release" --build-arg "OUT=release")
  else
    args=(--build-arg "FLAGS=--release --target $host" --build-arg "OUT=$host/release")
  fi
  rm -rf "$context/workspace"
  cp -r "$home/examples/docker/workspace" "$context/workspace"
  name="layers-$flavour"
  echo "== layers ($flavour): cold build"
  build "$name-cold" Dockerfile.layers "${args[@]}"
  runs_program "$name-cold" '{"message":"hello from a layered jchef build","built_with":"jchef"}'

  echo "== layers ($flavour): after a change to the leaf package hello, in a fresh checkout"
  fresh="$(mktemp -d)"; cp -r "$context/workspace" "$fresh/" && rm -rf "$context/workspace" && mv "$fresh/workspace" "$context/" && rmdir "$fresh"
  sed -i 's/println!("{}", render/println!("{} (leaf changed)", render/' "$context/workspace/crates/hello/src/main.rs"
  build "$name-leaf" Dockerfile.layers "${args[@]}"
  for layer in 1 2; do
    step_cached "$name-leaf" "--layer $layer" || fail "layers ($flavour): layer $layer ran again after a leaf change"
  done
  compiled="$(step_compiled "$name-leaf" "jchef build")"
  [ "$compiled" = "hello" ] || fail "layers ($flavour): the final build compiled '$compiled', not only 'hello'"
  echo "  layers 1 and 2 came from the cache; the final build compiled: $compiled"
  runs_program "$name-leaf" '{"message":"hello from a layered jchef build","built_with":"jchef"} (leaf changed)'

  echo "== layers ($flavour): after a change to the first layer's package model"
  sed -i 's/hello from a layered jchef build/hello from a rebuilt first layer/' "$context/workspace/crates/model/src/lib.rs"
  build "$name-first" Dockerfile.layers "${args[@]}"
  step_cached "$name-first" "--layer 1" && fail "layers ($flavour): layer 1 came from the cache after its package changed"
  step_cached "$name-first" "--layer 2" && fail "layers ($flavour): layer 2 came from the cache after layer 1 changed"
  echo "  layers 1 and 2 ran again; the final build compiled: $(step_compiled "$name-first" "jchef build")"
  runs_program "$name-first" '{"message":"hello from a rebuilt first layer","built_with":"jchef"} (leaf changed)'
done

# Member layers with the target directory on a cache mount (Dockerfile.layers-cache, its own mount
# id): model changed and changed back. The second time, the layer steps of the old content come
# from the layer cache while the mount holds the newer build's units: the program must be the
# current one all the same, and a leaf change afterwards compiles only the leaf.
rm -rf "${TMPDIR:-/var/tmp}/buildah-cache/jchef-layers-target"
rm -rf "$context/workspace"
cp -r "$home/examples/docker/workspace" "$context/workspace"
model="$context/workspace/crates/model/src/lib.rs"
echo "== layers, target on a cache mount: cold build"
build layers-cache-cold Dockerfile.layers-cache
runs_program layers-cache-cold '{"message":"hello from a layered jchef build","built_with":"jchef"}'
echo "== layers, target on a cache mount: after a change to model (v2)"
sed -i 's/hello from a layered jchef build/hello from model v2/' "$model"
build layers-cache-v2 Dockerfile.layers-cache
step_cached layers-cache-v2 "--layer 1" && fail "layers, cache mount: layer 1 came from the cache after model changed"
runs_program layers-cache-v2 '{"message":"hello from model v2","built_with":"jchef"}'
echo "== layers, target on a cache mount: model back to v1 and the leaf changed (the layer steps of v1 cached, the mount holding v2's build)"
sed -i 's/hello from model v2/hello from a layered jchef build/' "$model"
sed -i 's/println!("{}", render/println!("{} (leaf changed)", render/' "$context/workspace/crates/hello/src/main.rs"
build layers-cache-back Dockerfile.layers-cache
step_cached layers-cache-back "--layer 1" || fail "layers, cache mount: layer 1 did not come from the cache for v1 again"
# (Whether the final step ran is told by its summary line: the runtime stage's cached COPY can be
# logged before the builder's next STEP line, so step_cached cannot tell for a stage's last step.)
grep -q ' jchef build: ' "$work/layers-cache-back.log" || fail "layers, cache mount: the final step came from the cache after a leaf change"
compiled="$(step_compiled layers-cache-back "jchef build")"
grep -qw model <<< "$compiled" || fail "layers, cache mount: the final build did not compile model back to v1 (compiled: '$compiled')"
echo "  layer 1 came from the cache; the final build compiled: $compiled"
runs_program layers-cache-back '{"message":"hello from a layered jchef build","built_with":"jchef"} (leaf changed)'
echo "== layers, target on a cache mount: another leaf change after that"
sed -i 's/(leaf changed)/(leaf changed twice)/' "$context/workspace/crates/hello/src/main.rs"
build layers-cache-leaf Dockerfile.layers-cache
compiled="$(step_compiled layers-cache-leaf "jchef build")"
[ "$compiled" = "hello" ] || fail "layers, cache mount: after a leaf change the final build compiled '$compiled', not only 'hello'"
echo "  the final build compiled: $compiled"
runs_program layers-cache-leaf '{"message":"hello from a layered jchef build","built_with":"jchef"} (leaf changed twice)'

echo "== timings (seconds; per step, from buildah's output)"
for name in plain-cold plain-source plain-dependency sccache-cold sccache-source sccache-dependency \
    layers-release-cold layers-release-leaf layers-release-first layers-target-cold layers-target-leaf layers-target-first \
    layers-cache-cold layers-cache-v2 layers-cache-back layers-cache-leaf; do
  echo "  $name: $(awk -v n="$name" '$1 == n { print $2 " s in all" }' "$work/totals")"
  step_times "$name"
done
for name in sccache-cold sccache-source sccache-dependency; do
  hits="$(grep -m1 ' Cache hits  ' "$work/$name.log" | awk '{ print $NF }' || true)"
  misses="$(grep -m1 ' Cache misses  ' "$work/$name.log" | awk '{ print $NF }' || true)"
  echo "  $name: sccache during cook: ${hits:-0} hits, ${misses:-0} misses (cook cached: no stats)"
done
echo "PASSED: cook cached after a source-only change, rebuilt after a dependency change, in both variants;"
echo "        member layers: a leaf change compiled only the leaf, with --release and with --target;"
echo "        with the target on a cache mount, the program was the current one after v1 -> v2 -> v1"
