#!/usr/bin/env bash
# The start-up table of BENCHMARKS.md: prepare of a generated 50-member workspace through the
# launcher with each start-up set-up, next to cargo metadata --no-deps and a bare JVM, with
# hyperfine (apt-get install hyperfine).
#
#   bench/start-up.sh [MEMBERS]     (default 50)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
members="${1:-50}"
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install hyperfine" >&2; exit 2; }
work="$(mktemp -d /tmp/jchef-start-up.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$home/bench/generate-workspace.sh" "$members" "$work/ws" >/dev/null
cd "$work/ws"

jdk17="$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2>/dev/null | head -1 || true)"
jdk25="$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true)"
recipe="$work/recipe.json"
commands=("cargo metadata --no-deps --offline --format-version 1")
names=("cargo metadata --no-deps")
if [ -n "$jdk25" ]; then
  commands+=("$jdk25 -version"); names+=("java -version (JDK 25)")
fi
if [ -n "$jdk17" ]; then
  JCHEF_JAVA="$jdk17" "$home/jchef" --version >/dev/null   # trains its archive
  commands+=("env JCHEF_JAVA=$jdk17 JCHEF_START_UP_ARCHIVE=off $home/jchef prepare --recipe-path $recipe")
  names+=("prepare, JDK 17, no archive")
  commands+=("env JCHEF_JAVA=$jdk17 $home/jchef prepare --recipe-path $recipe")
  names+=("prepare, JDK 17, CDS archive")
fi
if [ -n "$jdk25" ]; then
  JCHEF_JAVA="$jdk25" "$home/jchef" --version >/dev/null
  commands+=("env JCHEF_JAVA=$jdk25 $home/jchef prepare --recipe-path $recipe")
  names+=("prepare, JDK 25, AOT cache")
fi

args=()
for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
hyperfine -N -w 2 -r 10 --export-markdown "$work/table.md" "${args[@]}" >/dev/null
cat "$work/table.md"
