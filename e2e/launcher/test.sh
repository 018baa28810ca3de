#!/usr/bin/env bash
# Checks the ./jchef launcher's start-up archive: it is made after a build, remade for another
# JDK, and jchef runs all the same where it cannot be made (a user who cannot write the install
# directory or a cache), where it is corrupt, and where it is turned off.
#
#   e2e/launcher/test.sh        (after the jar is built: mvn -B package, or any ./jchef run)
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
launcher="$home/jchef"
record="$home/jchef-cli/target/jchef-start-up.txt"
"$launcher" --version >/dev/null   # builds the jar when needed
expected="$(java -jar "$home/jchef-cli/target/jchef-all.jar" --version)"
failures=0

check() {
  local name="$1"; shift
  local output
  if output="$("$@" 2>&1)" && [ "$output" = "$expected" ]; then
    echo "ok: $name"
  else
    echo "FAILED: $name: $output"
    failures=$((failures + 1))
  fi
}

rm -f "$record"
check "first run makes an archive" "$launcher" --version
read -r java feature archive < "$record"
[ -f "$archive" ] && echo "ok: archive $archive for $java (Java $feature)" || { echo "FAILED: no archive"; failures=$((failures + 1)); }
check "a run with the archive" "$launcher" --version

other_java="$(ls /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r candidate; do
  if [ "$(readlink -f "$candidate")" != "$(readlink -f "$java")" ]; then echo "$candidate"; fi; done | head -1 || true)"
if [ -n "$other_java" ]; then
  check "another JDK ($other_java)" env JCHEF_JAVA="$other_java" "$launcher" --version
  read -r remade_java _ remade_archive < "$record"
  [ "$remade_java" = "$other_java" ] && [ -f "$remade_archive" ] \
    && echo "ok: archive remade for the other JDK: $remade_archive" \
    || { echo "FAILED: archive not remade for $other_java"; failures=$((failures + 1)); }
  rm -f "$record"
else
  echo "skipped: no second JDK in /usr/lib/jvm"
fi

check "a corrupt archive" bash -c "'$launcher' --version >/dev/null; read -r j f a < '$record'; head -c 1000 /dev/urandom > \"\$a\"; '$launcher' --version"
rm -f "$record"
check "archive turned off" env JCHEF_START_UP_ARCHIVE=off "$launcher" --version

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null; then
  check "a user who can write neither the install directory nor a cache" \
    runuser -u nobody -- env HOME=/nonexistent XDG_CACHE_HOME=/nonexistent PATH="$PATH" "$launcher" --version
else
  echo "skipped: the read-only case needs root and the user nobody"
fi

[ "$failures" = 0 ] && echo "PASSED: launcher" || { echo "FAILED: $failures launcher checks"; exit 1; }
