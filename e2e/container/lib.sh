# Helpers shared by run.sh, shared-cache.sh and registry-cache.sh; sourced, not run. They use the
# caller's globals:
#   home      the repository's top directory
#   storage   buildah's global storage flags (--storage-driver, and --root/--runroot for a builder
#             with its own storage)
#   bud       the build command, with "${storage[@]}"
#   base_image  the BASE build argument
#   work      the run's temporary directory: build logs (NAME.log) and the totals file
#   context   the build context
# Each may be reassigned between calls (shared-cache.sh switches builders that way).

skip() { echo "SKIPPED: $*"; exit 0; }
fail() { echo "FAILED: $*" >&2; [ -n "${work:-}" ] && tail -n 60 "$work"/*.log >&2 2>/dev/null; exit 1; }

# Exits with SKIPPED where buildah cannot build here.
require_buildah() {
  command -v buildah >/dev/null || skip "buildah is not installed (apt-get install buildah debootstrap)"
  [ "$(id -u)" = 0 ] || skip "buildah's chroot isolation needs root here"
  buildah "${storage[@]}" info >/dev/null 2>&1 || skip "buildah cannot run on this machine: $(buildah info 2>&1 | tail -1)"
}

# mirror: the Debian mirror apt uses here, for debootstrap
mirror() {
  local url
  # The first mirror apt uses: a "URIs:" or "deb" line, not a comment naming another archive.
  url="$(grep -hE '^[[:space:]]*(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
    /etc/apt/sources.list.d/*.list 2>/dev/null | grep -oE 'https?://[^ ]+/debian/?' | head -1 || true)"
  echo "${url:-http://deb.debian.org/debian}"
}

# base_image: the image named $base_image (Debian 12 made with debootstrap), made once and kept
base_image() {
  if buildah "${storage[@]}" inspect --type image "$base_image" >/dev/null 2>&1; then
    echo "base image $base_image: kept from an earlier run"
    return
  fi
  command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
  local rootfs container mount started
  started=$(date +%s)
  rootfs="$(mktemp -d)"
  debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  : > "$rootfs/etc/resolv.conf"
  container="$(buildah "${storage[@]}" from scratch)"
  mount="$(buildah "${storage[@]}" mount "$container")"
  tar -C "$rootfs" --numeric-owner -cf - . | tar -C "$mount" --numeric-owner -xpf -
  buildah "${storage[@]}" umount "$container" >/dev/null
  buildah "${storage[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --cmd /bin/bash "$container"
  buildah "${storage[@]}" commit --rm "$container" "$base_image" >/dev/null
  rm -rf "$rootfs"
  echo "base image $base_image: made with debootstrap in $(( $(date +%s) - started )) s"
}

# jchef_image: the jchef image (dist/Containerfile) from this checkout, as localhost/jchef:latest,
# with the command the README gives (dist/jchef-image.sh), on the debootstrapped base; made anew
# each time (its log: $work/jchef-image.log)
jchef_image() {
  local started
  started=$(date +%s)
  IMAGE=localhost/jchef:latest BASE="$base_image" BUILDER=buildah BUILDAH_FLAGS="--isolation chroot ${storage[*]}" \
    "$home/dist/jchef-image.sh" > "$work/jchef-image.log" 2>&1 || { tail -30 "$work/jchef-image.log"; fail "the jchef image failed to build"; }
  echo "jchef image localhost/jchef:latest: $(buildah "${storage[@]}" images --format '{{.Size}}' localhost/jchef:latest)," \
    "built with dist/jchef-image.sh in $(( $(date +%s) - started )) s"
}

# containers_now: the ids of the working containers in "${storage[@]}"
containers_now() { buildah "${storage[@]}" containers -q --notruncate 2>/dev/null || true; }

# remove_left_containers BEFORE IMAGE: removes the working containers made from IMAGE since
# BEFORE (ids from containers_now). buildah 1.28 keeps one per build for an instruction-less stage
# such as `FROM ${JCHEF_IMAGE} AS jchef`; nothing else is touched.
remove_left_containers() {
  local before="$1" image_id id
  image_id="$(buildah "${storage[@]}" inspect --type image --format '{{.FromImageID}}' "$2" 2>/dev/null)" || return 0
  for id in $(containers_now); do
    grep -qx "$id" <<< "$before" && continue
    [ "$(buildah "${storage[@]}" inspect --type container --format '{{.FromImageID}}' "$id" 2>/dev/null)" = "$image_id" ] \
      && buildah "${storage[@]}" rm "$id" >/dev/null 2>&1
  done
  return 0
}

# build NAME DOCKERFILE [bud flags...]: builds, keeps buildah's output with a timestamp per line
build() {
  local name="$1" dockerfile="$2"; shift 2
  local log="$work/$name.log" started
  started=$(date +%s.%N)
  "${bud[@]}" "$@" --build-arg BASE="$base_image" -f "$context/$dockerfile" -t "localhost/jchef-example-$name" "$context" 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$log" \
    || { tail -40 "$log"; fail "the $name build failed"; }
  awk -v n="$name" -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%s %.1f\n", n, b - a }' >> "$work/totals"
}

# step_cached NAME PATTERN: whether the step whose STEP line matches came from the layer cache.
# Not for a stage's last step: another stage's "Using cache" line may follow it in the log.
step_cached() {
  awk -v pattern="$2" '
    / STEP [0-9]+\/[0-9]+: / { in_step = index($0, pattern) > 0; next }
    in_step && /--> Using cache/ { cached = 1 }
    END { exit cached ? 0 : 1 }' "$work/$1.log"
}

# step_times NAME: seconds between one STEP line and the next
step_times() {
  awk '/ STEP [0-9]+\/[0-9]+: / {
         if (step) printf "    %6.1f s  %s\n", $1 - start, step
         start = $1; step = substr($0, index($0, "STEP"))
       }
       / COMMIT | Successfully tagged / { if (step) { printf "    %6.1f s  %s\n", $1 - start, step; step = "" } }
       END { if (step) printf "    %6.1f s  %s\n", 0, step }' "$work/$1.log"
}

# step_seconds NAME PATTERN: seconds from the STEP line that matches to the next STEP or COMMIT line
step_seconds() {
  awk -v pattern="$2" '
    / STEP [0-9]+\/[0-9]+: / { if (in_step) { printf "%.1f", $1 - start; exit } in_step = index($0, pattern) > 0; start = $1; next }
    in_step && / COMMIT | Successfully tagged / { printf "%.1f", $1 - start; exit }' "$work/$1.log"
}

# cook_summary NAME: the last line of jchef cook ("jchef cook: N units compiled, ...") in NAME's build
cook_summary() {
  awk '/ STEP [0-9]+\/[0-9]+: / { in_step = index($0, "jchef cook") > 0; next }
       in_step && / jchef cook: / { line = substr($0, index($0, "jchef cook: ")) } END { print line }' "$work/$1.log"
}

# step_compiled NAME PATTERN: the crates cargo compiled in the step whose STEP line matches, sorted
step_compiled() {
  awk -v pattern="$2" '
    / STEP [0-9]+\/[0-9]+: / { in_step = index($0, pattern) > 0; next }
    in_step && / Compiling / { for (i = 1; i <= NF; i++) if ($i == "Compiling") print $(i + 1) }' "$work/$1.log" | sort | tr '\n' ' ' | sed 's/ $//'
}

runs_program() {
  local image="localhost/jchef-example-$1" expected="$2" container output
  container="$(buildah "${storage[@]}" from "$image")"
  output="$(buildah "${storage[@]}" run --isolation chroot "$container" -- /usr/local/bin/hello)"
  buildah "${storage[@]}" rm "$container" >/dev/null
  [ "$output" = "$expected" ] || fail "$image printed '$output', not '$expected'"
  echo "  $image runs the real program: $output"
}

# start_registry [USER PASSWORD]: Debian's docker-registry on a free port of 127.0.0.1, storing in
# $work/registry, behind htpasswd authentication when a user is given; sets registry_port and
# registry_pid (the caller's cleanup kills it). Bounded: 10 ports, 10 s each.
start_registry() {
  local port code want=200 auth=""
  mkdir -p "$work/registry/storage"
  if [ $# -eq 2 ]; then
    htpasswd -Bbn "$1" "$2" > "$work/registry/htpasswd"
    auth="$(printf 'auth:\n  htpasswd:\n    realm: jchef-e2e\n    path: %s\n' "$work/registry/htpasswd")"
    want=401
  fi
  for _ in $(seq 1 10); do
    port=$(( 20000 + RANDOM % 20000 ))
    ss -ltnH "sport = :$port" 2>/dev/null | grep -q . && continue
    printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n%s\n' \
      "$work/registry/storage" "$port" "$auth" > "$work/registry/config.yml"
    docker-registry serve "$work/registry/config.yml" > "$work/registry/out.txt" 2>&1 &
    registry_pid=$!
    for _ in $(seq 1 100); do
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/v2/" || true)"
      if [ "$code" = "$want" ]; then
        if [ $# -eq 2 ]; then
          [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -u "$1:$2" "http://127.0.0.1:$port/v2/")" = 200 ] \
            || fail "docker-registry on 127.0.0.1:$port refused the test's credentials"
        fi
        registry_port=$port
        echo "registry: docker-registry $(docker-registry --version 2>/dev/null | awk '{ print $NF }') on 127.0.0.1:$port" \
          "${1:+with htpasswd authentication }(pid $registry_pid)"
        return
      fi
      kill -0 "$registry_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
    registry_pid=""
  done
  tail -20 "$work/registry/out.txt" >&2 || true
  fail "docker-registry did not answer on 127.0.0.1 after 10 tries"
}
