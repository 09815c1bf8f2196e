#!/usr/bin/env python3
"""The ICS and XLSX writers are modules dacu loads on first use (lib/writers/modules.hpp).

  - a dacu without its modules still plans in every other format, and --format ics / xlsx give a
    located D074 naming the module and where it looked, exit 1 and no output file;
  - a module file that is not a loadable library gives D074 with the loader's reason;
  - `cmake --install` puts the modules where an installed dacu finds them (LIBDIR/dacu).
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


def run(args, cwd):
    return subprocess.run(args, capture_output=True, text=True, env=ENV, cwd=cwd)


def expect_ok(name, r, out, magic):
    if r.returncode != 0 or not os.path.exists(out):
        print(f"{name}: exit {r.returncode}\n--- stderr:\n{r.stderr}")
        return False
    with open(out, "rb") as f:
        head = f.read(len(magic))
    if head != magic:
        print(f"{name}: {out} starts with {head!r}, want {magic!r}")
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--build", required=True, help="the build tree, for cmake --install")
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    example = os.path.join(o.root, "examples", "雪凡妮-双十二聚划算.yaml")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        alone = os.path.join(tmp, "alone")
        os.mkdir(alone)
        dacu = os.path.join(alone, "dacu")
        shutil.copy(o.dacu, dacu)

        r = run([dacu, "plan", example, "--format", "csv", "-o", os.path.join(tmp, "plan.csv")], tmp)
        ok &= expect_ok("csv without modules", r, os.path.join(tmp, "plan.csv"), "阶段".encode())
        for fmt in ("ics", "xlsx"):
            out = os.path.join(tmp, f"plan.{fmt}")
            r = run([dacu, "plan", example, "-o", out], tmp)
            ok &= expect_refusal(f"{fmt} without its module", r, out, "D074",
                              f"--format {fmt} needs dacu-{fmt}.so, which is not installed with dacu")
            ok &= expect_refusal(f"{fmt} without its module (where)", r, out, "D074", f"looked in {alone} and ")

        with open(os.path.join(alone, "dacu-ics.so"), "w") as f:
            f.write("not a library\n")
        out = os.path.join(tmp, "plan.ics")
        r = run([dacu, "plan", example, "-o", out], tmp)
        ok &= expect_refusal("a module that is no library", r, out, "D074", "which cannot be loaded:")

        prefix = os.path.join(tmp, "prefix")
        inst = subprocess.run(["cmake", "--install", o.build, "--prefix", prefix], capture_output=True, text=True)
        if inst.returncode != 0:
            print(f"cmake --install failed:\n{inst.stdout}{inst.stderr}")
            return 1
        installed = os.path.join(prefix, "bin", "dacu")
        r = run([installed, "plan", example, "-o", out], tmp)
        ok &= expect_ok("installed ics", r, out, b"BEGIN:VCALENDAR")
        out = os.path.join(tmp, "plan.xlsx")
        r = run([installed, "plan", example, "-o", out], tmp)
        ok &= expect_ok("installed xlsx", r, out, b"PK\x03\x04")
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
