#!/usr/bin/env python3
"""What `extends:` and `templates --dir` may read, tried the way an attacker or a careless
checkout would: every refusal is one coded error, exit 1, and never a byte of the file refused.

  - D080: an absolute path, a `..` path or a symbolic link out of the campaign's folder, unless
    `--template-dir` allows the folder it leads to;
  - D081: a named pipe (which used to hang), a device, a folder, a file under /proc, refused
    before they are opened;
  - D082: a regular file that is not a dacu template (a secret, a binary), named without being shown;
  - D071: `-o` (and `--out-dir`) never overwrites the template a campaign extends.

A secret is planted in the environment and in the files refused; it must appear in no output, in
text, JSON and GitHub annotations alike. Every run has a timeout: a hang is a failure, not a wait.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SECRET = "s3cr3t-TOKEN-5f0e"
# Messages in English: the checks below quote them (the golden cases hold the Chinese).
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8", DACU_TEST_SECRET=SECRET)
TEMPLATE = """dacu: 1
kind: template
name: 小团
departments:
  运营: {lead: 运营主管}
milestones:
  开团:
tasks:
  - {name: 备货, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}
"""


def campaign(extends):
    return f"dacu: 1\nkind: campaign\nname: 测试店\nextends: {extends}\nmilestones: {{开团: 2026-12-20T10:00}}\n"


class Run:
    def __init__(self, dacu, cwd):
        self.dacu, self.cwd, self.failures = dacu, cwd, []

    def __call__(self, name, args, code=None, message=None, exit_code=1, out=None):
        """Runs dacu ARGS; checks the exit code, `[code]` and `message` in the output, and that
        the secret appears nowhere. Returns the result (None when it hung)."""
        try:
            r = subprocess.run([self.dacu] + args, cwd=self.cwd, capture_output=True, env=ENV, timeout=20)
        except subprocess.TimeoutExpired:
            self.failures.append(f"{name}: dacu {' '.join(args)} hung")
            return None
        text = (r.stdout + r.stderr).decode("utf-8", errors="replace")
        problems = []
        if r.returncode != exit_code:
            problems.append(f"exit {r.returncode}, want {exit_code}")
        if code and f"[{code}]" not in text and f'"code": "{code}"' not in text and f"title={code}" not in text:
            problems.append(f"no {code}")
        if message and message not in text:
            problems.append(f"no '{message}'")
        if SECRET in text:
            problems.append("the secret was printed")
        if out and os.path.exists(os.path.join(self.cwd, out)):
            problems.append(f"{out} was written")
        for p in problems:
            self.failures.append(f"{name}: {p}\n--- dacu {' '.join(args)}\n{text}")
        return r


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    o = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = Run(os.path.abspath(o.dacu), tmp)
        shop = os.path.join(tmp, "shop")
        write(os.path.join(tmp, "secret.yaml"), f"token: {SECRET}\n")
        write(os.path.join(tmp, "shared", "小团.yaml"), TEMPLATE)
        write(os.path.join(shop, "notes.yaml"), f"password: {SECRET}\n")
        write(os.path.join(shop, "binary.yaml"), f"kind: template\n\0{SECRET}\n".encode(), "wb")
        write(os.path.join(shop, "latin1.yaml"), f"kind: template\n{SECRET}\xe9\n".encode("latin-1"), "wb")
        write(os.path.join(shop, "小团.yaml"), TEMPLATE)
        os.mkfifo(os.path.join(shop, "pipe.yaml"))
        os.makedirs(os.path.join(shop, "folder.yaml"))
        os.symlink("/proc/self/environ", os.path.join(shop, "environ.yaml"))
        os.symlink("../secret.yaml", os.path.join(shop, "up.yaml"))
        os.symlink("/dev/zero", os.path.join(shop, "zero.yaml"))
        os.symlink("pipe.yaml", os.path.join(shop, "to-pipe.yaml"))
        cases = {
            "absolute": ("/proc/self/environ", "D080", "template file /proc/self/environ leads outside the campaign's folder"),
            "dotdot": ("../secret.yaml", "D080", "template file ../secret.yaml leads outside the campaign's folder"),
            "link out": ("./environ.yaml", "D080", "template file ./environ.yaml leads outside the campaign's folder"),
            "link up": ("./up.yaml", "D080", "leads outside"),
            "device link": ("./zero.yaml", "D080", "leads outside"),
            "fifo": ("./pipe.yaml", "D081", "template file shop/pipe.yaml: is a named pipe (FIFO), not a regular file"),
            "link to fifo": ("./to-pipe.yaml", "D081", "is a named pipe (FIFO), not a regular file"),
            "folder": ("./folder.yaml", "D081", "is a directory, not a regular file"),
            "not a template": ("./notes.yaml", "D082", "template file shop/notes.yaml is not a dacu template: it has no line `kind: template`"),
            "NUL bytes": ("./binary.yaml", "D082", "is not a dacu template: it holds NUL bytes"),
            "not UTF-8": ("./latin1.yaml", "D082", "is not a dacu template: it is not UTF-8 text"),
        }
        for name, (extends, code, message) in cases.items():
            file = f"shop/{name.replace(' ', '-')}-campaign.yaml"
            write(os.path.join(tmp, file), campaign(extends))
            run(f"plan {name}", ["plan", file, "-o", "out.csv"], code, message, out="out.csv")
            for fmt in ("text", "json", "github"):
                run(f"validate {name} {fmt}", ["validate", "--format", fmt, file], code, message)

        # --template-dir allows a folder, and only what is in it: what it cannot make readable
        # (/proc, devices, other files) stays refused.
        write(os.path.join(shop, "shared-campaign.yaml"), campaign("../shared/小团.yaml"))
        run("shared without --template-dir", ["plan", "shop/shared-campaign.yaml"], "D080",
            "hint: keep the template in the campaign's folder or below it, or allow its folder with --template-dir shared")
        run("shared with --template-dir", ["plan", "shop/shared-campaign.yaml", "--template-dir", "shared"], exit_code=0)
        run("shared in validate", ["validate", "shop/shared-campaign.yaml", "--template-dir", "shared"], exit_code=0)
        os.makedirs(os.path.join(tmp, "out"))
        run("shared in a batch", ["plan", "shop/shared-campaign.yaml", "shop/absolute-campaign.yaml", "--template-dir", "shared",
                                  "--out-dir", "out", "-j", "2"], "D080", "1 written to out, 1 failed")
        run("--template-dir /proc", ["plan", "shop/absolute-campaign.yaml", "--template-dir", "/proc"], "D081",
            "template file /proc/self/environ: is under /proc, not a regular file")
        run("--template-dir /dev", ["plan", "shop/device-link-campaign.yaml", "--template-dir", "/dev"], "D081",
            "is a character device, not a regular file")
        run("--template-dir up", ["plan", "shop/dotdot-campaign.yaml", "--template-dir", "."], "D082",
            "template file secret.yaml is not a dacu template")
        # A template that does not exist is missing, not outside: `nonexist.yaml` resolved against
        # nothing lay in no folder and was D080.
        write(os.path.join(shop, "missing-campaign.yaml"), campaign("./nonexist.yaml"))
        run("missing template", ["plan", "shop/missing-campaign.yaml"], "D040", "no such file")
        run("--template-dir missing", ["plan", "shop/shared-campaign.yaml", "--template-dir", "nowhere"], "D080",
            "--template-dir nowhere: no such folder (looked in ")

        # templates --dir: the same refusals, each named by its path. `make` puts x.yaml in the folder.
        for name, (make, code, message) in {
            "fifo": (lambda x: os.mkfifo(x), "D081", "listing-fifo/x.yaml: is a named pipe (FIFO), not a regular file"),
            "link to fifo": (lambda x: (os.mkfifo(x + ".pipe"), os.symlink("x.yaml.pipe", x)), "D081", "is a named pipe (FIFO)"),
            "folder": (lambda x: os.makedirs(x), "D081", "is a directory, not a regular file"),
            "environ": (lambda x: os.symlink("/proc/self/environ", x), "D080", "listing-environ/x.yaml: leads outside the folder"),
            "link out": (lambda x: os.symlink(os.path.join(shop, "notes.yaml"), x), "D080", "leads outside the folder"),
            "secret": (lambda x: shutil.copy(os.path.join(shop, "notes.yaml"), x), "D082",
                       "listing-secret/x.yaml: is not a dacu template: it has no line `kind: template`"),
            "binary": (lambda x: shutil.copy(os.path.join(shop, "binary.yaml"), x), "D082", "is not a dacu template: it holds NUL bytes"),
        }.items():
            folder = os.path.join(tmp, "listing-" + name.replace(" ", "-"))
            os.makedirs(folder)
            write(os.path.join(folder, "小团.yaml"), TEMPLATE)
            make(os.path.join(folder, "x.yaml"))
            run(f"templates --dir {name}", ["templates", "--dir", os.path.basename(folder)], code, message)
        run("templates --dir fine", ["templates", "--dir", "shared"], exit_code=0)
        run("templates --dir missing", ["templates", "--dir", "nowhere"], "D010", "no such folder")

        # D071 for every file read: the template a campaign extends is an input too.
        before = open(os.path.join(shop, "小团.yaml"), "rb").read()
        write(os.path.join(shop, "c.yaml"), campaign("./小团.yaml"))
        run("-o the template", ["plan", "shop/c.yaml", "-o", "shop/小团.yaml"], "D071", "-o names an input file")
        run("validate -o the template", ["validate", "shop/c.yaml", "-o", "shop/小团.yaml"], "D071")
        run("report -o the template", ["report", "shop/c.yaml", "--format", "md", "-o", "shop/小团.yaml"], "D071")
        run("shared -o the template", ["plan", "shop/shared-campaign.yaml", "--template-dir", "shared",
                                       "-o", "shared/小团.yaml"], "D071")
        # A batch writes out/<stem>.<ext>: a campaign c.yaml extending ./c.json is refused there.
        write(os.path.join(tmp, "batch", "c.json"), TEMPLATE)
        write(os.path.join(tmp, "batch", "c.yaml"), campaign("./c.json"))
        run("--out-dir over the template", ["plan", "batch/c.yaml", "--out-dir", "batch", "--format", "json"], "D071",
            "0 written to batch, 1 failed")
        if open(os.path.join(tmp, "batch", "c.json"), encoding="utf-8").read() != TEMPLATE:
            run.failures.append("--out-dir over the template: the template was overwritten")
        if open(os.path.join(shop, "小团.yaml"), "rb").read() != before:
            run.failures.append("-o the template: the template was overwritten")
    for f in run.failures:
        print("FAIL:", f)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
