#!/usr/bin/env python3
"""Files dacu cannot read give one clear D010/D011 error, exit 1 and no output file.

  - a file without read permission (as root, which reads anything, dacu runs as `nobody`);
  - a file whose read fails half-way (/proc/self/mem: open succeeds, read gives EIO), which must
    not pass for an empty file;
  - a pipe longer than the 8 MiB limit, which reports no size and must be cut off, not read whole.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from refusal import expect_refusal

# Messages in English: the checks below quote them (the golden cases hold the Chinese).
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    o = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # `nobody` must reach the copy of the binary and the file
        dacu = os.path.join(tmp, "dacu")
        shutil.copy(o.dacu, dacu)
        locked = os.path.join(tmp, "locked.yaml")
        with open(locked, "w", encoding="utf-8") as f:
            f.write("dacu: 1\nkind: campaign\nname: x\nextends: 聚划算\n")
        os.chmod(locked, 0)
        out = os.path.join(tmp, "out.csv")
        command = [dacu, "plan", locked, "-o", out]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        r = subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=tmp)
        ok &= expect_refusal("permission denied", r, out, "D010", "cannot be read (permission denied?)")

        r = subprocess.run([dacu, "plan", "/proc/self/mem", "-o", out], capture_output=True, text=True, env=ENV)
        ok &= expect_refusal("read error", r, out, "D010", "/proc/self/mem: cannot be read: Input/output error")

        big = b"# " + b"x" * (9 << 20) + b"\n"
        r = subprocess.run([dacu, "plan", "/dev/stdin", "-o", out], input=big, capture_output=True, env=ENV)
        r = subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())
        ok &= expect_refusal("endless pipe", r, out, "D011", "more than the limit of 8388608 bytes")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
