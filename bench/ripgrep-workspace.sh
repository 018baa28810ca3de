#!/usr/bin/env bash
# Assembles ripgrep 13's Cargo workspace from Debian 12 (bookworm) packages into DIR, so that it
# builds offline: a real-world benchmark input that nobody here wrote.
#
#   bench/ripgrep-workspace.sh DIR        (e.g. bench/ripgrep-workspace.sh /tmp/rg-ws)
#
# - The root crate (package `ripgrep`, binary `rg`) comes from the source package `rust-ripgrep`
#   (`apt-get source`; a deb-src entry for bookworm is added to /etc/apt/sources.list.d/ when apt
#   has none), without its debian/ packaging.
# - The nine workspace crates come from their librust-*-dev packages
#   (/usr/share/cargo/registry/<crate>-<version>/) into ripgrep's layout: crates/grep, crates/cli,
#   crates/matcher, crates/printer, crates/regex, crates/searcher, crates/pcre2, crates/ignore,
#   crates/globset. Their dependencies on each other (and the root's on them) become path
#   dependencies, keeping the version requirement; the root gets `[workspace] members =
#   ["crates/*"]` with `exclude = ["crates/core"]` (rg's own sources, no manifest). Nothing else
#   in the manifests is changed, except what Debian's versions make unresolvable, which is
#   relaxed and reported: a requirement a member does not meet, or a feature entry naming a
#   member feature Debian removed (the root's simd-accel -> grep/simd-accel, as of bookworm).
# - External crates come from Debian's librust-*-dev packages too: DIR/.cargo-home/config.toml
#   replaces crates.io with the directory source /usr/share/cargo/registry and sets
#   net.offline = true. The script runs `cargo generate-lockfile` with it (the upstream Cargo.lock
#   names crates.io versions Debian does not have, so it is replaced). Then, in DIR:
#     CARGO_HOME=DIR/.cargo-home cargo build --release
#
# Needs root and apt (installs what is missing, quietly; nothing already installed is touched)
# and cargo on the PATH (or in ~/.cargo/bin). An existing DIR is replaced, but only if it is empty
# or an earlier output of this script. Nothing of this is committed but the script itself.
set -euo pipefail

die() { echo "ripgrep-workspace: $*" >&2; exit 1; }
say() { echo "ripgrep-workspace: $*"; }

[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: $0 DIR" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "needs root (apt-get install, apt sources)"
command -v apt-get >/dev/null || die "needs apt-get (Debian 12)"
export PATH="$PATH:$HOME/.cargo/bin"
command -v cargo >/dev/null || die "needs cargo on the PATH"

dir="$(realpath -m -- "$1")"
case "$dir" in /|/usr|/usr/*|/etc|/etc/*|/root|/home|"$HOME") die "refusing to use $dir" ;; esac
if [ -e "$dir" ]; then
  [ -d "$dir" ] || die "$dir exists and is not a directory"
  if [ -n "$(ls -A "$dir")" ] && ! grep -qs '^name = "ripgrep"' "$dir/Cargo.toml"; then
    die "$dir is neither empty nor an earlier output of this script; not replacing it"
  fi
fi

REG=/usr/share/cargo/registry
export DEBIAN_FRONTEND=noninteractive

# crate -> directory under crates/ (ripgrep's layout) and the Debian package that ships it.
MEMBERS="grep:grep cli:grep-cli matcher:grep-matcher printer:grep-printer regex:grep-regex
searcher:grep-searcher pcre2:grep-pcre2 ignore:ignore globset:globset"
member_pkgs=""
for m in $MEMBERS; do member_pkgs="$member_pkgs librust-${m#*:}-dev"; done
# External crates the ten manifests name (normal, build and dev dependencies; the lockfile
# covers all of them, for every target), as Debian packages. Most come in as dependencies of
# the members' packages anyway; dev-dependencies do not.
external_pkgs="librust-bstr-dev librust-clap-2-dev librust-lazy-static-dev librust-log-dev
librust-num-cpus-dev librust-regex-dev librust-serde-json-dev librust-termcolor-dev
librust-serde-dev librust-serde-derive-dev librust-walkdir-dev librust-glob-dev
librust-crossbeam-channel-dev librust-winapi-util-dev librust-pcre2-dev"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- apt: a deb-src entry, the packages --------------------------------------------------------
apt_updated=""
apt_update() { [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }; }

if ! apt-cache showsrc rust-ripgrep 2>/dev/null | grep -q '^Package: rust-ripgrep'; then
  src=/etc/apt/sources.list.d/jchef-bench-deb-src.sources
  if [ ! -e "$src" ]; then
    cat > "$src" <<'EOF'
# Added by jchef's bench/ripgrep-workspace.sh for `apt-get source rust-ripgrep`.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    say "added the deb-src entry $src"
  fi
  apt_update
  apt-cache showsrc rust-ripgrep 2>/dev/null | grep -q '^Package: rust-ripgrep' \
    || die "apt does not know the source package rust-ripgrep"
fi

missing=""
for p in dpkg-dev $member_pkgs $external_pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  apt-cache show librust-grep-dev >/dev/null 2>&1 || apt_update
  say "installing:$missing"
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>"$work/apt.log" \
    || { apt_update; apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>"$work/apt.log"; } \
    || { cat "$work/apt.log" >&2; die "apt-get install failed"; }
else
  say "all $(echo dpkg-dev $member_pkgs $external_pkgs | wc -w) packages already installed"
fi

# --- the root crate from the source package ----------------------------------------------------
chown _apt "$work" 2>/dev/null || true   # lets apt download without its "unsandboxed" warning
(cd "$work" && apt-get source -qq rust-ripgrep >/dev/null 2>"$work/source.log") \
  || { cat "$work/source.log" >&2; die "apt-get source rust-ripgrep failed"; }
srcdir="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'rust-ripgrep-*' | head -n1)"
[ -n "$srcdir" ] && [ -f "$srcdir/Cargo.toml" ] || die "no unpacked rust-ripgrep source in $work"
src_version="$(cd "$work" && ls rust-ripgrep_*.dsc | sed 's/^rust-ripgrep_//; s/\.dsc$//')"

rm -rf "$dir"
mkdir -p "$dir"
cp -a "$srcdir/." "$dir/"
rm -rf "$dir/debian" "$dir/.pc" "$dir/Cargo.lock"
say "root: ripgrep from source package rust-ripgrep $src_version (Debian patches applied; debian/ dropped)"

# --- the nine members from the registry --------------------------------------------------------
mkdir -p "$dir/crates"
used=""
for m in $MEMBERS; do
  sub="${m%%:*}" crate="${m#*:}" pkg="librust-${m#*:}-dev"
  from="$(dpkg -L "$pkg" | grep -m1 -E "^$REG/$crate-[0-9][^/]*$" || true)"
  [ -n "$from" ] && [ -f "$from/Cargo.toml" ] || die "$pkg ships no $REG/$crate-*"
  [ ! -e "$dir/crates/$sub" ] || die "crates/$sub already exists in the source package"
  cp -a "$from" "$dir/crates/$sub"
  rm -rf "$dir/crates/$sub/.cargo-checksum.json" "$dir/crates/$sub/debian"
  used="$used ${from##*/}($(dpkg-query -W -f='${Version}' "$pkg"))"
done
say "members from $REG:$used"

# --- manifests: path dependencies between the workspace crates, [workspace] at the root -------
python3 - "$dir" "$MEMBERS" <<'PY'
import json, re, sys, tomllib
root, members = sys.argv[1], sys.argv[2].split()
subdir = dict((m.split(":")[1], m.split(":")[0]) for m in members)     # crate -> crates/<sub>

def ver(s):
    p = [int(x) for x in re.match(r"\d+(?:\.\d+){0,2}", s).group(0).split(".")]
    return p + [0] * (3 - len(p)), len(p)

def matches(req, version):                     # Cargo's requirement syntax, enough for these
    v = ver(version)[0]
    for part in req.split(","):
        part = part.strip()
        op, rest = re.match(r"(\^|~|>=|<=|>|<|=)?\s*(.*)", part).groups()
        if rest in ("*", ""):
            continue
        r, n = ver(rest.replace(".*", ""))
        op = op or "^"
        if op == "^":
            first = next((i for i, x in enumerate(r[:n]) if x != 0), n - 1)
            upper = r[:first] + [r[first] + 1] + [0] * (2 - first)
            ok = r <= v < upper
        elif op == "~":
            upper = [r[0] + 1, 0, 0] if n == 1 else [r[0], r[1] + 1, 0]
            ok = r <= v < upper
        elif op == "=":
            ok = v[:n] == r[:n]
        else:
            ok = {">=": v >= r, ">": v > r, "<=": v <= r, "<": v < r}[op]
        if not ok:
            return False
    return True

versions, member_features = {}, {}
for crate, sub in subdir.items():
    with open(f"{root}/crates/{sub}/Cargo.toml", "rb") as f:
        m = tomllib.load(f)
    versions[crate] = m["package"]["version"]
    optional = [k for kind in ("dependencies",) for k, v in m.get(kind, {}).items()
                if isinstance(v, dict) and v.get("optional")]
    member_features[crate] = set(m.get("features", {})) | set(optional)

KINDS = ("dependencies", "dev-dependencies", "build-dependencies")
for crate, rel, up in [("ripgrep", "Cargo.toml", "crates/")] + \
        [(c, f"crates/{s}/Cargo.toml", "../") for c, s in subdir.items()]:
    path = f"{root}/{rel}"
    text = open(path, encoding="utf-8").read()
    data = tomllib.loads(text)
    if crate == "ripgrep" and "workspace" in data:
        sys.exit(f"{rel} already has a [workspace] table")
    tables = [(None, data)] + [(t, v) for t, v in data.get("target", {}).items()]
    lines = text.split("\n")
    changed = 0
    for target, table in tables:
        for kind in KINDS:
            for key, spec in table.get(kind, {}).items():
                spec = {"version": spec} if isinstance(spec, str) else spec
                name = spec.get("package", key)
                if name not in subdir:
                    continue
                if "path" in spec:
                    continue
                # Normalized manifests: one [kind.key] (or [target."cfg".kind.key]) table per dep.
                pre = r"target\.(?:\"[^\"]*\"|'[^']*'|[^.\[\]]+)\." if target else ""
                head = re.compile(r"^\[" + pre + re.escape(kind) + r"\.(?:\"?" + re.escape(key) + r"\"?)\]\s*$")
                hits = [i for i, l in enumerate(lines) if head.match(l)]
                if len(hits) != 1:
                    sys.exit(f"{rel}: cannot find the one table for {kind}.{key} ({len(hits)} found)")
                i = hits[0]
                req = spec.get("version")
                if req is not None and not matches(req, versions[name]):
                    # Relax to what Debian ships: a caret requirement on the member's version.
                    end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("[")), len(lines))
                    vl = [j for j in range(i + 1, end) if re.match(r"^version\s*=", lines[j])]
                    lines[vl[0]] = f'version = "{versions[name]}"'
                    print(f"ripgrep-workspace: RELAXED {rel}: {kind}.{key} \"{req}\" -> \"{versions[name]}\" (Debian has {name} {versions[name]})")
                lines.insert(i + 1, f'path = "{up}{subdir[name]}"')
                changed += 1
    # A feature that names a member's feature Debian removed (e.g. grep's simd-accel, which
    # needed nightly's packed_simd) would stop the resolver: drop that entry, keep the feature.
    deps = {}
    for target, table in tables:
        for kind in KINDS:
            for key, spec in table.get(kind, {}).items():
                if isinstance(spec, dict) and spec.get("package", key) in subdir:
                    deps[key] = spec.get("package", key)
                elif key in subdir:
                    deps[key] = key
    for feat, entries in data.get("features", {}).items():
        keep = []
        for e in entries:
            dep, _, f = e.partition("/")
            dep = dep.rstrip("?")
            if f and dep in deps and f not in member_features[deps[dep]]:
                print(f"ripgrep-workspace: RELAXED {rel}: feature {feat} no longer enables"
                      f" \"{e}\" (Debian's {deps[dep]} {versions[deps[dep]]} has no feature {f})")
                continue
            keep.append(e)
        if keep != entries:
            fs = [j for j, l in enumerate(lines) if re.match(r'^"?' + re.escape(feat) + r'"?\s*=', l)]
            start = next(j for j, l in enumerate(lines) if l.strip() == "[features]")
            fs = [j for j in fs if j > start]
            if not fs or not lines[fs[0]].rstrip().endswith("]"):
                sys.exit(f"{rel}: cannot rewrite feature {feat}")
            lines[fs[0]] = f"{feat} = [" + ", ".join(json.dumps(e) for e in keep) + "]"
    if crate == "ripgrep":
        # crates/core holds rg's sources and has no manifest: upstream listed the members one by
        # one; with the glob, cargo needs it excluded.
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", "[workspace]", 'members = ["crates/*"]', 'exclude = ["crates/core"]', ""]
    text = "\n".join(lines)
    check = tomllib.loads(text)                  # still valid TOML, and the paths are there
    open(path, "w", encoding="utf-8").write(text)
    print(f"ripgrep-workspace: {rel}: {changed} path dependenc{'y' if changed == 1 else 'ies'}"
          + (", [workspace] members = [\"crates/*\"], exclude = [\"crates/core\"]"
             if crate == "ripgrep" else ""))
PY

# --- Cargo home: Debian's registry instead of crates.io, offline --------------------------------
mkdir -p "$dir/.cargo-home"
cat > "$dir/.cargo-home/config.toml" <<EOF
# Written by jchef's bench/ripgrep-workspace.sh: crates.io is replaced by Debian's crates.
[source.crates-io]
replace-with = "debian-packages"

[source.debian-packages]
directory = "$REG"

[net]
offline = true
EOF
export CARGO_HOME="$dir/.cargo-home"
(cd "$dir" && nice cargo generate-lockfile -q) || die "cargo generate-lockfile failed in $dir"
say "Cargo.lock: $(grep -c '^\[\[package\]\]' "$dir/Cargo.lock") packages, all from $REG or the workspace"

# --- what to use ---------------------------------------------------------------------------------
(cd "$dir" && cargo metadata --no-deps --format-version 1 --offline) > "$work/metadata.json"
python3 - "$work/metadata.json" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1])); root = m["workspace_root"]
ids = set(m["workspace_members"])
print(f"ripgrep-workspace: {len(ids)} workspace members in {root}:")
for p in sorted(m["packages"], key=lambda p: os.path.dirname(p["manifest_path"])):
    if p["id"] in ids:
        rel = os.path.relpath(os.path.dirname(p["manifest_path"]), root)
        print(f"  {p['name']:<14} {p['version']:<8} {rel}")
PY
echo "CARGO_HOME=$CARGO_HOME"
echo "build:  cd $dir && CARGO_HOME=$CARGO_HOME cargo build --release"
