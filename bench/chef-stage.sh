#!/usr/bin/env bash
# The distribution table of BENCHMARKS.md: the chef stage of examples/docker (toolchain plus jchef)
# the old way (apt-get install default-jre-headless, COPY the jar, `java -jar`) against the jchef
# image way (COPY --from=jchef /usr/local /usr/local), with buildah: each stage's build time
# without cache and its size, and start-up of `jchef prepare` and `jchef cook --no-build` in each
# image (mean of RUNS runs inside one container, after one warm-up), next to `cargo metadata
# --no-deps` in the same image.
#
#   bench/chef-stage.sh            (as root; needs the images e2e/container/run.sh makes:
#                                   localhost/jchef-base:bookworm and localhost/jchef:latest)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-10}"
storage=(--storage-driver overlay)
base=localhost/jchef-base:bookworm
for image in "$base" localhost/jchef:latest; do
  buildah "${storage[@]}" inspect --type image "$image" >/dev/null 2>&1 \
    || { echo "chef-stage: $image is missing: run e2e/container/run.sh first" >&2; exit 2; }
done
"$home/jchef" --version >/dev/null
work="$(mktemp -d /tmp/jchef-chef-stage.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$home/examples/docker/cargo-config.toml" "$home/jchef-cli/target/jchef-all.jar" "$work/"
cp -r "$home/examples/docker/workspace" "$work/workspace"
toolchain='RUN apt-get update \
 && apt-get install -y --no-install-recommends rustc cargo \
      librust-serde-json-dev librust-serde-derive-dev librust-anyhow-dev'

cat > "$work/Containerfile.before" <<EOF
ARG BASE
FROM \${BASE}
$toolchain default-jre-headless \\
 && rm -rf /var/lib/apt/lists/*
COPY jchef-all.jar /opt/jchef/jchef-all.jar
RUN printf '#!/bin/sh\nexec java -jar /opt/jchef/jchef-all.jar "\$@"\n' > /usr/local/bin/jchef && chmod +x /usr/local/bin/jchef
ENV CARGO_HOME=/opt/cargo-home
COPY cargo-config.toml /opt/cargo-home/config.toml
COPY workspace /bench/workspace
EOF
cat > "$work/Containerfile.after" <<EOF
ARG BASE
FROM localhost/jchef:latest AS jchef
FROM \${BASE}
$toolchain \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=jchef /usr/local /usr/local
ENV CARGO_HOME=/opt/cargo-home
COPY cargo-config.toml /opt/cargo-home/config.toml
COPY workspace /bench/workspace
EOF

# mean_ms IMAGE SETUP COMMAND: in a container of IMAGE, SETUP once in /bench/workspace, then
# RUNS timed runs of COMMAND (SETUP then COMMAND before each, the first untimed as a warm-up).
mean_ms() {
  local container
  container="$(buildah "${storage[@]}" from "$1")"
  buildah "${storage[@]}" run --isolation chroot "$container" -- sh -c "
    cd /bench/workspace && $2 && $3 >/dev/null 2>&1
    total=0; i=0
    while [ \$i -lt $runs ]; do
      $2; s=\$(date +%s%N); $3 >/dev/null 2>&1; e=\$(date +%s%N)
      total=\$((total + (e - s) / 1000000)); i=\$((i + 1))
    done
    echo \$((total / $runs))"
  buildah "${storage[@]}" rm "$container" >/dev/null
}

echo "| chef stage | build s (no cache) | image size | base size | prepare ms | cook --no-build ms |"
echo "|---|---:|---:|---:|---:|---:|"
base_mb="$(buildah "${storage[@]}" images --format '{{.Size}}' "$base" | head -1)"
for variant in before after; do
  start=$(date +%s.%N)
  buildah bud --no-cache --isolation chroot "${storage[@]}" --build-arg BASE="$base" \
    -f "$work/Containerfile.$variant" -t "localhost/jchef-chef-$variant" "$work" > "$work/$variant.log" 2>&1 \
    || { tail -30 "$work/$variant.log"; exit 1; }
  seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  size=$(buildah "${storage[@]}" images --format '{{.Size}}' "localhost/jchef-chef-$variant" | head -1)
  prepare=$(mean_ms "localhost/jchef-chef-$variant" true "jchef prepare -q --recipe-path /tmp/recipe.json")
  cook=$(mean_ms "localhost/jchef-chef-$variant" \
    "jchef prepare -q --recipe-path /tmp/r.json && rm -rf /tmp/c && mkdir /tmp/c && cp /tmp/r.json /tmp/c/recipe.json" \
    "(cd /tmp/c && jchef cook --no-build)")
  echo "| $variant | $seconds | $size | $base_mb | $prepare | $cook |"
done
echo
echo "cargo metadata --no-deps in the after image (the floor of cargo-chef's prepare, which runs it):" \
  "$(mean_ms localhost/jchef-chef-after true "cargo metadata --no-deps --offline --format-version 1") ms"
echo "jchef image: $(buildah "${storage[@]}" images --format '{{.Size}}' localhost/jchef:latest | head -1)"
