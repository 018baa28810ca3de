#!/usr/bin/env bash
# Checks a release archive as a user gets it: unpacked in a new place, bin/ on a PATH that has no
# java, every jchef command run: prepare (also --git-rev), hash, diff, history, layers, cook
# --no-build, cook, cook --layer and build with cargo (from jchef's hermetic registry), cook
# --cache-to and --cache-from with a registry on the loopback, and demo; and the start-up archive
# used where it was unpacked (JDK 25's AOT cache: -XX:AOTMode=on fails a run that cannot use it).
#
#   dist/check-archive.sh ARCHIVE          (needs cargo for cook and demo, git for --git-rev)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
archive="$(readlink -f "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
check() {
  local name="$1"; shift
  if output="$("$@" 2>&1)"; then echo "ok: $name"; else echo "FAILED: $name: $output"; failures=$((failures + 1)); fi
}

tar -C "$work" -xzf "$archive"
bin="$(echo "$work"/jchef-*/bin)"
cargo_dir="$(dirname "$(command -v cargo 2>/dev/null || echo /nonexistent/cargo)")"
export PATH="$bin:$cargo_dir:/usr/bin:/bin"
command -v java >/dev/null && [ "$(dirname "$(command -v java)")" != "$bin" ] && PATH="$bin:$cargo_dir:/bin"
if [ -f "$work"/jchef-*/lib/jchef.aot ]; then export JCHEF_JAVA_OPTS="-XX:AOTMode=on"; fi

project="$work/project"
cp -r "$home/examples/demo-workspace" "$project"
(cd "$project" && git init -q && git -c user.name=t -c user.email=t@e add -A && git -c user.name=t -c user.email=t@e commit -qm one)
check "prepare" sh -c "cd '$project' && jchef prepare --recipe-path '$work/recipe.json'"
check "prepare --git-rev" sh -c "cd '$project' && jchef prepare -q --git-rev HEAD --recipe-path '$work/from-git.json'"
check "hash" jchef hash "$work/recipe.json"
check "diff" jchef diff "$work/recipe.json" "$work/from-git.json"
check "history" sh -c "cd '$project' && jchef history -n 1"
check "layers" sh -c "cd '$project' && jchef layers --layers 1"
mkdir -p "$work/skeleton" && cp "$work/recipe.json" "$work/skeleton/"
check "cook --no-build" sh -c "cd '$work/skeleton' && jchef cook --no-build"
if command -v cargo >/dev/null; then
  mkdir -p "$work/cargo-home" "$work/cook"
  printf '[source.crates-io]\nreplace-with = "r"\n[source.r]\ndirectory = "%s"\n[net]\noffline = true\n' \
    "$home/examples/registry" > "$work/cargo-home/config.toml"
  cp "$work/recipe.json" "$work/cook/"
  check "cook" sh -c "cd '$work/cook' && CARGO_HOME='$work/cargo-home' jchef cook"
  # The registry cache's client (java.net.http, and java.xml for its configuration) in the jlinked
  # runtime: with no registry listening, cook says so on two lines and cooks all the same.
  cook_with_registry_down() {
    local out
    mkdir -p "$work/cook-cache" && cp "$work/recipe.json" "$work/cook-cache/"
    out="$(cd "$work/cook-cache" && CARGO_HOME="$work/cargo-home" \
      jchef cook --cache-from 127.0.0.1:9/none --cache-to 127.0.0.1:9/none 2>&1)" || { echo "$out" | tail -5; return 1; }
    grep -q '^jchef cook: cache: not restored: ' <<< "$out" && grep -q '^jchef cook: cache: not stored: ' <<< "$out" \
      || { echo "$out" | tail -5; return 1; }
  }
  check "cook --cache-from/--cache-to, no registry listening" cook_with_registry_down
  # Member layers: a layer step and the final jchef build, which write the layer records.
  printf '[[layer]]\nmembers = ["greeter"]\n[final]\nmembers = ["app", "tool"]\n' > "$work/cook/jchef-layers.toml"
  check "cook --layer" sh -c "cd '$work/cook' && mkdir -p .jchef && cp '$project/Cargo.toml' .jchef/workspace.toml \
    && rm -rf greeter && cp -r '$project/greeter' greeter && CARGO_HOME='$work/cargo-home' jchef cook --layer 1"
  check "build" sh -c "cd '$work/cook' && (cd '$project' && tar --exclude=./target -cf - .) | tar -xf - \
    && CARGO_HOME='$work/cargo-home' jchef build && ./target/debug/app | grep -q 'HELLO, JCHEF'"
  # The registry cache: a cook pushes its state to a registry on the loopback; a cook in a fresh
  # directory at the same path restores it.
  if command -v docker-registry >/dev/null; then
    port=$((20000 + RANDOM % 20000))
    printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' \
      "$work/registry" "$port" > "$work/registry.yml"
    docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
    registry_pid=$!
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    mkdir -p "$work/cached"
    cp "$work/recipe.json" "$work/cached/"
    check "cook --cache-to" sh -c "cd '$work/cached' && CARGO_HOME='$work/cargo-home' \
      jchef cook --cache-to 127.0.0.1:$port/check/cook 2>&1 | grep -q 'cache: stored'"
    rm -rf "$work/cached" && mkdir -p "$work/cached" && cp "$work/recipe.json" "$work/cached/"
    check "cook --cache-from" sh -c "cd '$work/cached' && CARGO_HOME='$work/cargo-home' \
      jchef cook --cache-from 127.0.0.1:$port/check/cook 2>&1 | grep -q \"cache: restored this recipe's state\""
    kill "$registry_pid"
  else
    echo "SKIPPED: cook --cache-from/--cache-to: docker-registry is not installed"
  fi
  check "demo" jchef demo
else
  echo "SKIPPED: cook and demo: cargo is not installed"
fi
[ "$failures" -eq 0 ] || { echo "FAILED: $failures checks"; exit 1; }
echo "PASSED: every command from the unpacked archive ($(du -sh "$work"/jchef-* | cut -f1) unpacked)"
