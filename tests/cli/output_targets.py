#!/usr/bin/env python3
"""Where -o and --out-dir write, and what they leave behind.

  - a regular file is replaced whole (temporary file, then rename), with no temporary left over;
  - a device or a pipe is written to as it is, never renamed over: `-o /dev/null` keeps
    /dev/null a device, `-o /dev/stdout` reaches stdout (appending when stdout is a file, and
    leaving the /dev/stdout link alone), a named pipe delivers the bytes;
  - a write that fails (`-o /dev/full`) is D070 with the system's reason and exit 1;
  - a batch leaves exactly one output per input and no temporary files.
"""
import argparse
import os
import stat
import subprocess
import sys
import tempfile
import threading

# Messages in English: the checks below quote them (the golden cases hold the Chinese).
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    example = os.path.join(o.root, "examples", "雪凡妮-双十二聚划算.yaml")
    plan = [o.dacu, "plan", example, "--format", "csv"]
    expected = subprocess.run(plan, capture_output=True, env=ENV, check=True).stdout
    problems = []

    def check(name, ok, detail=""):
        if not ok:
            problems.append(f"{name}: {detail}")

    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "plan.csv")
        with open(target, "w") as f:
            f.write("old\n")
        r = subprocess.run(plan + ["-o", target], capture_output=True, env=ENV)
        check("regular file", r.returncode == 0 and open(target, "rb").read() == expected, r.stderr.decode())
        check("no temporary left", os.listdir(tmp) == ["plan.csv"], str(os.listdir(tmp)))

        r = subprocess.run(plan + ["-o", "/dev/null"], capture_output=True, env=ENV)
        check("/dev/null", r.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode), r.stderr.decode())

        r = subprocess.run(plan + ["-o", "/dev/stdout"], capture_output=True, env=ENV)
        check("/dev/stdout", r.returncode == 0 and r.stdout == expected, f"exit {r.returncode} {r.stderr.decode()}")

        # /dev/stdout leading to a regular file (`-o /dev/stdout > f`, then `>> f`): written through
        # the link, appended, and the link stays a link.
        redirected = os.path.join(tmp, "redirected.csv")
        for mode in ("wb", "ab"):
            with open(redirected, mode) as f:
                r = subprocess.run(plan + ["-o", "/dev/stdout"], stdout=f, stderr=subprocess.PIPE, env=ENV)
        check("/dev/stdout to a file", r.returncode == 0 and open(redirected, "rb").read() == expected * 2
              and os.path.islink("/dev/stdout"), r.stderr.decode())

        if os.path.exists("/dev/full"):
            r = subprocess.run(plan + ["-o", "/dev/full"], capture_output=True, text=True, env=ENV)
            check("/dev/full", r.returncode == 4 and "[D070]" in r.stderr and "No space left on device" in r.stderr
                  and "hint:" in r.stderr and stat.S_ISCHR(os.stat("/dev/full").st_mode), r.stderr)

        fifo = os.path.join(tmp, "pipe")
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
        reader.start()
        r = subprocess.run(plan + ["-o", fifo], capture_output=True, env=ENV, timeout=60)
        reader.join(timeout=60)
        check("named pipe", r.returncode == 0 and received == [expected] and stat.S_ISFIFO(os.stat(fifo).st_mode),
              r.stderr.decode())

        out = os.path.join(tmp, "out")
        inputs = [os.path.join(o.root, "examples", f) for f in sorted(os.listdir(os.path.join(o.root, "examples")))
                  if f.endswith(".yaml")]
        for jobs in ("1", "2"):
            r = subprocess.run([o.dacu, "plan", "--format", "csv", "--out-dir", out, "-j", jobs, *inputs],
                               capture_output=True, env=ENV)
            names = sorted(n for n in os.listdir(out) if n not in (".dacu-manifest.json", ".dacu.lock"))  # the batch's own
            want = sorted(os.path.splitext(os.path.basename(i))[0] + ".csv" for i in inputs)
            check(f"batch -j {jobs}", r.returncode == 0 and names == want, f"{names} {r.stderr.decode()}")
    for p in problems:
        print(p)
    print("ok" if not problems else "FAILED")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
