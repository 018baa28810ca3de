"""The README check of e2e/readme/run.sh; see its header."""
import os, re, shutil, subprocess, sys, tempfile, xml.etree.ElementTree as ET
import yaml

home = os.environ["JCHEF_HOME"]
archive = os.environ["JCHEF_ARCHIVE"]
readme = open(sys.argv[1], encoding="utf-8").read().split("\n")
cargo_dir = os.path.dirname(shutil.which("cargo") or "/usr/bin/cargo")
failures = []


def blocks():
    i = 0
    while i < len(readme):
        line = readme[i]
        if line.startswith("```"):
            start = i
            marker = readme[i - 1] if i > 0 else ""
            m = re.match(r"<!-- readme-check: (.*?) -->$", marker.strip())
            j = i + 1
            while not readme[j].startswith("```"):
                j += 1
            yield start + 1, line[3:].strip(), (m.group(1) if m else None), "\n".join(readme[i + 1:j]) + "\n"
            i = j + 1
        else:
            i += 1


def sh(command, cwd, env, check=True):
    result = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError("exit %d: %s\n%s%s" % (result.returncode, command, result.stdout[-2000:], result.stderr[-2000:]))
    return result


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=readme", "-c", "user.email=readme@example.com", *args], cwd=cwd, check=True, capture_output=True)


def sandbox():
    root = tempfile.mkdtemp(prefix="jchef-readme-")
    bindir = os.path.join(root, "bin")
    os.makedirs(bindir)
    with open(os.path.join(bindir, "jchef"), "w") as launcher:
        launcher.write('#!/bin/sh\nexec "%s/jchef" "$@"\n' % home)
    os.chmod(os.path.join(bindir, "jchef"), 0o755)
    cargo_home = os.path.join(root, "cargo-home")
    os.makedirs(cargo_home)
    with open(os.path.join(cargo_home, "config.toml"), "w") as config:
        config.write('[source.crates-io]\nreplace-with = "r"\n[source.r]\ndirectory = "%s/examples/registry"\n[net]\noffline = true\n' % home)
    workspace = os.path.join(root, "my-workspace")
    shutil.copytree(os.path.join(home, "examples/demo-workspace"), workspace, ignore=shutil.ignore_patterns("target"))
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "first")
    git(workspace, "tag", "v1.2.0")
    with open(os.path.join(workspace, "greeter/src/lib.rs"), "a") as edit:
        edit.write("\n// edited\n")
    git(workspace, "commit", "-qam", "second")
    shutil.copytree(workspace, os.path.join(root, "other-project"))
    env = dict(os.environ, CARGO_HOME=cargo_home, PATH=bindir + ":" + cargo_dir + ":/usr/bin:/bin")
    env.pop("CARGO_TARGET_DIR", None)
    sh("jchef prepare -q --git-rev v1.2.0 --recipe-path old-recipe.json", workspace, env)
    return root, workspace, env


def run_block(body, root, workspace, env):
    # A block that does not start with cd runs in the workspace. `jchef diff` exits 1 for a
    # difference, which is its answer, not a failure.
    script = "\n".join(
        line + (" || [ $? -eq 1 ]" if line.startswith("jchef diff") else "")
        for line in body.splitlines())
    cwd = root if body.lstrip().startswith("cd ") else workspace
    sh("set -e\n" + script, cwd, env)


def github_actions(body, root, workspace, env):
    job = next(iter(yaml.safe_load(body)["jobs"].values()))
    runner = tempfile.mkdtemp(dir=root, prefix="runner-")
    checkout = os.path.join(runner, "checkout")
    temp = os.path.join(runner, "temp")
    os.makedirs(temp)
    path_file, output_file = os.path.join(runner, "path"), os.path.join(runner, "output")
    open(path_file, "w").close()
    open(output_file, "w").close()
    step_env = dict(env)
    step_env["PATH"] = cargo_dir + ":/usr/bin:/bin"   # no jchef until the job installs it
    step_env.update({k: str(v) for k, v in job.get("env", {}).items()})
    step_env["JCHEF_URL"] = "file://" + archive
    step_env.update(RUNNER_TEMP=temp, GITHUB_PATH=path_file, GITHUB_OUTPUT=output_file, GITHUB_WORKSPACE=checkout)
    for step in job["steps"]:
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout"):
            subprocess.run(["git", "clone", "-q", workspace, checkout], check=True)
        elif uses:
            continue  # actions/cache: a cache miss, as on a first run
        else:
            with open(path_file) as added:
                extra = [line.strip() for line in added if line.strip()]
            run_env = dict(step_env, PATH=":".join(reversed(extra)) + ":" + step_env["PATH"] if extra else step_env["PATH"])
            sh("set -e\n" + step["run"], checkout, run_env)
    program = os.path.join(checkout, "cooked/target/release/app")
    out = sh(program, checkout, env).stdout
    if "HELLO, JCHEF" not in out:
        raise RuntimeError("the job's program printed %r" % out)


def buildah_block(body, env):
    # The block as written, from the repository's root, with buildah as e2e/container/run.sh sets it
    # up here: chroot isolation, overlay storage, and BASE the base image run.sh made with
    # debootstrap (no registry to pull debian:bookworm-slim from), which it must have made first.
    base = "localhost/jchef-base:bookworm"
    if shutil.which("buildah") is None or os.getuid() != 0:
        return "SKIPPED (buildah is not installed, or this is not root)"
    if subprocess.run(["buildah", "inspect", "--type", "image", base], capture_output=True).returncode != 0:
        return "SKIPPED (no %s: e2e/container/run.sh makes it)" % base
    block_env = dict(env, BASE=base, BUILDAH_ISOLATION="chroot", STORAGE_DRIVER="overlay",
                     PATH=env["PATH"] + ":/usr/sbin:/sbin")
    sh("set -e\n" + body, home, block_env)
    return None


def file_matches(path, body):
    text = open(os.path.join(home, path), encoding="utf-8").read()
    lines = text.split("\n")
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    if "\n".join(lines) != body:
        raise RuntimeError("the block is not %s (after its header comments): update one or the other" % path)


root, workspace, env = sandbox()
count = 0
for line, language, kind, body in blocks():
    count += 1
    name = "README.md:%d (%s, %s)" % (line, language or "text", kind)
    try:
        if kind is None:
            raise RuntimeError("no <!-- readme-check: ... --> marker on the line before the block")
        if kind == "run":
            run_block(body, root, workspace, env)
        elif kind == "github-actions":
            github_actions(body, root, workspace, env)
        elif kind.startswith("buildah"):
            skipped = buildah_block(body, env)
            if skipped:
                print("%s: %s" % (name, skipped))
                if os.environ.get("JCHEF_REQUIRE_BUILDAH") == "true":
                    raise RuntimeError(skipped + ", and JCHEF_REQUIRE_BUILDAH=true")
                continue
        elif kind.startswith("file "):
            file_matches(kind[len("file "):].strip(), body)
        elif kind.startswith("output of: "):
            printed = sh(kind[len("output of: "):], home, env).stdout
            if printed != body:
                raise RuntimeError("it prints:\n" + printed)
        elif kind == "xml":
            ET.fromstring("<root>" + body + "</root>")
        elif kind in ("output", "compile") or kind.startswith("ci"):
            pass
        else:
            raise RuntimeError("unknown kind " + kind)
        print("ok: " + name)
    except Exception as error:  # every block is reported, then the check fails
        failures.append(name)
        print("FAILED: %s: %s" % (name, error))
shutil.rmtree(root, ignore_errors=True)
if failures:
    print("FAILED: %d of %d README blocks" % (len(failures), count))
    sys.exit(1)
print("PASSED: all %d README blocks (run, built, compared or parsed as their markers say)" % count)
