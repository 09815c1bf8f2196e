#!/usr/bin/env python3
"""What dacu writes, checked at the process level: every write is checked, wherever it goes.

    writes.py --dacu BUILD/apps/dacu --root SOURCE_DIR stdout
        stdout on /dev/full, closed (`>&-`) and on a full tmpfs: D070 with the system's reason and
        exit 1. A closed stdout that nothing is written to is fine (exit 0); a reader that goes
        away (`dacu … | head`: EPIPE) ends the run quietly with its own status. The tmpfs needs
        `mount` (root): without it that part says SKIPPED, the rest still runs.
    writes.py … interrupt
        SIGTERM and SIGINT in the middle of an xlsx batch with -j 2: the run ends by the signal
        (exit 143 / 130) and leaves no `.NAME.….tmp` in --out-dir and no scratch file in $TMPDIR.
    writes.py … memory
        Out of memory (an address-space limit, RLIMIT_AS) is D078, exit 1, not "internal error".
        SKIPPED when dacu cannot start under the limit (a sanitizer build reserves terabytes).
"""
import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"
REPORT_ARGS = ["--actuals", "examples/雪凡妮-实时数据.csv", "--as-of", "2026-12-20T12:30"]


class Runner:
    def __init__(self, dacu, root):
        self.dacu, self.root, self.problems, self.notes = os.path.abspath(dacu), os.path.abspath(root), [], []

    def run(self, args, env_extra=None, **kw):
        env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
        env.update(env_extra or {})
        if "stdout" not in kw and "stderr" not in kw:
            kw["capture_output"] = True
        return subprocess.run([self.dacu] + args, cwd=self.root, env=env, timeout=120, **kw)

    def check(self, ok, what):
        if not ok:
            self.problems.append(what)

    def expect_error(self, what, r, code, reason):
        err = r.stderr.decode("utf-8", errors="replace") if isinstance(r.stderr, bytes) else (r.stderr or "")
        self.check(r.returncode == 1 and f"[{code}]" in err and reason in err and "hint:" in err,
                   f"{what}: want exit 1, {code}, '{reason}' and a hint; got exit {r.returncode}\n{err}")


def stdout_checks(t):
    plan = ["plan", EXAMPLE, "--format", "json"]
    whole = t.run(plan).stdout

    with open("/dev/full", "wb") as full:
        r = t.run(plan, stdout=full, stderr=subprocess.PIPE)
    t.expect_error("> /dev/full", r, "D070", "<stdout>: writing failed: No space left on device")

    # The shell's `>&-`: fd 1 closed before dacu starts.
    r = t.run(plan, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    t.expect_error(">&-", r, "D070", "<stdout>: writing failed: Bad file descriptor")
    # Nothing to write (validate's text goes to stderr): a closed stdout is no loss.
    r = t.run(["validate", EXAMPLE], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    t.check(r.returncode == 0, f"validate >&-: exit {r.returncode} {r.stderr.decode()}")

    # A reader that has gone away (`| head`): EPIPE is quiet, and the status is the run's own.
    read_end, write_end = os.pipe()
    os.close(read_end)
    r = t.run(plan, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    t.check(r.returncode == 0 and r.stderr == b"", f"EPIPE: exit {r.returncode} {r.stderr.decode()}")

    with tempfile.TemporaryDirectory() as tmp:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", tmp], capture_output=True, text=True)
        if mounted.returncode != 0:
            t.notes.append(f"SKIPPED full disk (tmpfs): mount is not permitted here: {mounted.stderr.strip()}")
            return
        try:
            # The JSON (about 50 KB) fills the 16 KiB tmpfs part way: D070, not exit 0 with a cut file.
            with open(os.path.join(tmp, "plan.json"), "wb") as f:
                r = t.run(plan, stdout=f, stderr=subprocess.PIPE)
            t.expect_error("> full tmpfs/plan.json", r, "D070", "<stdout>: writing failed: No space left on device")
            t.check(os.path.getsize(os.path.join(tmp, "plan.json")) < len(whole), "the tmpfs was not full")
            # Now the disk is full: the report cannot write its first byte.
            with open(os.path.join(tmp, "report.md"), "wb") as f:
                r = t.run(["report", EXAMPLE, *REPORT_ARGS], stdout=f, stderr=subprocess.PIPE)
            t.expect_error("> full tmpfs/report.md", r, "D070", "No space left on device")
            # -o on the full disk: D070 too, and no temporary file left behind.
            r = t.run(plan + ["-o", os.path.join(tmp, "plan2.json")])
            t.expect_error("-o full tmpfs/plan2.json", r, "D070", "No space left on device")
            t.check(sorted(os.listdir(tmp)) == ["plan.json", "report.md"], f"left on the tmpfs: {os.listdir(tmp)}")
        finally:
            subprocess.run(["umount", tmp], check=True)


def interrupt_checks(t):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for i in range(400):
            path = os.path.join(tmp, f"c{i:03}.yaml")
            shutil.copy(os.path.join(t.root, EXAMPLE), path)
            inputs.append(path)
        scratch = os.path.join(tmp, "scratch")
        os.mkdir(scratch)
        rounds = [(signal.SIGTERM, n) for n in (5, 17, 31, 44)] + [(signal.SIGINT, n) for n in (9, 23)]
        for number, (sig, after) in enumerate(rounds):
            out = os.path.join(tmp, f"out{number}")
            p = subprocess.Popen([t.dacu, "plan", "--format", "xlsx", "--out-dir", out, "-j", "2", *inputs],
                                 cwd=t.root, env=dict(os.environ, TMPDIR=scratch, NO_COLOR="1"),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Not a timing: wait for the batch to be under way (some outputs written), then signal it.
            while p.poll() is None and not (os.path.isdir(out) and len(os.listdir(out)) >= after):
                time.sleep(0.002)
            p.send_signal(sig)
            status = p.wait(timeout=120)
            t.check(status == -sig, f"{sig.name} after {after} outputs: exit {status}, want {-sig} (128+{int(sig)})")
            left = [f for f in os.listdir(out) if not f.endswith(".xlsx")]
            t.check(left == [], f"{sig.name}: left in --out-dir: {left}")
            t.check(os.listdir(scratch) == [], f"{sig.name}: left in $TMPDIR: {os.listdir(scratch)}")
            t.check(len(os.listdir(out)) < len(inputs), f"{sig.name}: the batch ended before the signal; make it bigger")


def memory_checks(t):
    # A plan of 20,000 tasks in one campaign file (7 MB of YAML) needs far more than 64 MiB more than
    # dacu needs to start.
    limit = 96 << 20
    limited = lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    start = subprocess.run([t.dacu, "templates"], capture_output=True, preexec_fn=limited)
    if start.returncode != 0:
        t.notes.append(f"SKIPPED out of memory: dacu cannot start within {limit >> 20} MiB of address space "
                       f"(a sanitizer build?): {start.stderr.decode(errors='replace')[:200]}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        campaign = os.path.join(tmp, "big.yaml")
        with open(campaign, "w") as f:
            f.write("dacu: 1\nkind: campaign\nname: big\nextends: 聚划算\nmilestones:\n"
                    "  报名: 2026-11-20T10:00\n  开团: 2026-12-20T10:00\ntasks:\n  add:\n")
            for i in range(20000):
                f.write(f"    - {{name: 任务{i:05}的一个很长很长很长很长很长的名字用来占用内存, department: 运营, owner: 运营主管, "
                        f"phase: 活动前, start: 开团前3天, note: 说明说明说明说明说明说明说明说明说明说明说明说明说明说明}}\n")
        size = os.path.getsize(campaign)
        assert size < 8 << 20, size
        r = t.run(["plan", campaign, "--format", "json", "-o", os.path.join(tmp, "plan.json")], preexec_fn=limited)
        t.expect_error("out of memory", r, "D078", "out of memory")
        t.check(b"this is a bug" not in r.stderr and b"internal error" not in r.stderr, f"says it is a bug: {r.stderr.decode()}")
        t.check(not os.path.exists(os.path.join(tmp, "plan.json")), "a plan was written")
        # The same in a batch: the input that did not fit is named, the others are still written.
        out = os.path.join(tmp, "out")
        r = t.run(["plan", "--format", "json", "--out-dir", out, campaign, os.path.join(t.root, EXAMPLE)], preexec_fn=limited)
        t.expect_error("out of memory in a batch", r, "D078", f"{campaign}: out of memory")
        t.check(os.path.isdir(out) and os.listdir(out) == ["雪凡妮-双十二聚划算.json"], f"batch wrote {os.listdir(out)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("part", choices=["stdout", "interrupt", "memory"])
    o = parser.parse_args()
    t = Runner(o.dacu, o.root)
    {"stdout": stdout_checks, "interrupt": interrupt_checks, "memory": memory_checks}[o.part](t)
    for note in t.notes:
        print(note)
    if t.problems:
        print("FAIL:\n" + "\n\n".join(t.problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
