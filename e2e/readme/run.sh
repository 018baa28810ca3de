#!/usr/bin/env bash
# Checks every code block of README.md that a user would paste. Each block carries a marker on the
# line before it, <!-- readme-check: KIND -->, and a block without one fails the check:
#
#   run                   shell, run in a sandbox: my-workspace (a git copy of the demo workspace
#                         with a tag v1.2.0), jchef on the PATH, crates from jchef's registry
#   github-actions        a GitHub Actions job: its steps run as a runner would (GITHUB_PATH,
#                         GITHUB_OUTPUT, RUNNER_TEMP; actions/checkout copies the repository,
#                         actions/cache is skipped), with JCHEF_URL pointing at this build's
#                         release archive and no jchef on the PATH before the install step
#   file PATH             the block is that file of this repository, after its header comments
#   output of: COMMAND    the block is what COMMAND prints, run from the repository's root
#   output                an example of output or a listing: not run
#   compile, xml          Java compiled by ReadmeSnippetsTest (mvn verify); XML must parse
#   ci                    run by .ci/run itself (the demo, the tests)
#   buildah               shell, run as written from the repository's root with buildah (chroot
#                         isolation, overlay storage, BASE=localhost/jchef-base:bookworm, the base
#                         image e2e/container/run.sh makes); SKIPPED without buildah or that image,
#                         a failure then with JCHEF_REQUIRE_BUILDAH=true
#
#   e2e/readme/run.sh [ARCHIVE]     (ARCHIVE: the release archive; built when not given)
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
archive="${1:-}"
[ -n "$archive" ] || archive="$("$home/dist/release-archive.sh")"
"$home/jchef" --version >/dev/null
export JCHEF_HOME="$home" JCHEF_ARCHIVE="$(readlink -f "$archive")"
exec python3 "$home/e2e/readme/check.py" "$home/README.md"
