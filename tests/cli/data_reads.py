#!/usr/bin/env python3
"""The data files a command is given or finds, tried the way an attacker or a careless script
would: every refusal is one coded error, exit 1, no output file, and never a hang or a byte of
a file dacu was not meant to read.

  - D081: a named pipe given to --status, --actuals or --files-from, or lying in --status-dir as a
    shop's file, refused before it is opened (opening it used to wait for a writer for ever);
  - D572: a shop's file in --status-dir or --actuals-dir that is a symbolic link out of the folder
    (to a secret), refused without reading it: the secret appears in no output;
  - a link to a file inside the folder is still read;
  - `-j ""` is the usual option error (D533), and a --files-from list with a UTF-8 BOM is read.

Every run has a timeout: a hang is a failure, not a wait.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from refusal import expect_refusal

SECRET = "s3cr3t-TOKEN-5f0e"
# Messages in English: the checks below quote them (the golden cases hold the Chinese).
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")


def run(args, cwd):
    try:
        r = subprocess.run(args, capture_output=True, text=True, env=ENV, cwd=cwd, timeout=20)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", "timed out: dacu hung")
    return r


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    dacu = os.path.abspath(o.dacu)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        campaign = os.path.join(tmp, "雪凡妮.yaml")
        shutil.copy(os.path.join(o.root, "examples", "雪凡妮-双十二聚划算.yaml"), campaign)
        out = os.path.join(tmp, "out.md")
        fifo = os.path.join(tmp, "pipe.csv")
        os.mkfifo(fifo)

        r = run([dacu, "report", campaign, "--status", fifo, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--status FIFO", r, out, "D081", "is a named pipe (FIFO), not a regular file")
        r = run([dacu, "plan", campaign, "--status", fifo, "-o", out], tmp)
        ok &= expect_refusal("plan --status FIFO", r, out, "D081", "is a named pipe (FIFO), not a regular file")
        r = run([dacu, "report", campaign, "--actuals", fifo, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--actuals FIFO", r, out, "D081", "is a named pipe (FIFO), not a regular file")
        r = run([dacu, "plan", "--files-from", fifo, "--out-dir", os.path.join(tmp, "outs")], tmp)
        ok &= expect_refusal("--files-from FIFO", r, os.path.join(tmp, "outs"), "D081",
                             "is a named pipe (FIFO), not a regular file")
        r = run([dacu, "done", campaign, "年度聚划算的商品企划", "--status", fifo], tmp)
        ok &= expect_refusal("done --status FIFO", r, out, "D081", "is a named pipe (FIFO), not a regular file")
        r = run([dacu, "report", campaign, "--status", "/dev/zero", "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--status device", r, out, "D081", "not a regular file")

        # -j "" is no number of jobs (it was taken for the default): the usual option error.
        for command in ("plan", "agenda"):
            r = run([dacu, command, campaign, "-j", ""], tmp)
            if r.returncode != 2 or "[D533]" not in r.stderr:
                print(f"{command} -j '': exit {r.returncode}\n{r.stderr}")
                ok = False
        # A --files-from list saved with a UTF-8 BOM: the first path is read without it.
        listed = os.path.join(tmp, "list.txt")
        with open(listed, "w", encoding="utf-8-sig") as f:
            f.write(campaign + "\n")
        r = run([dacu, "plan", "--files-from", listed, "--out-dir", os.path.join(tmp, "planned")], tmp)
        if r.returncode != 0 or not os.path.exists(os.path.join(tmp, "planned", "雪凡妮.txt")):
            print(f"--files-from with a BOM: exit {r.returncode} {os.listdir(os.path.join(tmp, 'planned'))}\n{r.stderr}")
            ok = False

        # --status-dir: the shop's file is a FIFO.
        status_dir = os.path.join(tmp, "状态")
        os.mkdir(status_dir)
        os.mkfifo(os.path.join(status_dir, "雪凡妮.csv"))
        r = run([dacu, "report", campaign, "--status-dir", status_dir, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--status-dir FIFO", r, out, "D081", "is a named pipe (FIFO), not a regular file")

        # --status-dir and --actuals-dir: a link out of the folder, to a file holding a secret.
        secret = os.path.join(tmp, "shadow")
        with open(secret, "w", encoding="utf-8") as f:
            f.write(f"root:{SECRET}:19000:0:99999:7:::\n")
        os.remove(os.path.join(status_dir, "雪凡妮.csv"))
        os.symlink(secret, os.path.join(status_dir, "雪凡妮.csv"))
        r = run([dacu, "report", campaign, "--status-dir", status_dir, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--status-dir link out", r, out, "D572", "is a link that leads out of the folder")
        r2 = run([dacu, "agenda", campaign, "--status-dir", status_dir, "-o", out], tmp)
        ok &= expect_refusal("agenda --status-dir link out", r2, out, "D572", "is a link that leads out of the folder")
        actuals_dir = os.path.join(tmp, "数据")
        os.mkdir(actuals_dir)
        os.symlink(secret, os.path.join(actuals_dir, "雪凡妮.csv"))
        r3 = run([dacu, "report", campaign, "--actuals-dir", actuals_dir, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        ok &= expect_refusal("--actuals-dir link out", r3, out, "D572", "is a link that leads out of the folder")
        for name, result in (("status-dir", r), ("agenda", r2), ("actuals-dir", r3)):
            if SECRET in result.stdout + result.stderr:
                print(f"{name}: the secret was shown:\n{result.stderr}")
                ok = False

        # A link to a status file inside the folder is read as the file.
        os.remove(os.path.join(status_dir, "雪凡妮.csv"))
        shutil.copy(os.path.join(o.root, "examples", "雪凡妮-任务状态.csv"), os.path.join(status_dir, "真的.csv"))
        os.symlink("真的.csv", os.path.join(status_dir, "雪凡妮.csv"))
        r = run([dacu, "report", campaign, "--status-dir", status_dir, "--as-of", "2026-12-19T20:00", "-o", out], tmp)
        if r.returncode != 0 or not os.path.exists(out):
            print(f"--status-dir link inside: exit {r.returncode}\n{r.stderr}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
