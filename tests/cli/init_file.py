#!/usr/bin/env python3
"""`dacu init`'s file, for every built-in template: the file is the user's once written.

    init_file.py --dacu BUILD/apps/dacu/dacu

- `init T -o f.yaml` over an existing file (or a link that leads nowhere) is D079, exit 1, and the
  file keeps the user's edits; `--force` replaces it; `-o -`, no -o and `-o /dev/stdout > f` still
  print; two inits racing for one name: one writes, the other is D079.
- The commented `tasks:` examples are the template's own: uncommented, with the required
  milestones given, the file validates (an example naming another template's task would be D041,
  another department D043, another milestone D030).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    dacu = os.path.abspath(parser.parse_args().dacu)
    problems = []

    # Messages in English: the checks below quote them (the golden cases hold the Chinese).
    english = dict(os.environ, LC_ALL="en_US.UTF-8")

    def run(args, cwd):
        return subprocess.run([dacu, *args], cwd=cwd, capture_output=True, timeout=60, env=english)

    def check(ok, what):
        if not ok:
            problems.append(what)

    # The built-in templates, as `dacu templates` lists them (a table under a header line).
    listing = subprocess.run([dacu, "templates"], capture_output=True, text=True, timeout=60)
    names = [line.split()[0] for line in listing.stdout.splitlines()[1:] if line.strip()]
    check(len(names) >= 3, f"dacu templates lists {names}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = os.path.join(tmp, f"{name}.yaml")
            r = run(["init", name, "-o", path], tmp)
            check(r.returncode == 0 and os.path.isfile(path), f"init {name} -o: exit {r.returncode} {r.stderr.decode()}")
            text = open(path, encoding="utf-8").read()

            # The user edits the file; init again must not take the edits away.
            edited = text + "# 我的修改\n"
            with open(path, "w", encoding="utf-8") as f:
                f.write(edited)
            r = run(["init", name, "-o", path], tmp)
            err = r.stderr.decode()
            check(r.returncode == 1 and "[D079]" in err and "the file already exists" in err and "--force" in err,
                  f"init {name} over an edited file: exit {r.returncode}\n{err}")
            check(open(path, encoding="utf-8").read() == edited, f"init {name} changed the edited file")
            r = run(["init", name, "-o", path, "--force"], tmp)
            check(r.returncode == 0 and open(path, encoding="utf-8").read() == text,
                  f"init {name} --force: exit {r.returncode} {r.stderr.decode()}")
            # -o /dev/stdout writes to what the shell redirected stdout to, which exists by then.
            redirected = os.path.join(tmp, f"{name}-stdout.yaml")
            with open(redirected, "wb") as f:
                r = subprocess.run([dacu, "init", name, "-o", "/dev/stdout"], cwd=tmp, stdout=f, stderr=subprocess.PIPE, timeout=60)
            check(r.returncode == 0 and open(redirected, encoding="utf-8").read() == text,
                  f"init {name} -o /dev/stdout > file: exit {r.returncode} {r.stderr.decode()}")
            for args in (["-o", "-"], []):
                r = run(["init", name, *args], tmp)
                check(r.returncode == 0 and r.stdout.decode() == text, f"init {name} {args}: exit {r.returncode}")

            # Only the required milestones filled, on a working day (Tuesday 2026-12-22): the file
            # fresh from init gives no warning at all, from validate or from plan (issue 17 item 4).
            milestones_only = "\n".join(re.sub(r"^  (\S+):(\s+# required)", r"  \1: 2026-12-22T10:00\2", line)
                                         for line in text.splitlines()) + "\n"
            fresh = os.path.join(tmp, f"{name}-fresh.yaml")
            with open(fresh, "w", encoding="utf-8") as f:
                f.write(milestones_only)
            for command in (["validate", fresh], ["plan", fresh, "-o", os.path.join(tmp, f"{name}-fresh.csv")]):
                r = run(command, tmp)
                err = r.stderr.decode()
                check(r.returncode == 0 and "dacu: warning:" not in err and "dacu: error:" not in err
                      and (command[0] != "validate" or "0 errors, 0 warnings" in err),
                      f"init {name} + milestones, {command[0]}: exit {r.returncode}, a warning or error:\n{err}")

            # Uncomment the tasks block; give each required milestone a Wednesday in March.
            required = re.findall(r"^  (\S+):\s+# required", text, re.M)
            lines, in_tasks = [], False
            for line in text.splitlines():
                if line.startswith("# tasks:"):
                    in_tasks = True
                    line = "tasks:" + line[len("# tasks:"):]
                elif in_tasks and line.startswith("#   "):
                    line = line[2:]
                else:
                    in_tasks = False
                for m in required:
                    if line.startswith(f"  {m}:"):
                        line = f"  {m}: 2027-03-10T10:00"
                lines.append(line)
            check(any(line.startswith("tasks:") for line in lines), f"init {name} has no tasks example")
            tried = os.path.join(tmp, f"{name}-tasks.yaml")
            with open(tried, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            r = run(["plan", tried, "--format", "csv"], tmp)
            check(r.returncode == 0, f"init {name} with its tasks examples uncommented does not plan:\n"
                                     + "\n".join(lines[-6:]) + "\n" + r.stderr.decode())
            r = run(["validate", tried], tmp)
            check("D041" not in r.stdout.decode() + r.stderr.decode(), f"init {name}: an example names a missing task")
            check(name == "聚划算" or "聚划算" not in "\n".join(lines[-6:]),
                  f"init {name} shows 聚划算's examples:\n" + "\n".join(lines[-6:]))

        # A link that leads nowhere yet is not replaced either: the file would appear where it points.
        dangling = os.path.join(tmp, "dangling.yaml")
        os.symlink("nowhere/x.yaml", dangling)
        r = run(["init", names[0], "-o", dangling], tmp)
        check(r.returncode == 1 and b"[D079]" in r.stderr and os.path.islink(dangling),
              f"init -o dangling link: exit {r.returncode} {r.stderr.decode()}")
        # Two inits racing for one name: exactly one writes it, the other is D079 (the early check
        # or the final rename, which never replaces without --force). Cannot fail when right.
        for round_ in range(20):
            path = os.path.join(tmp, "race.yaml")
            if os.path.exists(path):
                os.unlink(path)
            runs = [subprocess.Popen([dacu, "init", names[0], "--name", who, "-o", path], cwd=tmp,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for who in ("A", "B")]
            codes = [p.wait(timeout=60) for p in runs]
            errors = [p.stderr.read().decode() for p in runs]
            check(sorted(codes) == [0, 1] and any("[D079]" in e for e in errors),
                  f"race round {round_}: exits {codes} {errors}")
            left = [f for f in os.listdir(tmp) if f.startswith(".race")]
            check(left == [], f"race round {round_}: temporary files left: {left}")

    if problems:
        print("FAIL:\n" + "\n\n".join(problems))
        return 1
    print(f"ok: {len(names)} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
