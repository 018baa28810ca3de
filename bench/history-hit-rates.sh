#!/usr/bin/env bash
# The dependency-layer hit rate over the newest N first-parent commits of git repositories, and
# what the misses were: `jchef history -n N --verbose` on each, summarised as a Markdown table of
# miss kinds (a commit counts under every kind its recipe change has; "alone" counts the commits
# whose only change is of that kind).
#
#   N=200 bench/history-hit-rates.sh REPO...      (REPO: a git directory, bare or not)
#
# Needs python3 for the summary.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
n="${N:-200}"
[ $# -gt 0 ] || { echo "usage: $0 REPO..." >&2; exit 2; }
"$home/jchef" --version >/dev/null
jar="$home/jchef-cli/target/jchef-all.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for repo in "$@"; do
  name="$(basename "$(cd "$repo" && pwd)")"
  [ "$name" = repo ] && name="$(basename "$(dirname "$(cd "$repo" && pwd)")")"
  started=$(date +%s)
  java -jar "$jar" history -n "$n" --verbose --repo "$repo" > "$out/$name.txt"
  echo "$name $(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo '?') $(( $(date +%s) - started ))" >> "$out/index"
done

python3 - "$out" <<'PY'
import collections, os, re, sys
out = sys.argv[1]

def key_of(change):
    """The dotted key a change line starts with, up to ` = ` or `: ` outside quotes."""
    quoted, i = False, 0
    while i < len(change):
        c = change[i]
        if c == "\\" and quoted:
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif not quoted and (change.startswith(" = ", i) or change.startswith(": ", i)):
            return change[:i]
        i += 1
    return change

def kind(file, change):
    if file == "Cargo.lock":
        return "lockfile: " + ("package added" if change.startswith("+ ") else "package removed" if change.startswith("- ") else "package changed")
    if file in (".cargo/config.toml", "toolchain file"):
        return file + " " + change
    if change in ("added", "removed"):
        return "manifest " + change
    m = re.match(r"[+-] target (\w+)", change)
    if m:
        return "target %s %s" % (m.group(1), "added" if change[0] == "+" else "removed")
    key = key_of(re.sub(r"^[+-] ", "", change))
    if key.startswith("package.version"):
        return "package.version (not masked: a [patch] target)"
    if key.startswith("package."):
        return "package." + key.split(".")[1]
    if re.match(r"(target\..*?\.)?(dev-|build-)?dependencies\.", key):
        return "dependency tables"
    if key.startswith("workspace.dependencies"):
        return "workspace.dependencies"
    return key.split(".")[0].split("[")[0] + (" (" + key.split(".")[1] + ")" if key.startswith(("workspace.", "profile.")) and "." in key else "")

print("| repository | commit | commits | hits | hit rate | seconds |")
print("|---|---|---:|---:|---:|---:|")
kinds_all, kinds_alone = collections.Counter(), collections.Counter()
for line in open(os.path.join(out, "index")):
    name, commit, seconds = line.split()
    text = open(os.path.join(out, name + ".txt")).read().splitlines()
    rate = text[-1]
    m = re.search(r"hit rate: (\d+) of (\d+)", rate)
    hits, total = int(m.group(1)), int(m.group(2))
    print("| %s | %s | %d | %d | %.1f%% | %s |" % (name, commit, total, hits, 100.0 * hits / total, seconds))
    current, file, kinds = None, None, None
    for row in text[:-1]:
        if not row.startswith(" "):
            if kinds is not None:
                for k in kinds: kinds_all[k] += 1
                if len(kinds) == 1: kinds_alone[next(iter(kinds))] += 1
            kinds = set() if " MISS " in row else None
            if kinds is not None and re.search(r"MISS +cannot prepare", row): kinds.add("cannot prepare")
            if kinds is not None and re.search(r"MISS +no earlier commit", row): kinds.add("first commit")
            if kinds is not None and re.search(r"MISS +the commit before could not", row): kinds.add("parent cannot prepare")
        elif row.startswith("      ") and kinds is not None:
            kinds.add(kind(file, row.strip()))
        elif row.startswith("    ") and kinds is not None:
            file = row.strip()
    if kinds is not None:
        for k in kinds: kinds_all[k] += 1
        if len(kinds) == 1: kinds_alone[next(iter(kinds))] += 1
print()
print("| miss kind | commits with it | commits with only it |")
print("|---|---:|---:|")
for k, c in kinds_all.most_common():
    print("| %s | %d | %d |" % (k, c, kinds_alone[k]))
PY
