#!/usr/bin/env bash
# Makes the jchef image that examples/docker's Dockerfiles start from (FROM localhost/jchef:latest),
# from this clone: the release archive is built on the host (dist/release-archive.sh: its runtime
# is jlinked from a JDK 25, which Debian's images do not have), unpacked as jchef/ in a temporary
# build context, and built with dist/Containerfile by buildah, or docker when there is no buildah.
#
#   dist/jchef-image.sh                         # localhost/jchef:latest on debian:bookworm-slim
#   BASE=localhost/jchef-base:bookworm dist/jchef-image.sh    # another base image (offline: a local one)
#   IMAGE=ghcr.io/org/jchef:1 BUILDER=docker dist/jchef-image.sh
#
# IMAGE (default localhost/jchef:latest, the name examples/docker expects), BASE (default
# debian:bookworm-slim, which must be pullable or present), BUILDER (buildah or docker; default:
# whichever is installed, buildah first) and BUILDAH_FLAGS (extra flags for `buildah bud`, such as
# --isolation chroot or --storage-driver overlay) are read from the environment. Prints the image
# name on its last line.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
image="${IMAGE:-localhost/jchef:latest}"
base="${BASE:-debian:bookworm-slim}"
builder="${BUILDER:-$(command -v buildah >/dev/null && echo buildah || echo docker)}"
command -v "$builder" >/dev/null || { echo "jchef-image: neither buildah nor docker is installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
archive="$("$home/dist/release-archive.sh" "$work/dist" | tail -1)"
mkdir -p "$work/context"
tar -C "$work/context" -xzf "$archive"
mv "$work/context"/jchef-* "$work/context/jchef"
case "$builder" in
  buildah)
    # shellcheck disable=SC2086
    buildah bud ${BUILDAH_FLAGS:-} --build-arg BASE="$base" -f "$home/dist/Containerfile" -t "$image" "$work/context" >&2 ;;
  docker)
    docker build --build-arg BASE="$base" -f "$home/dist/Containerfile" -t "$image" "$work/context" >&2 ;;
  *) echo "jchef-image: BUILDER must be buildah or docker, not $builder" >&2; exit 2 ;;
esac
echo "$image"
