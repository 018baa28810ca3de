#!/usr/bin/env bash
# Compares jchef's pure-Java workspace discovery with `cargo metadata --no-deps` on real Cargo
# workspaces: the same members and, for each, the same targets (kind, crate types, name, path).
#
#   e2e/real-workspaces/compare.sh DIR...
#
# Each DIR is a workspace root (a checkout of a public project). Only `cargo metadata --no-deps
# --offline` runs on it: nothing is built. A project that pins a toolchain in rust-toolchain makes
# rustup want to download it; set RUSTUP_TOOLCHAIN=stable to use the installed one.
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }

mvn -q -B -Dstyle.color=never -f "$home/pom.xml" -pl cargo-model test-compile >&2
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -B -Dstyle.color=never -f "$home/pom.xml" -pl cargo-model dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" >&2
classpath="$home/cargo-model/target/classes:$home/cargo-model/target/test-classes:$(cat "$classpath_file")"

exec java -cp "$classpath" dev.jchef.model.workspace.MetadataComparison "$@"
