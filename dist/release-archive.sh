#!/usr/bin/env bash
# Builds the release archive, jchef-<version>-linux-x86_64.tar.gz: jchef with its own Java runtime,
# made with jlink (only the modules jchef uses), its start-up archive, and a launcher. Unpack it
# anywhere and put its bin/ on the PATH; no JDK or JRE is needed.
#
#   dist/release-archive.sh [--jdk JDK_HOME] [OUT_DIR]      (OUT_DIR: dist/target by default)
#
# The runtime is jlinked from JDK_HOME: by default Temurin 25 where it is installed (an AOT cache,
# JEP 483, which still fits after the archive is unpacked elsewhere), else the java on the PATH
# (a class-data-sharing archive, made at the first run where jchef is unpacked: JDK 17's cannot
# move). Prints the archive's path. Needs the jar (it builds it with ./jchef when missing).
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
jdk=""
if [ "${1:-}" = --jdk ]; then jdk="$2"; shift 2; fi
out="${1:-$home/dist/target}"
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25*; do
    [ -x "$candidate/bin/jlink" ] && { jdk="$candidate"; break; }
  done
fi
[ -n "$jdk" ] || jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
[ -x "$jdk/bin/jlink" ] || { echo "release-archive: no jlink in $jdk (give --jdk)" >&2; exit 1; }
feature="$("$jdk/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')"

# The modules every jchef command needs (dist/check-archive.sh runs each of them): JGit wants
# java.management for history and --git-rev, the demo reads its files from the jar (jdk.zipfs),
# cook --cache-from and --cache-to reach the registry with the ORAS client (java.net.http; its
# Jackson reads registries.conf and loads org.w3c.dom, java.xml); nothing wants java.desktop or
# java.sql at run time.
modules=java.base,java.logging,java.management,java.net.http,java.xml,jdk.unsupported,jdk.zipfs

"$home/jchef" --version >/dev/null
jar="$home/jchef-cli/target/jchef-all.jar"
version="$("$jdk/bin/java" -jar "$jar" --version | sed 's/^jchef //')"
name="jchef-$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/$name"
mkdir -p "$root/bin" "$root/lib"
cp "$jar" "$root/lib/jchef-all.jar"
if [ "$feature" -ge 21 ]; then compress=zip-6; else compress=2; fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress="$compress" --output "$root/runtime"

cat > "$root/bin/jchef" <<'LAUNCHER'
#!/bin/sh
# jchef from a release archive: its own Java runtime and start-up archive, no JDK needed.
# JCHEF_JAVA_OPTS passes options to the JVM; JCHEF_START_UP_ARCHIVE=off runs without the archive.
self="$0"
[ -L "$self" ] && self="$(readlink -f "$self")"
home="$(cd "$(dirname "$self")/.." && pwd)"
set -- -jar "$home/lib/jchef-all.jar" "$@"
case "${3:-}" in
  history|demo) ;;
  *) set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "$@" ;;
esac
if [ "${JCHEF_START_UP_ARCHIVE:-on}" != off ]; then
  if [ -f "$home/lib/jchef.aot" ]; then
    set -- -XX:AOTCache="$home/lib/jchef.aot" -Xlog:aot=off -Xlog:cds=off "$@"
  elif [ -w "$home/lib" ] || [ -f "$home/lib/jchef.jsa" ]; then
    # JDK 17's archive records where the jar is: it is made here, at the first run.
    if [ -f "$home/lib/jchef.jsa" ]; then
      set -- -XX:SharedArchiveFile="$home/lib/jchef.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
    else
      set -- -XX:ArchiveClassesAtExit="$home/lib/jchef.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
    fi
  fi
fi
exec "$home/runtime/bin/java" ${JCHEF_JAVA_OPTS:-} "$@"
LAUNCHER
chmod +x "$root/bin/jchef"

if [ "$feature" -ge 25 ]; then
  # Trained with a prepare of the demo workspace; relative to the runtime, the jar stays where it
  # is, so the cache still fits wherever the archive is unpacked.
  training="$(mktemp -d)"
  (cd "$home/examples/demo-workspace" && "$root/runtime/bin/java" -XX:AOTCacheOutput="$root/lib/jchef.aot" \
    -Xlog:aot=off -Xlog:cds=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -jar "$root/lib/jchef-all.jar" prepare -q --recipe-path "$training/recipe.json") >/dev/null 2>&1 \
    || rm -f "$root/lib/jchef.aot"
  rm -rf "$training"
fi
cp "$home/README.md" "$root/README.md"

mkdir -p "$out"
archive="$out/$name-linux-x86_64.tar.gz"
tar -C "$work" --owner=0 --group=0 -czf "$archive" "$name"
echo "$archive"
