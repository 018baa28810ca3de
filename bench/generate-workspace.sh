#!/usr/bin/env bash
# Writes a synthetic Cargo workspace of N members into DIR, for prepare benchmarks: members under
# crates/*, each a library with a binary every tenth member, a path dependency on the member
# before it, a few registry dependencies (with and without features, one per platform) and a
# test. No lockfile: `cargo metadata --no-deps` and `jchef prepare` need none.
#
#   bench/generate-workspace.sh 1000 /tmp/ws-1000
set -euo pipefail
n="$1"; dir="$2"
[ "$n" -ge 1 ] || { echo "usage: $0 N DIR" >&2; exit 2; }
rm -rf "$dir"
mkdir -p "$dir/crates"
cat > "$dir/Cargo.toml" <<TOML
[workspace]
members = ["crates/*"]
resolver = "2"

[workspace.package]
version = "0.1.0"
edition = "2021"

[workspace.dependencies]
serde = { version = "1", features = ["derive"] }
TOML
for i in $(seq 1 "$n"); do
  member="$dir/crates/member-$i"
  mkdir -p "$member/src" "$member/tests"
  {
    echo "[package]"
    echo "name = \"member-$i\""
    echo "version.workspace = true"
    echo "edition.workspace = true"
    echo "description = \"Member $i of a generated workspace.\""
    echo
    echo "[dependencies]"
    echo "serde.workspace = true"
    echo "log = \"0.4\""
    [ "$i" -gt 1 ] && echo "member-$((i - 1)) = { path = \"../member-$((i - 1))\" }"
    echo
    echo "[target.'cfg(unix)'.dependencies]"
    echo "libc = \"0.2\""
    echo
    echo "[dev-dependencies]"
    echo "anyhow = \"1\""
  } > "$member/Cargo.toml"
  echo "pub fn id() -> u32 { $i }" > "$member/src/lib.rs"
  echo "#[test] fn works() {}" > "$member/tests/it.rs"
  if [ $((i % 10)) -eq 0 ]; then
    mkdir -p "$member/src/bin"
    echo "fn main() {}" > "$member/src/bin/tool-$i.rs"
  fi
done
echo "$dir: $n members"
