#!/usr/bin/env bash
# jchef cook --cache-from/--cache-to in a container build (examples/docker/Dockerfile.registry-cache),
# against Debian's docker-registry on 127.0.0.1 behind htpasswd authentication, the credentials a
# build secret (a Docker config.json). Three builds, each on a "machine" without the layer cache
# for the cook step (the Cargo configuration carries a comment naming the machine, so that every
# step from its COPY on runs again; no path changes):
#
#  A. nothing stored yet: cook says so, compiles every dependency and stores its state;
#  B. the same source: cook restores this recipe's state and compiles no registry crate;
#  C. a dependency added (anyhow): cook restores the newest state of this scope and compiles, of
#     the registry crates, anyhow only.
#
# Every image runs the real program. Prints the cook step's time and what it compiled per build.
#
#   e2e/container/registry-cache.sh    (as root; exits 0 with "SKIPPED: ..." where buildah,
#                                       docker-registry or htpasswd cannot run)
#
# It makes the base image as run.sh does when it is missing, and the jchef image from this
# checkout (REUSE_JCHEF_IMAGE=1 keeps localhost/jchef:latest when present: after run.sh, which
# has just made it).
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
here="$home/e2e/container"
base_image="localhost/jchef-base:bookworm"
storage=(--storage-driver overlay)
bud=(timeout 1200 buildah bud --layers --isolation chroot "${storage[@]}")

. "$here/lib.sh"   # skip, fail, require_buildah, base_image, jchef_image, containers_now, remove_left_containers, build, step_cached, step_times, step_seconds, step_compiled, cook_summary, runs_program
require_buildah
command -v docker-registry >/dev/null || skip "docker-registry is not installed (apt-get install docker-registry)"
command -v htpasswd >/dev/null || skip "htpasswd is not installed (apt-get install apache2-utils)"
command -v curl >/dev/null || skip "curl is not installed"

work="$(mktemp -d)"
context="$work/context"
registry_pid=""
containers_before="$(containers_now)"

cleanup() {
  local status=$?
  set +e
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$registry_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$registry_pid" 2>/dev/null
    wait "$registry_pid" 2>/dev/null
  fi
  remove_left_containers "$containers_before" localhost/jchef:latest
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# on_machine NAME: the Cargo configuration marked with this run and machine NAME, so that the
# build's steps from its COPY on (planner, builder, cook) are not in the layer cache
run_mark="$(date +%s%N)"
on_machine() {
  cp "$home/examples/docker/cargo-config.toml" "$context/cargo-config.toml"
  printf '\n# e2e/container/registry-cache.sh run %s, machine %s\n' "$run_mark" "$1" >> "$context/cargo-config.toml"
}

# cache_lines NAME: the lines jchef cook printed about the cache in NAME's build
cache_lines() { grep -o 'jchef cook: cache: .*' "$work/$1.log" || true; }

# cache_said NAME TEXT: whether cook printed a cache line starting with TEXT
cache_said() { cache_lines "$1" | grep -qF "jchef cook: cache: $2"; }

# registry_crates NAME: the crates cook compiled in NAME's build, the project's own (hello) left out
registry_crates() { step_compiled "$1" "jchef cook" | tr ' ' '\n' | grep -vx 'hello' | tr '\n' ' ' | sed 's/ $//' || true; }

# cook_ran NAME: fails unless the cook step of NAME's build ran (was not taken from the layer cache)
cook_ran() {
  step_cached "$1" "jchef cook" && fail "$1: the cook step came from the layer cache"
  grep -q ' jchef cook: [0-9]* units\? compiled' "$work/$1.log" || fail "$1: no summary line of jchef cook in the build's output"
}

# secret_left NAME: fails if the image of NAME's cook step holds the secret's file (a build secret
# is mounted for its step only)
secret_left() {
  local id container mount
  id="$(awk '/ STEP [0-9]+\/[0-9]+: / { in_step = index($0, "jchef cook") > 0; next }
             in_step && / --> [0-9a-f]+$/ { print $NF; exit }' "$work/$1.log")"
  [ -n "$id" ] || fail "$1: no image id after the cook step in the build's output"
  container="$(buildah "${storage[@]}" from "$id")"
  mount="$(buildah "${storage[@]}" mount "$container")"
  if [ -s "$mount/root/.docker/config.json" ] || grep -rqs "$password" "$mount/root" "$mount/app" 2>/dev/null; then
    buildah "${storage[@]}" umount "$container" >/dev/null; buildah "${storage[@]}" rm "$container" >/dev/null
    fail "$1: the cook step's image ($id) holds the registry credentials"
  fi
  echo "  the cook step's image ($id) holds no credentials$([ -e "$mount/root/.docker/config.json" ] && echo " (an empty /root/.docker/config.json, where the secret was mounted)")"
  buildah "${storage[@]}" umount "$container" >/dev/null
  buildah "${storage[@]}" rm "$container" >/dev/null
}

report() {
  echo "  cook: $(cook_summary "$1"); the step took $(step_seconds "$1" "jchef cook") s"
  cache_lines "$1" | sed 's/^/    /'
  echo "  cook compiled: $(step_compiled "$1" "jchef cook")"
}

base_image
if [ "${REUSE_JCHEF_IMAGE:-}" = 1 ] && buildah "${storage[@]}" inspect --type image localhost/jchef:latest >/dev/null 2>&1; then
  echo "jchef image localhost/jchef:latest: kept (REUSE_JCHEF_IMAGE=1)"
else
  jchef_image
fi

user=jchef-e2e
password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
start_registry "$user" "$password"
registry="127.0.0.1:$registry_port"
repo="$registry/team/hello-cook"
mkdir -p "$work/docker"
printf '{"auths": {"%s": {"auth": "%s"}}}\n' "$registry" "$(printf '%s:%s' "$user" "$password" | base64 -w0)" \
  > "$work/docker/config.json"
args=(--secret "id=registry-auth,src=$work/docker/config.json" --build-arg "CACHE_REPO=$repo")

mkdir -p "$context"
cp "$home/examples/docker/Dockerfile.registry-cache" "$context/"
cp -r "$home/examples/docker/project" "$context/project"

echo "== A: nothing stored in $repo yet"
on_machine A
build registry-a Dockerfile.registry-cache "${args[@]}"
cook_ran registry-a
cache_said registry-a "no state stored for this recipe or its scope" || fail "A: cook did not say that nothing was stored"
cache_said registry-a "stored " || fail "A: cook did not store its state"
cold_crates="$(registry_crates registry-a)"
grep -qw serde_json <<< "$cold_crates" || fail "A: cook compiled '$cold_crates', not serde_json among them"
report registry-a
secret_left registry-a
runs_program registry-a '{"message":"hello from a jchef-cooked image","built_with":"jchef"}'

echo "== B: the same source on another machine (the cook step not in its layer cache)"
on_machine B
build registry-b Dockerfile.registry-cache "${args[@]}"
cook_ran registry-b
cache_said registry-b "restored this recipe's state from $repo:jchef-" || fail "B: cook did not restore this recipe's state"
crates="$(registry_crates registry-b)"
[ -z "$crates" ] || fail "B: cook compiled the registry crates '$crates' after restoring this recipe's state"
report registry-b
runs_program registry-b '{"message":"hello from a jchef-cooked image","built_with":"jchef"}'

echo "== C: a dependency added (anyhow), on a third machine"
cp -r "$here/dependency-change/." "$context/project/"
on_machine C
build registry-c Dockerfile.registry-cache "${args[@]}"
cook_ran registry-c
cache_said registry-c "restored the newest state of this scope from $repo:jchef-scope-" \
  || fail "C: cook did not restore the newest state of this scope"
crates="$(registry_crates registry-c)"
[ "$crates" = anyhow ] || fail "C: cook compiled the registry crates '$crates', not only anyhow"
report registry-c
runs_program registry-c '{"message":"hello from a jchef-cooked image, with anyhow","built_with":"jchef"}'

echo "== timings (seconds; per step, from buildah's output)"
for name in registry-a registry-b registry-c; do
  echo "  $name: $(awk -v n="$name" '$1 == n { print $2 " s in all" }' "$work/totals")"
  step_times "$name"
done
a="$(step_seconds registry-a "jchef cook")"; b="$(step_seconds registry-b "jchef cook")"; c="$(step_seconds registry-c "jchef cook")"
echo "  cook step: A (nothing stored) $a s, $(wc -w <<< "$cold_crates") registry crates compiled;" \
  "B (this recipe's state) $b s, none; C (the scope's newest, anyhow added) $c s, anyhow only"
echo "PASSED: cook --cache-from/--cache-to through a registry with authentication, the credentials a build secret:"
echo "        B restored A's state and compiled no registry crate; after a dependency change, C restored the"
echo "        scope's newest state and compiled anyhow only; the real program every time"
